import { issueAuthToken } from './auth-tokens.js';
import { type AccountsDeps, nowOf, policy } from './context.js';
import { deliverLetter } from './deliver.js';
import { findUserByEmail } from './find-user.js';
import { confirmEmailLetter } from './letters.js';

/**
 * Sends a fresh confirmation letter if the address belongs to an unconfirmed
 * account; silently does nothing otherwise (the answer does not reveal accounts).
 */
export async function resendConfirmation(deps: AccountsDeps, email: string): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  if (!user || user.emailConfirmedAt) return;
  const token = await issueAuthToken(deps.db, {
    userId: user.id,
    purpose: 'confirm_email',
    now: nowOf(deps),
    ttlMs: policy.confirmEmailMs,
  });
  await deliverLetter(
    deps,
    confirmEmailLetter(deps.publicUrl, user.email, token, policy.confirmEmailMs / 3600_000),
  );
}
