import { TextInput, type TextInputProps } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { formatRuPhone } from '../phone/ru-phone';

type Props = Omit<TextInputProps, 'onChange' | 'value'> & {
  value?: string;
  onChange: (value: string) => void;
};

/** Mobile phone with the Russian mask: +7 (916) 123-45-67. */
export function PhoneField({ value, onChange, ...rest }: Props) {
  return (
    <TextInput
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      placeholder="+7 (912) 345-67-89"
      {...rest}
      value={value ?? ''}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(formatRuPhone(e.currentTarget.value))}
    />
  );
}
