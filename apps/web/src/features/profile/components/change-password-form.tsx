import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { changePasswordRequestSchema } from '@openofd/contract';
import { useState } from 'react';
import { applyApiError, focusFirstInvalid } from '../../../shared/forms/apply-api-error';
import { validateWith } from '../../../shared/forms/schema-validate';
import { FormError } from '../../../shared/ui/form-error';
import { PasswordWithRules } from '../../../shared/ui/password-with-rules';
import { SavedNote } from '../../../shared/ui/saved-note';
import { useChangePassword } from '../api/change-password';

export function ChangePasswordForm() {
  const change = useChangePassword();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '' },
    validate: validateWith(changePasswordRequestSchema),
  });
  return (
    <form
      noValidate
      aria-label="Смена пароля"
      onSubmit={form.onSubmit(async (values) => {
        setFormError(undefined);
        try {
          await change.mutateAsync(values);
          form.reset();
        } catch (e) {
          setFormError(applyApiError(form, e, { password: 'currentPassword' }));
        }
      }, focusFirstInvalid)}
    >
      <Stack>
        <FormError message={formError} />
        <PasswordInput
          label="Текущий пароль"
          autoComplete="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <PasswordWithRules label="Новый пароль" {...form.getInputProps('newPassword')} />
        <Group>
          <Button type="submit" variant="light" loading={change.isPending}>
            Сменить пароль
          </Button>
          <SavedNote show={change.isSuccess} text="Пароль изменён, другие сеансы завершены" />
        </Group>
      </Stack>
    </form>
  );
}
