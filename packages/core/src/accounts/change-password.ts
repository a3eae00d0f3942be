import { eq } from 'drizzle-orm';
import { type AccountsDeps, nowOf, type RequestMeta } from './context.js';
import { fieldError } from './errors.js';
import { findUserById } from './find-user.js';
import { recordSecurityEvent } from './record-security-event.js';
import { hashPassword, verifyPassword } from './secrets.js';
import { endUserSessions } from './sessions.js';
import { users } from './tables.js';

/** Changes the password (current one required); every other session ends. */
export async function changePassword(
  deps: Pick<AccountsDeps, 'db' | 'now'>,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const user = await findUserById(deps.db, input.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw fieldError('currentPassword', 'Неверный текущий пароль');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: nowOf(deps) })
      .where(eq(users.id, user.id));
    await endUserSessions(tx, user.id, input.sessionId);
    await recordSecurityEvent(tx, { userId: user.id, type: 'password_changed', meta });
  });
}
