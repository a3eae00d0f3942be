import { Loader, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { CurrentOrganizationDetails } from '../../features/organizations/components/current-organization-details';
import { ChangePasswordForm } from '../../features/profile/components/change-password-form';
import { EmailChangeForm } from '../../features/profile/components/email-change-form';
import { PersonalDetailsForm } from '../../features/profile/components/personal-details-form';
import { useCurrentOrganization } from '../../shared/session/current-organization';
import { useMe } from '../../shared/session/use-me';
import { PageTitle } from '../../shared/ui/page-title';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={title}>
      <Title order={2} size="h4" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Профиль: the person (profile feature) and the current organization's details (organizations feature). */
export default function ProfileRoute() {
  const me = useMe();
  const { current } = useCurrentOrganization();
  if (!me.data) return <Loader />;
  const user = me.data.user;
  return (
    <Stack>
      <PageTitle>Профиль</PageTitle>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title="Личные данные">
          <PersonalDetailsForm user={user} />
        </Section>
        <Section title="Электронная почта">
          <EmailChangeForm user={user} />
        </Section>
      </SimpleGrid>
      <Section title={current ? `Реквизиты организации «${current.name}»` : 'Реквизиты организации'}>
        <CurrentOrganizationDetails />
      </Section>
      <Section title="Пароль">
        <ChangePasswordForm />
      </Section>
    </Stack>
  );
}
