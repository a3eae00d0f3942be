import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import { issueAuthToken } from './auth-tokens.js';
import { type AccountsDeps, nowOf, policy, type RequestMeta } from './context.js';
import { invalidLink } from './errors.js';
import { findUserByPhone } from './find-user.js';
import { recordSecurityEvent } from './record-security-event.js';
import { hashToken } from './secrets.js';
import { recoveryCodes } from './tables.js';

const ASK_AGAIN = 'Запросите новый код.';

/**
 * Checks the SMS code; the right code (once, in time, within the attempt
 * limit) is exchanged for a password-reset token.
 */
export async function verifyRecoveryCode(
  deps: AccountsDeps,
  input: { phone: string; code: string },
  meta: RequestMeta,
): Promise<{ resetToken: string }> {
  const now = nowOf(deps);
  const user = await findUserByPhone(deps.db, input.phone);
  const [row] = user
    ? await deps.db
        .select()
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)))
        .orderBy(desc(recoveryCodes.createdAt))
        .limit(1)
    : [];
  if (!user || !row) throw invalidLink(`Код неверен или уже использован. ${ASK_AGAIN}`);
  if (row.expiresAt <= now) throw invalidLink(`Срок действия кода истёк. ${ASK_AGAIN}`);
  if (row.attempts >= policy.recoveryCodeAttempts) {
    throw invalidLink(`Слишком много неверных попыток. ${ASK_AGAIN}`);
  }
  if (row.codeHash !== hashToken(`${user.id}:${input.code}`)) {
    const [after] = await deps.db
      .update(recoveryCodes)
      .set({ attempts: sql`${recoveryCodes.attempts} + 1` })
      .where(eq(recoveryCodes.id, row.id))
      .returning({ attempts: recoveryCodes.attempts });
    await recordSecurityEvent(deps.db, { userId: user.id, type: 'recovery_code_failed', meta });
    const left = policy.recoveryCodeAttempts - (after?.attempts ?? policy.recoveryCodeAttempts);
    throw new AppError(
      'INVALID_INPUT',
      left > 0 ? `Неверный код. Осталось попыток: ${left}` : `Неверный код. Попытки исчерпаны. ${ASK_AGAIN}`,
      { fields: { code: left > 0 ? `Неверный код. Осталось попыток: ${left}` : 'Попытки исчерпаны' } },
    );
  }
  const [used] = await deps.db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.id, row.id), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  if (!used) throw invalidLink(`Код уже использован. ${ASK_AGAIN}`);
  const resetToken = await issueAuthToken(deps.db, {
    userId: user.id,
    purpose: 'reset_password',
    now,
    ttlMs: policy.resetPasswordMs,
  });
  return { resetToken };
}
