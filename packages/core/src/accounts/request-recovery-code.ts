import { and, eq, isNull } from 'drizzle-orm';
import { type AccountsDeps, nowOf, policy, type RequestMeta } from './context.js';
import { deliverSms } from './deliver.js';
import { findUserByPhone } from './find-user.js';
import { recoveryCodeSms } from './letters.js';
import { recordSecurityEvent } from './record-security-event.js';
import { hashToken, randomCode } from './secrets.js';
import { recoveryCodes } from './tables.js';

/**
 * Recovery by phone: a 6-digit code by SMS (hashed at rest, limited attempts
 * and lifetime); a new code replaces the previous one. Unknown phones get no
 * SMS, and the caller answers the same way.
 */
export async function requestRecoveryCode(
  deps: AccountsDeps,
  phone: string,
  meta: RequestMeta,
): Promise<void> {
  const user = await findUserByPhone(deps.db, phone);
  if (!user) return;
  const now = nowOf(deps);
  const code = randomCode();
  await deps.db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
  await deps.db.insert(recoveryCodes).values({
    userId: user.id,
    codeHash: hashToken(`${user.id}:${code}`),
    createdAt: now,
    expiresAt: new Date(now.getTime() + policy.recoveryCodeMs),
  });
  await recordSecurityEvent(deps.db, {
    userId: user.id,
    type: 'recovery_requested',
    meta,
    details: { method: 'phone' },
  });
  await deliverSms(deps, { to: user.phone, text: recoveryCodeSms(code, policy.recoveryCodeMs / 60_000) });
}
