import { issueAuthToken } from './auth-tokens.js';
import { type AccountsDeps, nowOf, policy, type RequestMeta } from './context.js';
import { deliverLetter } from './deliver.js';
import { findUserByEmail } from './find-user.js';
import { resetPasswordLetter } from './letters.js';
import { recordSecurityEvent } from './record-security-event.js';

/**
 * Recovery by e-mail: a letter with a single-use link, if the address is
 * known. The caller answers the same either way (no account enumeration).
 */
export async function requestPasswordReset(
  deps: AccountsDeps,
  email: string,
  meta: RequestMeta,
): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  if (!user) return;
  const token = await issueAuthToken(deps.db, {
    userId: user.id,
    purpose: 'reset_password',
    now: nowOf(deps),
    ttlMs: policy.resetPasswordMs,
  });
  await recordSecurityEvent(deps.db, {
    userId: user.id,
    type: 'recovery_requested',
    meta,
    details: { method: 'email' },
  });
  await deliverLetter(
    deps,
    resetPasswordLetter(deps.publicUrl, user.email, token, policy.resetPasswordMs / 60_000),
  );
}
