import { Button, Group, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { inviteMemberRequestSchema, type Role, roleLabels, roles } from '@openofd/contract';
import { useState } from 'react';
import { applyApiError, focusFirstInvalid } from '../../../shared/forms/apply-api-error';
import { validateWith } from '../../../shared/forms/schema-validate';
import { FormError } from '../../../shared/ui/form-error';
import { SavedNote } from '../../../shared/ui/saved-note';
import { useInviteMember } from '../api/invite-member';

export function InviteMemberForm({ organizationId }: { organizationId: string }) {
  const invite = useInviteMember(organizationId);
  const [formError, setFormError] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', role: 'accountant' as Role },
    validate: validateWith(inviteMemberRequestSchema),
  });
  return (
    <form
      noValidate
      aria-label="Пригласить пользователя"
      onSubmit={form.onSubmit(async (values) => {
        setFormError(undefined);
        try {
          await invite.mutateAsync(values);
          setSentTo(values.email);
          form.reset();
        } catch (e) {
          setFormError(applyApiError(form, e));
        }
      }, focusFirstInvalid)}
    >
      <FormError message={formError} />
      <Group align="flex-start" wrap="wrap" mt="xs">
        <TextInput
          label="Пригласить по e-mail"
          type="email"
          style={{ flex: '1 1 240px' }}
          {...form.getInputProps('email')}
        />
        <Select
          label="Роль"
          allowDeselect={false}
          data={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
          style={{ flex: '0 1 220px' }}
          {...form.getInputProps('role')}
        />
        <Button type="submit" mt={25} loading={invite.isPending}>
          Пригласить
        </Button>
      </Group>
      <SavedNote show={Boolean(sentTo) && !form.isDirty()} text={`Приглашение отправлено на ${sentTo}`} />
    </form>
  );
}
