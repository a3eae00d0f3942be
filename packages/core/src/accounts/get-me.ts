import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { listMemberships, type MembershipView } from '../organizations/list-memberships.js';
import { findUserById } from './find-user.js';
import { authTokens, type UserRow } from './tables.js';

export interface MeView {
  user: UserRow;
  pendingEmail: string | null;
  memberships: MembershipView[];
}

/** The signed-in user, a pending e-mail change, and their organizations with roles. */
export async function getMe(db: Db, userId: string): Promise<MeView> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('UNAUTHORIZED', 'Сеанс завершён. Войдите снова');
  const [pending] = await db
    .select({ newEmail: authTokens.newEmail })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.userId, userId),
        eq(authTokens.purpose, 'change_email'),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return { user, pendingEmail: pending?.newEmail ?? null, memberships: await listMemberships(db, userId) };
}
