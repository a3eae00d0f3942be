import { Alert, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { newPasswordSchema } from '@openofd/contract';
import { useState } from 'react';
import { Link } from 'react-router';
import { applyApiError, focusFirstInvalid } from '../../../shared/forms/apply-api-error';
import { FormError } from '../../../shared/ui/form-error';
import { PasswordWithRules } from '../../../shared/ui/password-with-rules';
import { useResetPassword } from '../api/reset-password';

/** Last step of both recovery ways: the token (from the letter or the SMS check) plus a new password. */
export function NewPasswordForm({ token }: { token: string }) {
  const reset = useResetPassword();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '' },
    validate: {
      password: (v) => {
        const r = newPasswordSchema.safeParse(v);
        return r.success ? null : (r.error.issues[0]?.message ?? 'Неверный пароль');
      },
    },
  });

  if (reset.isSuccess) {
    return (
      <Stack>
        <Alert color="teal" role="status" title="Пароль изменён">
          Новый пароль сохранён. Все сеансы завершены — войдите с новым паролем.
        </Alert>
        <Button component={Link} to="/sign-in">
          Войти
        </Button>
      </Stack>
    );
  }

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async ({ password }) => {
        setFormError(undefined);
        try {
          await reset.mutateAsync({ token, password });
        } catch (e) {
          setFormError(applyApiError(form, e));
        }
      }, focusFirstInvalid)}
    >
      <Stack>
        <FormError message={formError} />
        <PasswordWithRules label="Новый пароль" required {...form.getInputProps('password')} />
        <Button type="submit" loading={reset.isPending}>
          Сохранить пароль
        </Button>
      </Stack>
    </form>
  );
}
