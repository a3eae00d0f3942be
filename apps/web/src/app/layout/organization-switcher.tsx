import { Button, Menu, Text } from '@mantine/core';
import { roleLabels } from '@openofd/contract';
import { Link } from 'react-router';
import { useCurrentOrganization } from '../../shared/session/current-organization';

/** The organization the cabinet shows; switching re-scopes every page. */
export function OrganizationSwitcher() {
  const { current, organizations, select } = useCurrentOrganization();
  return (
    <Menu position="bottom-end" width={300} shadow="md">
      <Menu.Target>
        <Button
          variant="default"
          size="sm"
          maw={{ base: 140, sm: 280 }}
          aria-label={current ? `Организация: ${current.name}. Сменить` : 'Выбрать организацию'}
          data-testid="organization-switcher"
        >
          <Text span truncate size="sm">
            {current?.name ?? 'Нет организации'}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Организации</Menu.Label>
        {organizations.map((o) => (
          <Menu.Item
            key={o.id}
            onClick={() => select(o.id)}
            aria-current={o.id === current?.id ? 'true' : undefined}
            rightSection={o.id === current?.id ? '✓' : undefined}
          >
            <Text size="sm" fw={o.id === current?.id ? 600 : 400}>
              {o.name}
            </Text>
            <Text size="xs" c="dimmed">
              ИНН {o.inn} · {roleLabels[o.role]}
            </Text>
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item component={Link} to="/organizations">
          Все организации…
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
