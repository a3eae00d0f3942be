import { z } from 'zod';

/**
 * Every error the API returns has this shape. `fields` carries per-field
 * messages (Russian) keyed by the request field name (nested paths joined by
 * dots, e.g. `legalAddress`), for forms to show next to each input.
 */
export const errorCodes = [
  'validation', // 400: the request body/query/params are invalid (see fields)
  'invalid_link', // 400: a confirmation/recovery/invitation link or code is wrong, expired or used
  'unauthorized', // 401: not signed in, or the session has ended
  'invalid_credentials', // 401: wrong login or password
  'certificate_rejected', // 401: certificate sign-in failed (message says why)
  'email_not_confirmed', // 403: sign-in before the e-mail is confirmed
  'csrf', // 403: missing or wrong X-CSRF-Token header
  'forbidden', // 403: signed in, but the role does not allow this action
  'not_found', // 404: no such thing, or it belongs to someone else
  'conflict', // 409: e.g. the e-mail or INN is already taken
  'account_locked', // 423: too many failed sign-ins (see lockedUntil)
  'rate_limited', // 429: too many requests (see retryAfterSeconds)
  'unavailable', // 503: mail/SMS or storage unavailable; retry later
  'internal', // 500
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    /** account_locked: when sign-in is possible again (ISO 8601). */
    lockedUntil: z.string().optional(),
    /** rate_limited: seconds to wait. */
    retryAfterSeconds: z.number().int().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A body for 202/200 answers that carry nothing but "done". */
export const okSchema = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof okSchema>;
