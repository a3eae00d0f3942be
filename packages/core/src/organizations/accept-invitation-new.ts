import { type AccountsDeps, nowOf, type RequestMeta } from '../accounts/context.js';
import { findUserByEmail, findUserByPhone } from '../accounts/find-user.js';
import { recordSecurityEvent } from '../accounts/record-security-event.js';
import { hashPassword } from '../accounts/secrets.js';
import { createSession } from '../accounts/sessions.js';
import { EMAIL_TAKEN, PHONE_TAKEN } from '../accounts/sign-up.js';
import { users } from '../accounts/tables.js';
import { uniqueViolation } from '../accounts/unique-violation.js';
import { AppError } from '../errors.js';
import { joinByInvitation } from './accept-invitation.js';
import { findInvitation } from './find-invitation.js';

/**
 * Someone without an account accepts an invitation: the account is created
 * with the invited e-mail (confirmed, since the link came to it), joins the
 * organization, and is signed in.
 */
export async function acceptInvitationNew(
  deps: Pick<AccountsDeps, 'db' | 'now'>,
  input: { token: string; phone: string; password: string; fullName?: string | undefined },
  meta: RequestMeta,
): Promise<{ userId: string; token: string; expiresAt: Date }> {
  const now = nowOf(deps);
  const { invitation } = await findInvitation(deps.db, input.token, now);
  if (await findUserByEmail(deps.db, invitation.email)) {
    throw new AppError('CONFLICT', `${EMAIL_TAKEN}, затем примите приглашение`);
  }
  if (await findUserByPhone(deps.db, input.phone)) {
    throw new AppError('CONFLICT', PHONE_TAKEN, { fields: { phone: PHONE_TAKEN } });
  }
  const passwordHash = await hashPassword(input.password);
  const userId = await deps.db
    .transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          email: invitation.email,
          phone: input.phone,
          fullName: input.fullName?.trim() ?? '',
          passwordHash,
          emailConfirmedAt: now,
        })
        .returning({ id: users.id });
      await joinByInvitation(tx, invitation.id, invitation.organizationId, user!.id, invitation.role, now);
      await recordSecurityEvent(tx, {
        userId: user!.id,
        type: 'sign_up',
        meta,
        details: { via: 'invitation' },
      });
      await recordSecurityEvent(tx, {
        userId: user!.id,
        type: 'invitation_accepted',
        meta,
        details: { organizationId: invitation.organizationId, role: invitation.role },
      });
      return user!.id;
    })
    .catch((err: unknown) => {
      if (uniqueViolation(err) === null) throw err;
      throw new AppError('CONFLICT', PHONE_TAKEN, { fields: { phone: PHONE_TAKEN } });
    });
  const session = await createSession(deps, userId, 'invitation', meta);
  return { userId, ...session };
}
