import { eq } from 'drizzle-orm';
import { consumeAuthToken } from './auth-tokens.js';
import { type AccountsDeps, nowOf, type RequestMeta } from './context.js';
import { recordSecurityEvent } from './record-security-event.js';
import { hashPassword } from './secrets.js';
import { endUserSessions } from './sessions.js';
import { users } from './tables.js';

/**
 * Sets a new password from a reset token (e-mail link or verified SMS code).
 * Every session of the account ends and a lockout is lifted.
 */
export async function resetPassword(
  deps: Pick<AccountsDeps, 'db' | 'now'>,
  input: { token: string; password: string },
  meta: RequestMeta,
): Promise<void> {
  const now = nowOf(deps);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    const { userId } = await consumeAuthToken(tx, { token: input.token, purpose: 'reset_password', now });
    await tx
      .update(users)
      .set({ passwordHash, failedSignIns: 0, lockedUntil: null, updatedAt: now })
      .where(eq(users.id, userId));
    await endUserSessions(tx, userId);
    await recordSecurityEvent(tx, { userId, type: 'password_reset', meta });
  });
}
