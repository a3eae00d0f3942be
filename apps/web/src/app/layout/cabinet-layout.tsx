import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { NotificationsBell } from '../../features/notifications/components/notifications-bell';
import { useDevMailAvailable } from '../../shared/dev/use-dev-mail-available';
import { BuildingIcon, MailIcon, ShieldIcon, UserIcon } from '../../shared/ui/icons';
import { OrganizationSwitcher } from './organization-switcher';
import { SkipLink } from './skip-link';
import { UserMenu } from './user-menu';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
}

// Only sections that exist. Кассы, Чеки, Аналитика and Маркет join this list with their issues.
const NAV: NavItem[] = [
  { to: '/organizations', label: 'Организации', icon: <BuildingIcon /> },
  { to: '/profile', label: 'Профиль', icon: <UserIcon /> },
  { to: '/security', label: 'Журнал безопасности', icon: <ShieldIcon /> },
];

export default function CabinetLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const devMail = useDevMailAvailable();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Меню разделов" />
            <Text
              component={Link}
              to="/"
              fw={700}
              size="lg"
              c="blue.8"
              style={{ textDecoration: 'none' }}
              visibleFrom="xs"
            >
              OpenOFD
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <OrganizationSwitcher />
            <NotificationsBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Разделы кабинета">
        <AppShell.Section grow component={ScrollArea}>
          {NAV.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={item.icon}
              active={pathname.startsWith(item.to)}
              aria-current={pathname.startsWith(item.to) ? 'page' : undefined}
              onClick={close}
            />
          ))}
        </AppShell.Section>
        {devMail && (
          <AppShell.Section>
            <NavLink component={Link} to="/dev/mail" label="Почта разработчика" leftSection={<MailIcon />} />
          </AppShell.Section>
        )}
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0" id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
