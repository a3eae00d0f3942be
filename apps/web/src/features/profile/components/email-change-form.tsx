import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { requestEmailChangeRequestSchema, type User } from '@openofd/contract';
import { useState } from 'react';
import { applyApiError, focusFirstInvalid } from '../../../shared/forms/apply-api-error';
import { validateWith } from '../../../shared/forms/schema-validate';
import { FormError } from '../../../shared/ui/form-error';
import { useRequestEmailChange } from '../api/request-email-change';

/** The new address takes effect only after the link in the letter sent to it is opened. */
export function EmailChangeForm({ user }: { user: User }) {
  const request = useRequestEmailChange();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    mode: 'controlled',
    initialValues: { newEmail: '', password: '' },
    validate: validateWith(requestEmailChangeRequestSchema),
  });
  return (
    <form
      noValidate
      aria-label="Смена e-mail"
      onSubmit={form.onSubmit(async (values) => {
        setFormError(undefined);
        try {
          await request.mutateAsync(values);
          form.reset();
        } catch (e) {
          setFormError(applyApiError(form, e));
        }
      }, focusFirstInvalid)}
    >
      <Stack>
        <Text>
          Текущий адрес: <b>{user.email}</b>
        </Text>
        {user.pendingEmail && (
          <Alert color="blue" role="status">
            Ждёт подтверждения: <b>{user.pendingEmail}</b>. Откройте ссылку из письма, отправленного на этот
            адрес.
          </Alert>
        )}
        <FormError message={formError} />
        <TextInput
          label="Новый адрес"
          description="Адрес сменится, когда вы откроете ссылку из письма, которое придёт на него"
          type="email"
          autoComplete="email"
          {...form.getInputProps('newEmail')}
        />
        <PasswordInput
          label="Текущий пароль"
          autoComplete="current-password"
          {...form.getInputProps('password')}
        />
        <Group>
          <Button type="submit" variant="light" loading={request.isPending}>
            Сменить адрес
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
