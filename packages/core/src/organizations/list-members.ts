import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { users } from '../accounts/tables.js';
import type { Db } from '../db/database.js';
import { authorize } from './authorize.js';
import { can, type Role } from './permissions.js';
import { invitations, memberships } from './tables.js';

export interface MembersView {
  members: { userId: string; email: string; fullName: string; role: Role; joinedAt: Date }[];
  invitations: { id: string; email: string; role: Role; createdAt: Date; expiresAt: Date }[];
}

/** Members of an organization (members.view); pending invitations for members.manage. */
export async function listMembers(
  db: Db,
  input: { userId: string; organizationId: string },
): Promise<MembersView> {
  const role = await authorize(db, { ...input, permission: 'members.view' });
  const members = await db
    .select({
      userId: users.id,
      email: users.email,
      fullName: users.fullName,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, input.organizationId))
    .orderBy(asc(memberships.createdAt));
  const pending = can(role, 'members.manage')
    ? await db
        .select({
          id: invitations.id,
          email: invitations.email,
          role: invitations.role,
          createdAt: invitations.createdAt,
          expiresAt: invitations.expiresAt,
        })
        .from(invitations)
        .where(
          and(
            eq(invitations.organizationId, input.organizationId),
            isNull(invitations.acceptedAt),
            gt(invitations.expiresAt, new Date()),
          ),
        )
        .orderBy(asc(invitations.createdAt))
    : [];
  return { members, invitations: pending };
}
