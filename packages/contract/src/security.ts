import { z } from 'zod';

export const securityEventTypes = [
  'sign_up',
  'email_confirmed',
  'sign_in',
  'sign_in_failed',
  'lockout',
  'sign_out',
  'password_changed',
  'recovery_requested',
  'recovery_code_failed',
  'password_reset',
  'email_change_requested',
  'email_changed',
  'certificate_sign_in',
  'certificate_sign_in_failed',
  'certificate_bound',
  'certificate_unbound',
  'invitation_sent',
  'invitation_accepted',
] as const;
export const securityEventTypeSchema = z.enum(securityEventTypes);
export type SecurityEventType = z.infer<typeof securityEventTypeSchema>;

export const securityEventSchema = z.object({
  id: z.string(),
  type: securityEventTypeSchema,
  at: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** Small free-form facts, e.g. { method: 'phone' } or { certificateSubject: '…' }. */
  details: z.record(z.string(), z.string()),
});
export type SecurityEvent = z.infer<typeof securityEventSchema>;

/** GET /api/me/security-events?limit=50 — the signed-in user's own events, newest first. */
export const securityEventsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const securityEventsResponseSchema = z.object({ events: z.array(securityEventSchema) });
export type SecurityEventsResponse = z.infer<typeof securityEventsResponseSchema>;

export const securityEventLabels: Record<SecurityEventType, string> = {
  sign_up: 'Регистрация',
  email_confirmed: 'Подтверждение e-mail',
  sign_in: 'Вход',
  sign_in_failed: 'Неудачная попытка входа',
  lockout: 'Вход временно заблокирован',
  sign_out: 'Выход',
  password_changed: 'Смена пароля',
  recovery_requested: 'Запрос восстановления пароля',
  recovery_code_failed: 'Неверный код восстановления',
  password_reset: 'Восстановление пароля',
  email_change_requested: 'Запрос смены e-mail',
  email_changed: 'Смена e-mail',
  certificate_sign_in: 'Вход по сертификату',
  certificate_sign_in_failed: 'Неудачный вход по сертификату',
  certificate_bound: 'Сертификат привязан',
  certificate_unbound: 'Сертификат отвязан',
  invitation_sent: 'Приглашение отправлено',
  invitation_accepted: 'Приглашение принято',
};
