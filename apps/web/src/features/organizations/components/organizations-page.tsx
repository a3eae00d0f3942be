import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { roleLabels } from '@openofd/contract';
import { useCurrentOrganization } from '../../../shared/session/current-organization';
import { PageTitle } from '../../../shared/ui/page-title';
import { useCreateOrganization } from '../api/create-organization';
import { MembersPanel } from './members-panel';
import { OrganizationDetailsForm } from './organization-details-form';

export function OrganizationsPage() {
  const { current, organizations, select } = useCurrentOrganization();
  const [creating, { open, close }] = useDisclosure(false);
  const create = useCreateOrganization();
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle>Организации</PageTitle>
        <Button onClick={open}>Добавить организацию</Button>
      </Group>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" highlightOnHover aria-label="Мои организации">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Название</Table.Th>
                <Table.Th>ИНН</Table.Th>
                <Table.Th>КПП</Table.Th>
                <Table.Th>Роль</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organizations.map((o) => (
                <Table.Tr key={o.id} data-testid="organization-row">
                  <Table.Td fw={500}>{o.name}</Table.Td>
                  <Table.Td>{o.inn}</Table.Td>
                  <Table.Td>{o.kpp ?? '—'}</Table.Td>
                  <Table.Td>{roleLabels[o.role]}</Table.Td>
                  <Table.Td ta="right">
                    {o.id === current?.id ? (
                      <Badge variant="light">Текущая</Badge>
                    ) : (
                      <Button size="xs" variant="default" onClick={() => select(o.id)}>
                        Перейти
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {organizations.length === 0 && (
          <Text c="dimmed" p="md">
            Организаций пока нет — добавьте первую.
          </Text>
        )}
      </Paper>
      {current && (
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            Пользователи «{current.name}»
          </Title>
          <MembersPanel membership={current} />
        </Paper>
      )}
      <Modal opened={creating} onClose={close} title="Новая организация" size="lg">
        <OrganizationDetailsForm
          submitLabel="Добавить"
          onSubmit={async (values) => {
            const org = await create.mutateAsync(values);
            select(org.id);
            close();
          }}
        />
      </Modal>
    </Stack>
  );
}
