import { Alert, Badge, Loader, Stack, Table, Text } from '@mantine/core';
import { type Membership, roleLabels } from '@openofd/contract';
import { errorMessage } from '../../../shared/forms/apply-api-error';
import { useMembers } from '../api/get-members';
import { InviteMemberForm } from './invite-member-form';

const date = (iso: string) => new Date(iso).toLocaleDateString('ru-RU');

export function MembersPanel({ membership }: { membership: Membership }) {
  const members = useMembers(membership.id);
  const canManage = membership.permissions.includes('members.manage');
  if (!membership.permissions.includes('members.view')) {
    return <Text c="dimmed">Список пользователей доступен владельцу и администраторам.</Text>;
  }
  if (members.isPending) return <Loader aria-label="Загрузка пользователей" />;
  if (members.isError) return <Alert color="red">{errorMessage(members.error)}</Alert>;
  return (
    <Stack>
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label="Пользователи организации">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Пользователь</Table.Th>
              <Table.Th>E-mail</Table.Th>
              <Table.Th>Роль</Table.Th>
              <Table.Th>С</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data.members.map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td>{m.fullName || '—'}</Table.Td>
                <Table.Td>{m.email}</Table.Td>
                <Table.Td>{roleLabels[m.role]}</Table.Td>
                <Table.Td>{date(m.joinedAt)}</Table.Td>
              </Table.Tr>
            ))}
            {members.data.invitations.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Badge variant="outline" color="gray">
                    Приглашён
                  </Badge>
                </Table.Td>
                <Table.Td>{i.email}</Table.Td>
                <Table.Td>{roleLabels[i.role]}</Table.Td>
                <Table.Td>до {date(i.expiresAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canManage && <InviteMemberForm organizationId={membership.id} />}
    </Stack>
  );
}
