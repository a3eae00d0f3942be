import { ActionIcon, Popover, Stack, Text } from '@mantine/core';
import { BellIcon } from '../../../shared/ui/icons';

/** The bell in the top bar. Notifications arrive with their own issue; until then it is honestly empty. */
export function NotificationsBell() {
  return (
    <Popover position="bottom-end" width={280} shadow="md" withArrow>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Уведомления">
          <BellIcon />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack align="center" gap={4} py="sm">
          <Text fw={600}>Нет уведомлений</Text>
          <Text size="sm" c="dimmed" ta="center">
            Здесь появятся сообщения о кассах, ФН и ответах ФНС.
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
