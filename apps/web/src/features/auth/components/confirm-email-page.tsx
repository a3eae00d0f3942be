import { Alert, Anchor, Button, Loader, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { usePostLinkToken } from '../../../shared/api/use-post-link-token';
import { errorMessage } from '../../../shared/forms/apply-api-error';
import { AuthCard } from '../../../shared/ui/auth-card';
import { useConfirmEmail } from '../api/confirm-email';

/** Landing page of the confirmation link: posts the token once. */
export function ConfirmEmailPage() {
  const confirm = useConfirmEmail();
  const token = usePostLinkToken(confirm.mutate);

  return (
    <AuthCard title="Подтверждение e-mail">
      <Stack>
        {!token && (
          <Alert color="red" role="alert">
            В ссылке нет кода подтверждения. Откройте ссылку из письма целиком.
          </Alert>
        )}
        {confirm.isPending && (
          <Stack align="center">
            <Loader aria-label="Проверяем ссылку" />
            <Text>Проверяем ссылку…</Text>
          </Stack>
        )}
        {confirm.isSuccess && (
          <>
            <Alert color="teal" role="status" title="Адрес подтверждён">
              Адрес <b>{confirm.data.email}</b> подтверждён, аккаунт активен.
            </Alert>
            <Button component={Link} to="/sign-in">
              Войти
            </Button>
          </>
        )}
        {confirm.isError && (
          <>
            <Alert color="red" role="alert" title="Не удалось подтвердить">
              {errorMessage(confirm.error)}
            </Alert>
            <Text size="sm">
              Ссылка могла устареть или уже использована. Войдите — если адрес ещё не подтверждён, мы
              предложим отправить письмо ещё раз.
            </Text>
            <Anchor component={Link} to="/sign-in">
              Ко входу
            </Anchor>
          </>
        )}
      </Stack>
    </AuthCard>
  );
}
