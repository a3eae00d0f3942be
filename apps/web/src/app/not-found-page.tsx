import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { AuthCard } from '../shared/ui/auth-card';

export function NotFoundPage() {
  return (
    <AuthCard title="Страница не найдена">
      <Text mb="md">Такой страницы нет. Проверьте адрес.</Text>
      <Anchor component={Link} to="/">
        На главную
      </Anchor>
    </AuthCard>
  );
}
