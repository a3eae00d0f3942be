import { and, eq, isNull, sql } from 'drizzle-orm';
import { type AccountsDeps, nowOf, type RequestMeta } from '../accounts/context.js';
import { findUserById } from '../accounts/find-user.js';
import { recordSecurityEvent } from '../accounts/record-security-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { findInvitation } from './find-invitation.js';
import { invitations } from './tables.js';

/** Joins the user to the organization; the invitation link works once. */
export async function joinByInvitation(
  db: Db,
  invitationId: string,
  organizationId: string,
  userId: string,
  role: string,
  now: Date,
) {
  const [taken] = await db
    .update(invitations)
    .set({ acceptedAt: now, acceptedBy: userId })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  if (!taken) throw new AppError('INVALID_INPUT', 'Приглашение уже принято', { reason: 'invalid_link' });
  await db.execute(
    sql`insert into memberships (organization_id, user_id, role) values (${organizationId}, ${userId}, ${role})
        on conflict (organization_id, user_id) do nothing`,
  );
}

/** A signed-in user accepts an invitation addressed to their e-mail. */
export async function acceptInvitation(
  deps: Pick<AccountsDeps, 'db' | 'now'>,
  input: { userId: string; token: string },
  meta: RequestMeta,
): Promise<{ organizationId: string }> {
  const now = nowOf(deps);
  const { invitation } = await findInvitation(deps.db, input.token, now);
  const user = await findUserById(deps.db, input.userId);
  if (!user || user.email !== invitation.email) {
    throw new AppError(
      'FORBIDDEN',
      `Приглашение адресовано ${invitation.email}. Войдите под этим адресом, чтобы принять его`,
    );
  }
  await deps.db.transaction(async (tx) => {
    await joinByInvitation(tx, invitation.id, invitation.organizationId, user.id, invitation.role, now);
    await recordSecurityEvent(tx, {
      userId: user.id,
      type: 'invitation_accepted',
      meta,
      details: { organizationId: invitation.organizationId, role: invitation.role },
    });
  });
  return { organizationId: invitation.organizationId };
}
