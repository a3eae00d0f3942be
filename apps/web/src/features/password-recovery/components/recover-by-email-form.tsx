import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { recoverByEmailRequestSchema } from '@openofd/contract';
import { useState } from 'react';
import { applyApiError, focusFirstInvalid } from '../../../shared/forms/apply-api-error';
import { validateWith } from '../../../shared/forms/schema-validate';
import { FormError } from '../../../shared/ui/form-error';
import { useRecoverByEmail } from '../api/recover-by-email';

export function RecoverByEmailForm() {
  const recover = useRecoverByEmail();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: validateWith(recoverByEmailRequestSchema),
  });
  if (recover.isSuccess) {
    return (
      <Alert color="teal" role="status" title="Письмо отправлено">
        Если адрес {form.getValues().email} зарегистрирован, на него придёт письмо с одноразовой ссылкой для
        смены пароля.
      </Alert>
    );
  }
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        setFormError(undefined);
        try {
          await recover.mutateAsync(values);
        } catch (e) {
          setFormError(applyApiError(form, e));
        }
      }, focusFirstInvalid)}
    >
      <Stack>
        <FormError message={formError} />
        <TextInput
          label="Электронная почта"
          type="email"
          autoComplete="email"
          required
          {...form.getInputProps('email')}
        />
        <Button type="submit" loading={recover.isPending}>
          Отправить ссылку
        </Button>
      </Stack>
    </form>
  );
}
