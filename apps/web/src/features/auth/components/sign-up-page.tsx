import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { normalizePhone, signUpRequestSchema } from '@openofd/contract';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { applyApiError, focusFirstInvalid } from '../../../shared/forms/apply-api-error';
import { validateWith } from '../../../shared/forms/schema-validate';
import { AuthCard } from '../../../shared/ui/auth-card';
import { FormError } from '../../../shared/ui/form-error';
import { PasswordWithRules } from '../../../shared/ui/password-with-rules';
import { PhoneField } from '../../../shared/ui/phone-field';
import { useSignUp } from '../api/sign-up';

export function SignUpPage() {
  const navigate = useNavigate();
  const signUp = useSignUp();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', phone: '', password: '', fullName: '' },
    validate: validateWith(signUpRequestSchema),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    try {
      const res = await signUp.mutateAsync({
        email: values.email,
        phone: normalizePhone(values.phone) ?? values.phone,
        password: values.password,
        ...(values.fullName.trim() ? { fullName: values.fullName } : {}),
      });
      navigate('/sign-up/check-email', { state: { email: res.email } });
    } catch (e) {
      setFormError(applyApiError(form, e));
    }
  }, focusFirstInvalid);

  return (
    <AuthCard
      title="Регистрация"
      footer={
        <Anchor component={Link} to="/sign-in">
          Уже есть аккаунт? Войти
        </Anchor>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={formError} />
          <TextInput
            label="Электронная почта"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PhoneField
            label="Мобильный телефон"
            required
            description="На него придёт код, если понадобится восстановить пароль"
            {...form.getInputProps('phone')}
          />
          <TextInput label="Ф.И.О." autoComplete="name" {...form.getInputProps('fullName')} />
          <PasswordWithRules label="Пароль" required {...form.getInputProps('password')} />
          <Button type="submit" loading={signUp.isPending}>
            Зарегистрироваться
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
