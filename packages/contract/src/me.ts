import { z } from 'zod';
import { emailSchema, fullNameSchema, newPasswordSchema, passwordSchema } from './fields.js';
import { permissionSchema, roleSchema } from './roles.js';

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  /** +7XXXXXXXXXX */
  phone: z.string(),
  fullName: z.string(),
  /** An e-mail change waiting for confirmation by a letter to this address. */
  pendingEmail: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const membershipSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  inn: z.string(),
  kpp: z.string().nullable(),
  role: roleSchema,
  permissions: z.array(permissionSchema),
});
export type Membership = z.infer<typeof membershipSchema>;

/** GET /api/me, and the answer of every sign-in. */
export const meSchema = z.object({
  user: userSchema,
  organizations: z.array(membershipSchema),
  /** How this session was opened. */
  signedInWith: z.enum(['password', 'certificate', 'invitation']),
});
export type Me = z.infer<typeof meSchema>;

/** PATCH /api/me/profile */
export const updateProfileRequestSchema = z.object({ fullName: fullNameSchema });
export type UpdateProfileRequest = z.input<typeof updateProfileRequestSchema>;

/** POST /api/me/email-change: a letter with a link goes to the new address. */
export const requestEmailChangeRequestSchema = z.object({
  newEmail: emailSchema,
  password: passwordSchema,
});
export type RequestEmailChangeRequest = z.input<typeof requestEmailChangeRequestSchema>;

/** POST /api/me/email-change/confirm (the link's token; no session needed). */
export const confirmEmailChangeRequestSchema = z.object({ token: z.string().min(1) });
export type ConfirmEmailChangeRequest = z.input<typeof confirmEmailChangeRequestSchema>;
export const confirmEmailChangeResponseSchema = z.object({ email: z.string() });
export type ConfirmEmailChangeResponse = z.infer<typeof confirmEmailChangeResponseSchema>;

/** POST /api/me/password: other sessions end. */
export const changePasswordRequestSchema = z.object({
  currentPassword: passwordSchema,
  newPassword: newPasswordSchema,
});
export type ChangePasswordRequest = z.input<typeof changePasswordRequestSchema>;
