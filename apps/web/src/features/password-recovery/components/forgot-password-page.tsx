import { Anchor, Tabs } from '@mantine/core';
import { Link } from 'react-router';
import { AuthCard } from '../../../shared/ui/auth-card';
import { RecoverByEmailForm } from './recover-by-email-form';
import { RecoverByPhoneFlow } from './recover-by-phone-flow';

export function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Восстановление пароля"
      footer={
        <Anchor component={Link} to="/sign-in">
          Вспомнили пароль? Войти
        </Anchor>
      }
    >
      <Tabs defaultValue="email" keepMounted={false}>
        <Tabs.List grow mb="md">
          <Tabs.Tab value="email">По e-mail</Tabs.Tab>
          <Tabs.Tab value="phone">По телефону</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="email">
          <RecoverByEmailForm />
        </Tabs.Panel>
        <Tabs.Panel value="phone">
          <RecoverByPhoneFlow />
        </Tabs.Panel>
      </Tabs>
    </AuthCard>
  );
}
