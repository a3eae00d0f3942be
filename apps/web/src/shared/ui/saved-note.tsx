import { Text } from '@mantine/core';

/** "Сохранено" beside a save button, announced politely. */
export function SavedNote({ show, text = 'Сохранено' }: { show: boolean; text?: string }) {
  return (
    <Text size="sm" c="teal.8" role="status" aria-live="polite">
      {show ? `✓ ${text}` : ''}
    </Text>
  );
}
