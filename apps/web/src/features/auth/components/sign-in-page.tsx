import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { normalizePhone, signInRequestSchema } from '@openofd/contract';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/api-error';
import { applyApiError, errorMessage, focusFirstInvalid } from '../../../shared/forms/apply-api-error';
import { validateWith } from '../../../shared/forms/schema-validate';
import { looksLikePhone } from '../../../shared/phone/ru-phone';
import { AuthCard } from '../../../shared/ui/auth-card';
import { FormError } from '../../../shared/ui/form-error';
import { useResendConfirmation } from '../api/resend-confirmation';
import { useSignIn } from '../api/sign-in';

export function SignInPage() {
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const signIn = useSignIn();
  const resend = useResendConfirmation();
  const [formError, setFormError] = useState<string>();
  const [unconfirmed, setUnconfirmed] = useState<string>();
  const [lockedUntil, setLockedUntil] = useState<Date>();
  const form = useForm({
    mode: 'controlled',
    initialValues: { login: '', password: '' },
    validate: validateWith(signInRequestSchema),
  });

  const submit = form.onSubmit(async ({ login, password }) => {
    setFormError(undefined);
    setUnconfirmed(undefined);
    setLockedUntil(undefined);
    const normalized = looksLikePhone(login) ? (normalizePhone(login) ?? login) : login;
    try {
      await signIn.mutateAsync({ login: normalized, password });
      navigate(from ?? '/profile', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'email_not_confirmed' && login.includes('@'))
        setUnconfirmed(login);
      if (e instanceof ApiError && e.code === 'account_locked') setLockedUntil(e.lockedUntil);
      // Clear first: changing a field clears its error.
      form.setFieldValue('password', '');
      setFormError(applyApiError(form, e));
    }
  }, focusFirstInvalid);

  return (
    <AuthCard
      title="Вход в кабинет"
      footer={
        <>
          <Anchor component={Link} to="/sign-up">
            Регистрация
          </Anchor>
          <Anchor component={Link} to="/forgot-password">
            Забыли пароль?
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={formError} />
          {lockedUntil && (
            <Text size="sm" data-testid="locked-until">
              Вход снова будет доступен после{' '}
              {lockedUntil.toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' })} по вашему
              времени. Можно не ждать —{' '}
              <Anchor component={Link} to="/forgot-password">
                восстановите пароль
              </Anchor>
              .
            </Text>
          )}
          {unconfirmed && (
            <Button
              variant="light"
              loading={resend.isPending}
              disabled={resend.isSuccess}
              onClick={() =>
                resend.mutate({ email: unconfirmed }, { onError: (e) => setFormError(errorMessage(e)) })
              }
            >
              {resend.isSuccess ? 'Письмо отправлено' : 'Отправить письмо для подтверждения ещё раз'}
            </Button>
          )}
          <TextInput
            label="E-mail или телефон"
            autoComplete="username"
            required
            {...form.getInputProps('login')}
          />
          <PasswordInput
            label="Пароль"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signIn.isPending}>
            Войти
          </Button>
          <Group justify="center">
            <Anchor component={Link} to="/sign-in/certificate" size="sm">
              Войти по сертификату электронной подписи
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthCard>
  );
}
