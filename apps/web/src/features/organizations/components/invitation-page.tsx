import { Alert, Button, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type InvitationInfo, type Me, normalizePhone, roleLabels } from '@openofd/contract';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { applyApiError, errorMessage, focusFirstInvalid } from '../../../shared/forms/apply-api-error';
import { useCurrentOrganization } from '../../../shared/session/current-organization';
import { useMe } from '../../../shared/session/use-me';
import { AuthCard } from '../../../shared/ui/auth-card';
import { FormError } from '../../../shared/ui/form-error';
import { PasswordWithRules } from '../../../shared/ui/password-with-rules';
import { PhoneField } from '../../../shared/ui/phone-field';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useAcceptInvitationNew } from '../api/accept-invitation-new';
import { useInvitation } from '../api/get-invitation';

/** After joining: make the new organization the current one and show the list. */
function useOpenJoinedOrganization(info: InvitationInfo) {
  const navigate = useNavigate();
  const { select } = useCurrentOrganization();
  return (me: Me) => {
    const joined = me.organizations.find((o) => o.name === info.organizationName);
    if (joined) select(joined.id);
    navigate('/organizations');
  };
}

/** Landing page of an invitation letter. */
export function InvitationPage() {
  const token = useSearchParams()[0].get('token') ?? '';
  const info = useInvitation(token);
  return (
    <AuthCard title="Приглашение в организацию">
      {!token && (
        <Alert color="red" role="alert">
          В ссылке нет кода приглашения.
        </Alert>
      )}
      {token && info.isPending && <Loader aria-label="Загрузка приглашения" />}
      {info.isError && (
        <Alert color="red" role="alert" title="Приглашение недействительно">
          {errorMessage(info.error)}
        </Alert>
      )}
      {info.isSuccess && (
        <Stack>
          <Text>
            Вас приглашают в <b>{info.data.organizationName}</b> с ролью «{roleLabels[info.data.role]}».
          </Text>
          {info.data.accountExists ? (
            <AcceptAsExisting token={token} info={info.data} />
          ) : (
            <AcceptAsNew token={token} info={info.data} />
          )}
        </Stack>
      )}
    </AuthCard>
  );
}

function AcceptAsExisting({ token, info }: { token: string; info: InvitationInfo }) {
  const me = useMe();
  const accept = useAcceptInvitation();
  const openJoined = useOpenJoinedOrganization(info);
  const here = `/invitation?token=${encodeURIComponent(token)}`;
  if (me.isPending) return <Loader />;
  if (me.data?.user.email.toLowerCase() !== info.email.toLowerCase()) {
    return (
      <Stack>
        <Text>
          Приглашение для <b>{info.email}</b>. Войдите под этим адресом, чтобы принять его.
        </Text>
        <Button component={Link} to="/sign-in" state={{ from: here }}>
          Войти
        </Button>
      </Stack>
    );
  }
  return (
    <Stack>
      {accept.isError && (
        <Alert color="red" role="alert">
          {errorMessage(accept.error)}
        </Alert>
      )}
      <Button loading={accept.isPending} onClick={() => accept.mutate({ token }, { onSuccess: openJoined })}>
        Принять приглашение
      </Button>
    </Stack>
  );
}

function AcceptAsNew({ token, info }: { token: string; info: InvitationInfo }) {
  const accept = useAcceptInvitationNew();
  const openJoined = useOpenJoinedOrganization(info);
  const [formError, setFormError] = useState<string>();
  const form = useForm({ mode: 'controlled', initialValues: { phone: '', password: '', fullName: '' } });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        setFormError(undefined);
        try {
          openJoined(
            await accept.mutateAsync({
              token,
              phone: normalizePhone(v.phone) ?? v.phone,
              password: v.password,
              ...(v.fullName.trim() ? { fullName: v.fullName } : {}),
            }),
          );
        } catch (e) {
          setFormError(applyApiError(form, e));
        }
      }, focusFirstInvalid)}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Аккаунта с этим адресом ещё нет — задайте телефон и пароль, чтобы создать его.
        </Text>
        <FormError message={formError} />
        <TextInput label="Ф.И.О." autoComplete="name" {...form.getInputProps('fullName')} />
        <PhoneField label="Мобильный телефон" required {...form.getInputProps('phone')} />
        <PasswordWithRules label="Пароль" required {...form.getInputProps('password')} />
        <Button type="submit" loading={accept.isPending}>
          Создать аккаунт и принять
        </Button>
      </Stack>
    </form>
  );
}
