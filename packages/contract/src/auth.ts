import { z } from 'zod';
import { emailSchema, fullNameSchema, newPasswordSchema, passwordSchema, phoneSchema } from './fields.js';

/** GET /api/csrf: sets the `ofd_csrf` cookie and returns the same value. */
export const csrfResponseSchema = z.object({ csrfToken: z.string() });
export type CsrfResponse = z.infer<typeof csrfResponseSchema>;

/** POST /api/auth/sign-up → 201; a confirmation letter is sent. */
export const signUpRequestSchema = z.object({
  email: emailSchema,
  phone: phoneSchema,
  password: newPasswordSchema,
  fullName: fullNameSchema.optional(),
});
export type SignUpRequest = z.input<typeof signUpRequestSchema>;
export const signUpResponseSchema = z.object({ email: z.string(), phone: z.string() });
export type SignUpResponse = z.infer<typeof signUpResponseSchema>;

/** POST /api/auth/confirm-email: the token from the letter's link. */
export const confirmEmailRequestSchema = z.object({ token: z.string().min(1, 'Ссылка неполная') });
export type ConfirmEmailRequest = z.input<typeof confirmEmailRequestSchema>;
export const confirmEmailResponseSchema = z.object({ email: z.string() });
export type ConfirmEmailResponse = z.infer<typeof confirmEmailResponseSchema>;

/** POST /api/auth/resend-confirmation → 202 ok (whether or not the address is known). */
export const resendConfirmationRequestSchema = z.object({ email: emailSchema });
export type ResendConfirmationRequest = z.input<typeof resendConfirmationRequestSchema>;

/** POST /api/auth/sign-in: login is an e-mail or a mobile phone. → Me */
export const signInRequestSchema = z.object({
  login: z
    .string({ error: 'Введите e-mail или телефон' })
    .trim()
    .min(1, 'Введите e-mail или телефон')
    .max(254),
  password: passwordSchema,
});
export type SignInRequest = z.input<typeof signInRequestSchema>;

/** POST /api/auth/recovery/email → 202 ok; a letter with a one-time link (if the address is known). */
export const recoverByEmailRequestSchema = z.object({ email: emailSchema });
export type RecoverByEmailRequest = z.input<typeof recoverByEmailRequestSchema>;

/** POST /api/auth/recovery/phone → 202; an SMS with a 6-digit code (if the phone is known). */
export const recoverByPhoneRequestSchema = z.object({ phone: phoneSchema });
export type RecoverByPhoneRequest = z.input<typeof recoverByPhoneRequestSchema>;
export const recoverByPhoneResponseSchema = z.object({
  ok: z.literal(true),
  /** Seconds the code stays valid. */
  codeLifetimeSeconds: z.number().int(),
  codeLength: z.literal(6),
});
export type RecoverByPhoneResponse = z.infer<typeof recoverByPhoneResponseSchema>;

/** POST /api/auth/recovery/phone/verify: exchanges the SMS code for a reset token. */
export const verifyRecoveryCodeRequestSchema = z.object({
  phone: phoneSchema,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Код — 6 цифр из SMS'),
});
export type VerifyRecoveryCodeRequest = z.input<typeof verifyRecoveryCodeRequestSchema>;
export const verifyRecoveryCodeResponseSchema = z.object({ resetToken: z.string() });
export type VerifyRecoveryCodeResponse = z.infer<typeof verifyRecoveryCodeResponseSchema>;

/**
 * POST /api/auth/recovery/reset: the token is the one from the e-mail link
 * (`/reset-password?token=…`) or `resetToken` from the SMS code check.
 * Every session of the account ends; the answer is 200 ok (sign in again).
 */
export const resetPasswordRequestSchema = z.object({
  token: z.string().min(1, 'Ссылка неполная'),
  password: newPasswordSchema,
});
export type ResetPasswordRequest = z.input<typeof resetPasswordRequestSchema>;

/** POST /api/auth/sign-out → 204 */

/** POST /api/auth/certificate/challenge */
export const certificateChallengeResponseSchema = z.object({
  challengeId: z.uuid(),
  /** base64 of 32 random bytes; the browser signs the DECODED bytes. */
  challenge: z.string(),
  expiresAt: z.string(),
});
export type CertificateChallengeResponse = z.infer<typeof certificateChallengeResponseSchema>;

export const certificateAlgorithms = [
  /** WebCrypto ECDSA {namedCurve:'P-256'}, {hash:'SHA-256'}: signature is raw r‖s (64 bytes). */
  'ECDSA-P256-SHA256',
  /** WebCrypto RSASSA-PKCS1-v1_5 with SHA-256. */
  'RSASSA-PKCS1-v1_5-SHA256',
  /** WebCrypto RSA-PSS with SHA-256, saltLength 32. */
  'RSA-PSS-SHA256',
] as const;
export const certificateAlgorithmSchema = z.enum(certificateAlgorithms);
export type CertificateAlgorithm = z.infer<typeof certificateAlgorithmSchema>;

/** POST /api/auth/certificate/sign-in → Me */
export const certificateSignInRequestSchema = z.object({
  challengeId: z.uuid({ error: 'Неверный запрос подписи' }),
  /** PEM, or base64 of the DER certificate. */
  certificate: z.string().min(1, 'Выберите сертификат').max(20000, 'Сертификат слишком большой'),
  /** base64 of the signature over the challenge bytes. */
  signature: z.string().min(1, 'Нет подписи').max(4096, 'Подпись слишком большая'),
  algorithm: certificateAlgorithmSchema,
});
export type CertificateSignInRequest = z.input<typeof certificateSignInRequestSchema>;

/**
 * Certificates bound to the signed-in user (Профиль → Сертификаты). Binding
 * takes a fresh challenge signed like a certificate sign-in
 * (`certificateSignInRequestSchema`): POST /api/me/certificates → 201
 * boundCertificate. A bound certificate signs in to this account whatever its
 * subject's INN; DELETE /api/me/certificates/:certificateId → 204.
 */
export const boundCertificateSchema = z.object({
  id: z.uuid(),
  subject: z.string(),
  /** SHA-256 of the DER, hex */
  fingerprint: z.string(),
  createdAt: z.string(),
});
export type BoundCertificate = z.infer<typeof boundCertificateSchema>;
export const boundCertificatesResponseSchema = z.object({ certificates: z.array(boundCertificateSchema) });
export type BoundCertificatesResponse = z.infer<typeof boundCertificatesResponseSchema>;
