import { Alert, Anchor } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { AuthCard } from '../../../shared/ui/auth-card';
import { NewPasswordForm } from './new-password-form';

/** Landing page of the recovery letter's link. */
export function ResetPasswordPage() {
  const token = useSearchParams()[0].get('token') ?? '';
  return (
    <AuthCard
      title="Новый пароль"
      footer={
        <Anchor component={Link} to="/sign-in">
          Ко входу
        </Anchor>
      }
    >
      {token ? (
        <NewPasswordForm token={token} />
      ) : (
        <Alert color="red" role="alert">
          В ссылке нет кода восстановления. Откройте ссылку из письма целиком или{' '}
          <Anchor component={Link} to="/forgot-password">
            запросите новую
          </Anchor>
          .
        </Alert>
      )}
    </AuthCard>
  );
}
