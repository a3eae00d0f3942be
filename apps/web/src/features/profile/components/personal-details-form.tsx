import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type User, updateProfileRequestSchema } from '@openofd/contract';
import { useState } from 'react';
import { applyApiError, focusFirstInvalid } from '../../../shared/forms/apply-api-error';
import { validateWith } from '../../../shared/forms/schema-validate';
import { FormError } from '../../../shared/ui/form-error';
import { SavedNote } from '../../../shared/ui/saved-note';
import { useUpdateProfile } from '../api/update-profile';

export function PersonalDetailsForm({ user }: { user: User }) {
  const update = useUpdateProfile();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    mode: 'controlled',
    initialValues: { fullName: user.fullName },
    validate: validateWith(updateProfileRequestSchema),
  });
  return (
    <form
      noValidate
      aria-label="Личные данные"
      onSubmit={form.onSubmit(async (values) => {
        setFormError(undefined);
        try {
          await update.mutateAsync(values);
          form.resetDirty();
        } catch (e) {
          setFormError(applyApiError(form, e));
        }
      }, focusFirstInvalid)}
    >
      <Stack>
        <FormError message={formError} />
        <TextInput label="Ф.И.О." autoComplete="name" {...form.getInputProps('fullName')} />
        <TextInput label="Телефон" value={user.phone} readOnly variant="filled" />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Сохранить
          </Button>
          <SavedNote show={update.isSuccess && !form.isDirty()} />
        </Group>
      </Stack>
    </form>
  );
}
