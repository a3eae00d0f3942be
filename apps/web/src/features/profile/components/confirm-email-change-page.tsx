import { Alert, Anchor, Loader, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { usePostLinkToken } from '../../../shared/api/use-post-link-token';
import { errorMessage } from '../../../shared/forms/apply-api-error';
import { AuthCard } from '../../../shared/ui/auth-card';
import { useConfirmEmailChange } from '../api/confirm-email-change';

/** Landing page of the letter sent to the new address. */
export function ConfirmEmailChangePage() {
  const confirm = useConfirmEmailChange();
  const token = usePostLinkToken(confirm.mutate);
  return (
    <AuthCard title="Смена e-mail">
      <Stack>
        {!token && (
          <Alert color="red" role="alert">
            В ссылке нет кода подтверждения.
          </Alert>
        )}
        {confirm.isPending && <Loader aria-label="Проверяем ссылку" />}
        {confirm.isSuccess && (
          <Alert color="teal" role="status" title="Адрес изменён">
            Теперь вход и письма — на <b>{confirm.data.email}</b>.
          </Alert>
        )}
        {confirm.isError && (
          <Alert color="red" role="alert" title="Не удалось сменить адрес">
            {errorMessage(confirm.error)}
          </Alert>
        )}
        <Anchor component={Link} to="/profile">
          В профиль
        </Anchor>
      </Stack>
    </AuthCard>
  );
}
