import { eq } from 'drizzle-orm';
import { consumeAuthToken } from './auth-tokens.js';
import { type AccountsDeps, nowOf, type RequestMeta } from './context.js';
import { fieldError } from './errors.js';
import { recordSecurityEvent } from './record-security-event.js';
import { users } from './tables.js';
import { uniqueViolation } from './unique-violation.js';

/** Completes an e-mail change from the link sent to the new address. */
export async function confirmEmailChange(
  deps: Pick<AccountsDeps, 'db' | 'now'>,
  token: string,
  meta: RequestMeta,
): Promise<{ email: string }> {
  const now = nowOf(deps);
  return deps.db
    .transaction(async (tx) => {
      const { userId, newEmail } = await consumeAuthToken(tx, { token, purpose: 'change_email', now });
      const [before] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
      await tx
        .update(users)
        .set({ email: newEmail!, emailConfirmedAt: now, updatedAt: now })
        .where(eq(users.id, userId));
      await recordSecurityEvent(tx, {
        userId,
        type: 'email_changed',
        meta,
        details: { from: before?.email ?? '', to: newEmail! },
      });
      return { email: newEmail! };
    })
    .catch((err: unknown) => {
      if (uniqueViolation(err) === null) throw err;
      throw fieldError('token', 'Этот e-mail уже занят другой учётной записью', 'CONFLICT');
    });
}
