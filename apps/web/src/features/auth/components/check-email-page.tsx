import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { errorMessage } from '../../../shared/forms/apply-api-error';
import { AuthCard } from '../../../shared/ui/auth-card';
import { FormError } from '../../../shared/ui/form-error';
import { useResendConfirmation } from '../api/resend-confirmation';

/** After sign-up: the account works once the link in the letter is opened. */
export function CheckEmailPage() {
  const email = (useLocation().state as { email?: string } | null)?.email;
  const resend = useResendConfirmation();
  const [error, setError] = useState<string>();
  return (
    <AuthCard
      title="Проверьте почту"
      footer={
        <Anchor component={Link} to="/sign-in">
          Ко входу
        </Anchor>
      }
    >
      <Stack>
        <Text>
          Мы отправили письмо со ссылкой для подтверждения
          {email ? (
            <>
              {' '}
              на <b>{email}</b>
            </>
          ) : null}
          . Откройте ссылку из письма, чтобы активировать аккаунт; до этого войти не получится.
        </Text>
        <Text size="sm" c="dimmed">
          Ссылка одноразовая и действует ограниченное время. Если письма нет, проверьте папку «Спам».
        </Text>
        <FormError message={error} />
        {email && (
          <Button
            variant="light"
            loading={resend.isPending}
            disabled={resend.isSuccess}
            onClick={() => {
              setError(undefined);
              resend.mutate({ email }, { onError: (e) => setError(errorMessage(e)) });
            }}
          >
            {resend.isSuccess ? 'Письмо отправлено повторно' : 'Отправить письмо ещё раз'}
          </Button>
        )}
      </Stack>
    </AuthCard>
  );
}
