import { and, eq, gt, lte, ne } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { type AccountsDeps, nowOf, policy, type RequestMeta } from './context.js';
import { hashToken, randomToken } from './secrets.js';
import { type SessionMethod, sessions } from './tables.js';

export interface SessionInfo {
  sessionId: string;
  userId: string;
  method: SessionMethod;
  expiresAt: Date;
}

/** Opens a session; returns the cookie token (the row keeps only its hash). */
export async function createSession(
  deps: Pick<AccountsDeps, 'db' | 'now'>,
  userId: string,
  method: SessionMethod,
  meta: RequestMeta,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const now = nowOf(deps);
  const expiresAt = new Date(now.getTime() + policy.sessionIdleMs);
  // Housekeeping: the user's expired sessions are of no use to anyone.
  await deps.db.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, now)));
  await deps.db.insert(sessions).values({
    userId,
    tokenHash: hashToken(token),
    method,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
  });
  return { token, expiresAt };
}

/**
 * The live session for a cookie token, or null. Sliding expiry: the expiry
 * moves forward on use, at most once per `sessionTouchMs`.
 */
export async function resolveSession(
  deps: Pick<AccountsDeps, 'db' | 'now'>,
  token: string,
): Promise<SessionInfo | null> {
  const now = nowOf(deps);
  const [row] = await deps.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row) return null;
  let expiresAt = row.expiresAt;
  if (now.getTime() - row.lastSeenAt.getTime() > policy.sessionTouchMs) {
    expiresAt = new Date(now.getTime() + policy.sessionIdleMs);
    await deps.db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, row.id));
  }
  return { sessionId: row.id, userId: row.userId, method: row.method, expiresAt };
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of the user except `keepSessionId` (if given). */
export async function endUserSessions(db: Db, userId: string, keepSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      keepSessionId === undefined
        ? eq(sessions.userId, userId)
        : and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)),
    );
}
