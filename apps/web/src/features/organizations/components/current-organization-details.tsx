import { Alert, Anchor, Loader, Text } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '../../../shared/forms/apply-api-error';
import { useCurrentOrganization } from '../../../shared/session/current-organization';
import { useOrganization } from '../api/get-organization';
import { useUpdateOrganization } from '../api/update-organization';
import { OrganizationDetailsForm } from './organization-details-form';

/** Реквизиты of the organization chosen in the top bar. */
export function CurrentOrganizationDetails() {
  const { current } = useCurrentOrganization();
  const org = useOrganization(current?.id);
  const update = useUpdateOrganization(current?.id ?? '');
  if (!current)
    return (
      <Text c="dimmed">
        У аккаунта пока нет организаций.{' '}
        <Anchor component={Link} to="/organizations">
          Добавить организацию
        </Anchor>
      </Text>
    );
  if (org.isPending) return <Loader aria-label="Загрузка реквизитов" />;
  if (org.isError) return <Alert color="red">{errorMessage(org.error)}</Alert>;
  return (
    <OrganizationDetailsForm
      key={org.data.id}
      organization={org.data}
      readOnly={!current.permissions.includes('organization.edit')}
      submitLabel="Сохранить реквизиты"
      onSubmit={(values) => update.mutateAsync(values)}
    />
  );
}
