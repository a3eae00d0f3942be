import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../../shared/session/use-me';

function initials(name: string, email: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length >= 2) return `${parts[0]?.[0] ?? ''}${parts[1]?.[0] ?? ''}`.toUpperCase();
  return (parts[0]?.[0] ?? email[0] ?? '?').toUpperCase();
}

export function UserMenu() {
  const me = useMe();
  const user = me.data?.user;
  if (!user) return null;
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton
          aria-label={`Меню пользователя ${user.fullName || user.email}`}
          data-testid="user-menu"
        >
          <Avatar color="blue" radius="xl">
            {initials(user.fullName, user.email)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark" truncate>
            {user.fullName || 'Без имени'}
          </Text>
          <Text size="xs" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/profile">
          Профиль
        </Menu.Item>
        <Menu.Item component={Link} to="/security">
          Журнал безопасности
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" component={Link} to="/sign-out">
          Выход
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
