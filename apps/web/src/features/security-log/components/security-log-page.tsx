import { Alert, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { type SecurityEventType, securityEventLabels } from '@openofd/contract';
import { errorMessage } from '../../../shared/forms/apply-api-error';
import { PageTitle } from '../../../shared/ui/page-title';
import { useSecurityEvents } from '../api/get-security-events';

const ALARMING = new Set<SecurityEventType>([
  'sign_in_failed',
  'lockout',
  'recovery_code_failed',
  'certificate_sign_in_failed',
]);

// Values the API puts in `details`, in words.
const DETAIL_WORDS: Record<string, string> = {
  password: 'по паролю',
  certificate: 'по сертификату',
  phone: 'по телефону',
  email: 'по e-mail',
  invitation: 'по приглашению',
};

function describeDetails(details: Record<string, string>): string {
  return Object.values(details)
    .map((v) => DETAIL_WORDS[v] ?? v)
    .join(', ');
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'medium' });

export function SecurityLogPage() {
  const events = useSecurityEvents();
  return (
    <Stack>
      <PageTitle>Журнал безопасности</PageTitle>
      <Text c="dimmed">Входы, смены пароля и другие события вашего аккаунта, новые сверху.</Text>
      {events.isPending && <Loader aria-label="Загрузка журнала" />}
      {events.isError && <Alert color="red">{errorMessage(events.error)}</Alert>}
      {events.isSuccess && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" aria-label="События безопасности">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Когда</Table.Th>
                  <Table.Th>Событие</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>IP-адрес</Table.Th>
                  <Table.Th>Подробности</Table.Th>
                  <Table.Th>Браузер</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.data.events.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(e.at)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500} c={ALARMING.has(e.type) ? 'red.8' : 'dark'}>
                        {securityEventLabels[e.type]}
                      </Text>
                    </Table.Td>
                    <Table.Td>{e.ip ?? '—'}</Table.Td>
                    <Table.Td>{describeDetails(e.details)}</Table.Td>
                    <Table.Td maw={260}>
                      <Text size="xs" c="dimmed" truncate title={e.userAgent ?? undefined}>
                        {e.userAgent ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {events.data.events.length === 0 && (
            <Text c="dimmed" p="md">
              Событий пока нет.
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}
