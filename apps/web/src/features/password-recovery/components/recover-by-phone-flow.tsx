import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  normalizePhone,
  recoverByPhoneRequestSchema,
  verifyRecoveryCodeRequestSchema,
} from '@openofd/contract';
import { useState } from 'react';
import { applyApiError, focusFirstInvalid } from '../../../shared/forms/apply-api-error';
import { validateWith } from '../../../shared/forms/schema-validate';
import { FormError } from '../../../shared/ui/form-error';
import { PhoneField } from '../../../shared/ui/phone-field';
import { useRecoverByPhone } from '../api/recover-by-phone';
import { useVerifyRecoveryCode } from '../api/verify-recovery-code';
import { NewPasswordForm } from './new-password-form';

/** Phone → 6-digit SMS code → new password. */
export function RecoverByPhoneFlow() {
  const [sentTo, setSentTo] = useState<{ phone: string; lifetime: number }>();
  const [resetToken, setResetToken] = useState<string>();
  if (resetToken) return <NewPasswordForm token={resetToken} />;
  if (sentTo) return <CodeStep phone={sentTo.phone} lifetime={sentTo.lifetime} onVerified={setResetToken} />;
  return <PhoneStep onSent={(phone, lifetime) => setSentTo({ phone, lifetime })} />;
}

function PhoneStep({ onSent }: { onSent: (phone: string, lifetime: number) => void }) {
  const recover = useRecoverByPhone();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    mode: 'controlled',
    initialValues: { phone: '' },
    validate: validateWith(recoverByPhoneRequestSchema),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async ({ phone }) => {
        setFormError(undefined);
        const normalized = normalizePhone(phone) ?? phone;
        try {
          const res = await recover.mutateAsync({ phone: normalized });
          onSent(normalized, res.codeLifetimeSeconds);
        } catch (e) {
          setFormError(applyApiError(form, e));
        }
      }, focusFirstInvalid)}
    >
      <Stack>
        <FormError message={formError} />
        <PhoneField label="Мобильный телефон" required {...form.getInputProps('phone')} />
        <Button type="submit" loading={recover.isPending}>
          Получить код по SMS
        </Button>
      </Stack>
    </form>
  );
}

function CodeStep(props: { phone: string; lifetime: number; onVerified: (token: string) => void }) {
  const verify = useVerifyRecoveryCode();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    mode: 'controlled',
    initialValues: { phone: props.phone, code: '' },
    validate: validateWith(verifyRecoveryCodeRequestSchema),
  });
  const minutes = Math.max(1, Math.round(props.lifetime / 60));
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        setFormError(undefined);
        try {
          props.onVerified((await verify.mutateAsync(values)).resetToken);
        } catch (e) {
          setFormError(applyApiError(form, e));
        }
      }, focusFirstInvalid)}
    >
      <Stack>
        <Text size="sm" role="status">
          Если номер зарегистрирован, на него отправлен код из 6 цифр. Код действует {minutes} мин.
        </Text>
        <FormError message={formError} />
        <TextInput
          label="Код из SMS"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          data-autofocus
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={verify.isPending}>
          Подтвердить код
        </Button>
      </Stack>
    </form>
  );
}
