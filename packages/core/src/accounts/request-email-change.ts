import { issueAuthToken } from './auth-tokens.js';
import { type AccountsDeps, nowOf, policy, type RequestMeta } from './context.js';
import { deliverLetter } from './deliver.js';
import { fieldError } from './errors.js';
import { findUserByEmail, findUserById } from './find-user.js';
import { changeEmailLetter } from './letters.js';
import { recordSecurityEvent } from './record-security-event.js';
import { verifyPassword } from './secrets.js';

/** Starts an e-mail change: the new address gets a letter with a single-use link. */
export async function requestEmailChange(
  deps: AccountsDeps,
  input: { userId: string; newEmail: string; password: string },
  meta: RequestMeta,
): Promise<void> {
  const user = await findUserById(deps.db, input.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.password))) {
    throw fieldError('password', 'Неверный пароль');
  }
  if (input.newEmail === user.email) throw fieldError('newEmail', 'Это ваш текущий адрес');
  if (await findUserByEmail(deps.db, input.newEmail)) {
    throw fieldError('newEmail', 'Этот e-mail уже занят другой учётной записью', 'CONFLICT');
  }
  const token = await issueAuthToken(deps.db, {
    userId: user.id,
    purpose: 'change_email',
    now: nowOf(deps),
    ttlMs: policy.changeEmailMs,
    newEmail: input.newEmail,
  });
  await recordSecurityEvent(deps.db, {
    userId: user.id,
    type: 'email_change_requested',
    meta,
    details: { newEmail: input.newEmail },
  });
  await deliverLetter(
    deps,
    changeEmailLetter(deps.publicUrl, input.newEmail, token, policy.changeEmailMs / 3600_000),
  );
}
