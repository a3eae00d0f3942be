import { z } from 'zod';

// Field schemas shared by the API (validation, Russian messages) and the web
// forms (the same rules shown while typing).

export const emailSchema = z
  .string({ error: 'Укажите адрес электронной почты' })
  .trim()
  .toLowerCase()
  .min(1, 'Укажите адрес электронной почты')
  .max(254, 'Адрес электронной почты слишком длинный')
  .regex(z.regexes.email, 'Введите адрес электронной почты, например ivan@example.ru');

/**
 * A Russian mobile number in any common spelling (+7 912 345-67-89,
 * 8 (912) 345 67 89, 9123456789) → `+79123456789`; null when it is not one.
 */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/[\s()\-.]/g, '');
  const m = /^(?:\+7|8|7)?(9\d{9})$/.exec(digits);
  return m ? `+7${m[1]}` : null;
}

export const PHONE_MESSAGE = 'Укажите мобильный номер, например +7 912 345-67-89';

export const phoneSchema = z
  .string({ error: PHONE_MESSAGE })
  .max(32, PHONE_MESSAGE)
  .refine((v) => normalizePhone(v) !== null, PHONE_MESSAGE)
  .transform((v) => normalizePhone(v) as string);

export interface PasswordRule {
  id: 'length' | 'letters' | 'digit' | 'max';
  /** Russian, shown beside the password field while typing. */
  label: string;
  test(password: string): boolean;
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const passwordRules: readonly PasswordRule[] = [
  {
    id: 'length',
    label: `Не короче ${PASSWORD_MIN_LENGTH} символов`,
    test: (p) => p.length >= PASSWORD_MIN_LENGTH,
  },
  {
    id: 'letters',
    label: 'Строчные и заглавные буквы',
    test: (p) => /\p{Ll}/u.test(p) && /\p{Lu}/u.test(p),
  },
  { id: 'digit', label: 'Хотя бы одна цифра', test: (p) => /\d/.test(p) },
  {
    id: 'max',
    label: `Не длиннее ${PASSWORD_MAX_LENGTH} символов`,
    test: (p) => p.length <= PASSWORD_MAX_LENGTH,
  },
];

/** The rules a password breaks (empty when it is strong enough). */
export function passwordProblems(password: string): PasswordRule[] {
  return passwordRules.filter((r) => !r.test(password));
}

/** A new password: must satisfy every rule; the message lists what is missing. */
export const newPasswordSchema = z.string({ error: 'Введите пароль' }).superRefine((p, ctx) => {
  const broken = passwordProblems(p);
  if (broken.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `Пароль слишком простой: ${broken.map((r) => r.label.toLowerCase()).join(', ')}`,
    });
  }
});

/** An existing password at sign-in: any non-empty string. */
export const passwordSchema = z
  .string({ error: 'Введите пароль' })
  .min(1, 'Введите пароль')
  .max(PASSWORD_MAX_LENGTH, 'Неверный пароль');

export const fullNameSchema = z
  .string({ error: 'Укажите Ф.И.О.' })
  .trim()
  .max(200, 'Не длиннее 200 символов');

/**
 * INN format only (10 digits for an organization, 12 for an individual
 * entrepreneur); the checksum is checked by the server, which answers
 * 400 `validation` with `fields.inn` when it is wrong.
 */
export const innSchema = z
  .string({ error: 'Укажите ИНН' })
  .trim()
  .regex(/^(\d{10}|\d{12})$/, 'ИНН — 10 цифр для организации или 12 для ИП');

/** KPP: 9 characters, NNNNPPNNN (characters 5–6 may be digits or Latin capitals). */
export const kppSchema = z
  .string()
  .trim()
  .regex(/^\d{4}[\dA-Z]{2}\d{3}$/, 'КПП — 9 знаков, например 770401001');

/** Single-use token from a link in a letter. */
export const tokenSchema = z.string().min(16, 'Ссылка неполная').max(200, 'Ссылка неверна');

export const uuidSchema = z.uuid({ error: 'Неверный идентификатор' });
