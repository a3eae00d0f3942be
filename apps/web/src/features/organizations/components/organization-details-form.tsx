import { Button, Checkbox, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type Organization,
  type OrganizationDetailsRequest,
  organizationDetailsRequestSchema,
} from '@openofd/contract';
import { useState } from 'react';
import { applyApiError, focusFirstInvalid } from '../../../shared/forms/apply-api-error';
import { validateWith } from '../../../shared/forms/schema-validate';
import { FormError } from '../../../shared/ui/form-error';
import { SavedNote } from '../../../shared/ui/saved-note';

type Values = Required<{ [K in keyof OrganizationDetailsRequest]: string }>;

const EMPTY: Values = {
  name: '',
  inn: '',
  kpp: '',
  ogrn: '',
  directorName: '',
  legalAddress: '',
  actualAddress: '',
};

function toValues(org: Organization | undefined): Values {
  if (!org) return EMPTY;
  return {
    name: org.name,
    inn: org.inn,
    kpp: org.kpp ?? '',
    ogrn: org.ogrn ?? '',
    directorName: org.directorName,
    legalAddress: org.legalAddress,
    actualAddress: org.actualAddress,
  };
}

interface Props {
  organization?: Organization;
  readOnly?: boolean;
  submitLabel: string;
  onSubmit: (values: OrganizationDetailsRequest) => Promise<unknown>;
}

/** Реквизиты организации: each bad field gets the server's message beside it. */
export function OrganizationDetailsForm({ organization, readOnly = false, submitLabel, onSubmit }: Props) {
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: toValues(organization),
    validate: validateWith(organizationDetailsRequestSchema),
    onValuesChange: () => setSaved(false),
  });
  const sameAddress =
    form.values.actualAddress === form.values.legalAddress && form.values.legalAddress.trim() !== '';

  return (
    <form
      noValidate
      aria-label="Реквизиты организации"
      onSubmit={form.onSubmit(async (values) => {
        setFormError(undefined);
        setPending(true);
        try {
          await onSubmit(values);
          form.resetDirty();
          setSaved(true);
        } catch (e) {
          setFormError(applyApiError(form, e));
        } finally {
          setPending(false);
        }
      }, focusFirstInvalid)}
    >
      <Stack>
        <FormError message={formError} />
        <TextInput label="Название" required readOnly={readOnly} {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="ИНН"
            required
            inputMode="numeric"
            readOnly={readOnly}
            {...form.getInputProps('inn')}
          />
          <TextInput label="КПП" readOnly={readOnly} {...form.getInputProps('kpp')} />
          <TextInput label="ОГРН" inputMode="numeric" readOnly={readOnly} {...form.getInputProps('ogrn')} />
        </SimpleGrid>
        <TextInput label="Ф.И.О. руководителя" readOnly={readOnly} {...form.getInputProps('directorName')} />
        <Textarea
          label="Юридический адрес"
          autosize
          minRows={2}
          readOnly={readOnly}
          {...form.getInputProps('legalAddress')}
        />
        <Textarea
          label="Фактический адрес"
          autosize
          minRows={2}
          readOnly={readOnly}
          {...form.getInputProps('actualAddress')}
        />
        {!readOnly && (
          <Checkbox
            label="Совпадает с юридическим"
            checked={sameAddress}
            onChange={(e) => {
              if (e.currentTarget.checked) form.setFieldValue('actualAddress', form.values.legalAddress);
            }}
          />
        )}
        {!readOnly && (
          <Group>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
            <SavedNote show={saved} />
          </Group>
        )}
      </Stack>
    </form>
  );
}
