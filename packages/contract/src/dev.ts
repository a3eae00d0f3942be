import { z } from 'zod';

/**
 * GET /api/dev/mail — the dev outbox: letters received by the in-process SMTP
 * sink and SMS messages, newest first. Exists only when no OFD_SMTP_URL is
 * configured (demo and tests); otherwise 404.
 */
export const devMessageSchema = z.object({
  id: z.string(),
  kind: z.enum(['email', 'sms']),
  to: z.string(),
  /** null for SMS */
  subject: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  /** Links found in the text (confirmation, recovery, invitation). */
  links: z.array(z.string()),
  receivedAt: z.string(),
});
export type DevMessage = z.infer<typeof devMessageSchema>;

export const devMailQuerySchema = z.object({
  /** Only messages to this address / phone (exact, case-insensitive). */
  to: z.string().optional(),
});
export const devMailResponseSchema = z.object({ messages: z.array(devMessageSchema) });
export type DevMailResponse = z.infer<typeof devMailResponseSchema>;
