import { and, eq } from 'drizzle-orm';
import { type AccountsDeps, nowOf, policy, type RequestMeta } from '../accounts/context.js';
import { deliverLetter } from '../accounts/deliver.js';
import { invitationLetter, roleLabelsRu } from '../accounts/letters.js';
import { recordSecurityEvent } from '../accounts/record-security-event.js';
import { hashToken, randomToken } from '../accounts/secrets.js';
import { users } from '../accounts/tables.js';
import { AppError } from '../errors.js';
import { authorize } from './authorize.js';
import type { Role } from './permissions.js';
import { invitations, memberships, organizations } from './tables.js';

/** An owner invites someone by e-mail with a role; a letter with the link goes out. */
export async function inviteMember(
  deps: AccountsDeps,
  input: { userId: string; organizationId: string; email: string; role: Role },
  meta: RequestMeta,
) {
  await authorize(deps.db, { ...input, permission: 'members.manage' });
  const [already] = await deps.db
    .select({ userId: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, input.organizationId), eq(users.email, input.email)))
    .limit(1);
  if (already) {
    const message = 'Этот пользователь уже состоит в организации';
    throw new AppError('CONFLICT', message, { fields: { email: message } });
  }
  const [org] = await deps.db.select().from(organizations).where(eq(organizations.id, input.organizationId));
  const now = nowOf(deps);
  const token = randomToken();
  const [row] = await deps.db
    .insert(invitations)
    .values({
      organizationId: input.organizationId,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: input.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + policy.invitationMs),
    })
    .returning();
  await recordSecurityEvent(deps.db, {
    userId: input.userId,
    type: 'invitation_sent',
    meta,
    details: { email: input.email, role: input.role, organization: org!.name },
  });
  await deliverLetter(
    deps,
    invitationLetter(
      deps.publicUrl,
      input.email,
      token,
      org!.name,
      roleLabelsRu[input.role] ?? input.role,
      policy.invitationMs / 86_400_000,
    ),
  );
  return row!;
}
