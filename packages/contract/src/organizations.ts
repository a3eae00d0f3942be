import { z } from 'zod';
import {
  emailSchema,
  fullNameSchema,
  innSchema,
  kppSchema,
  newPasswordSchema,
  phoneSchema,
} from './fields.js';
import { roleSchema } from './roles.js';

const text = (max: number) => z.string().trim().max(max, `Не длиннее ${max} символов`);

/** Organization details (Профиль → Организация). */
export const organizationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  inn: z.string(),
  kpp: z.string().nullable(),
  ogrn: z.string().nullable(),
  directorName: z.string(),
  legalAddress: z.string(),
  actualAddress: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;

/**
 * PUT /api/organizations/:organizationId (and POST /api/organizations to add one;
 * the creator becomes its owner). Saved at once; a bad field → 400 with
 * `fields.<name>` (INN checksum, KPP format, a taken INN → 409 with fields.inn).
 */
export const organizationDetailsRequestSchema = z.object({
  name: z
    .string({ error: 'Укажите название' })
    .trim()
    .min(1, 'Укажите название')
    .max(300, 'Не длиннее 300 символов'),
  inn: innSchema,
  /** Empty string or absent = none (individual entrepreneurs have no KPP). */
  kpp: z.union([z.literal(''), kppSchema]).optional(),
  ogrn: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .regex(/^(\d{13}|\d{15})$/, 'ОГРН — 13 цифр (ОГРНИП — 15)'),
    ])
    .optional(),
  directorName: text(200).optional(),
  legalAddress: text(500).optional(),
  actualAddress: text(500).optional(),
});
export type OrganizationDetailsRequest = z.input<typeof organizationDetailsRequestSchema>;

export const organizationListSchema = z.object({ organizations: z.array(organizationSchema) });
export type OrganizationList = z.infer<typeof organizationListSchema>;

export const memberSchema = z.object({
  userId: z.uuid(),
  email: z.string(),
  fullName: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** GET /api/organizations/:organizationId/members */
export const membersResponseSchema = z.object({
  members: z.array(memberSchema),
  /** Pending (not accepted, not expired) invitations; only for `members.manage`. */
  invitations: z.array(invitationSchema),
});
export type MembersResponse = z.infer<typeof membersResponseSchema>;

/** POST /api/organizations/:organizationId/invitations (owner only) → 201 Invitation; a letter goes out. */
export const inviteMemberRequestSchema = z.object({ email: emailSchema, role: roleSchema });
export type InviteMemberRequest = z.input<typeof inviteMemberRequestSchema>;

/** GET /api/invitations/:token (no session needed): what the invitation is. */
export const invitationInfoSchema = z.object({
  organizationName: z.string(),
  role: roleSchema,
  email: z.string(),
  /** True: sign in as `email` and accept; false: create the account with accept-new. */
  accountExists: z.boolean(),
  expiresAt: z.string(),
});
export type InvitationInfo = z.infer<typeof invitationInfoSchema>;

/** POST /api/invitations/accept: signed in as the invited e-mail → Me */
export const acceptInvitationRequestSchema = z.object({ token: z.string().min(1) });
export type AcceptInvitationRequest = z.input<typeof acceptInvitationRequestSchema>;

/**
 * POST /api/invitations/accept-new: no account yet; creates it (the e-mail
 * counts as confirmed: the link came by e-mail), signs in → Me.
 */
export const acceptInvitationNewRequestSchema = z.object({
  token: z.string().min(1),
  phone: phoneSchema,
  password: newPasswordSchema,
  fullName: fullNameSchema.optional(),
});
export type AcceptInvitationNewRequest = z.input<typeof acceptInvitationNewRequestSchema>;
