import { eq } from 'drizzle-orm';
import { consumeAuthToken } from './auth-tokens.js';
import { type AccountsDeps, nowOf, type RequestMeta } from './context.js';
import { recordSecurityEvent } from './record-security-event.js';
import { users } from './tables.js';

/** Activates the account named by a confirmation link (single use, expiring). */
export async function confirmEmail(
  deps: Pick<AccountsDeps, 'db' | 'now'>,
  token: string,
  meta: RequestMeta,
): Promise<{ email: string }> {
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const { userId } = await consumeAuthToken(tx, { token, purpose: 'confirm_email', now });
    const [user] = await tx
      .update(users)
      .set({ emailConfirmedAt: now, updatedAt: now })
      .where(eq(users.id, userId))
      .returning({ email: users.email });
    await recordSecurityEvent(tx, { userId, type: 'email_confirmed', meta });
    return { email: user!.email };
  });
}
