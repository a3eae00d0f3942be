import { eq, sql } from 'drizzle-orm';
import { type AccountsDeps, nowOf, policy, type RequestMeta } from './context.js';
import { accountError } from './errors.js';
import { findUserByEmail, findUserByPhone } from './find-user.js';
import { recordSecurityEvent } from './record-security-event.js';
import { verifyAgainstDummy, verifyPassword } from './secrets.js';
import { createSession } from './sessions.js';
import { type UserRow, users } from './tables.js';

export const INVALID_CREDENTIALS = 'Неверный логин или пароль';

export interface SignInInput {
  /** An e-mail, or a phone already normalised to +7XXXXXXXXXX. */
  login: string;
  password: string;
}

function moscowTime(at: Date): string {
  return at.toLocaleTimeString('ru-RU', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit' });
}

function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

export function lockedError(until: Date, now: Date) {
  return accountError(
    'FORBIDDEN',
    'account_locked',
    `Слишком много неудачных попыток входа. Вход заблокирован на ${minutesLeft(until, now)} мин (до ${moscowTime(until)} МСК). Попробуйте позже или восстановите пароль.`,
    { lockedUntil: until.toISOString() },
  );
}

async function findByLogin(deps: AccountsDeps, login: string): Promise<UserRow | undefined> {
  return login.includes('@') ? findUserByEmail(deps.db, login) : findUserByPhone(deps.db, login);
}

/**
 * Password sign-in. Failed attempts count per account; after
 * `policy.maxFailedSignIns` in a row the account is locked for
 * `policy.lockoutMs` (even the right password is refused until then).
 */
export async function signIn(
  deps: AccountsDeps,
  input: SignInInput,
  meta: RequestMeta,
): Promise<{ userId: string; token: string; expiresAt: Date }> {
  const now = nowOf(deps);
  const user = await findByLogin(deps, input.login);
  if (!user) {
    await verifyAgainstDummy(input.password);
    await recordSecurityEvent(deps.db, {
      userId: null,
      type: 'sign_in_failed',
      meta,
      details: { login: input.login.slice(0, 100) },
    });
    throw accountError('UNAUTHORIZED', 'invalid_credentials', INVALID_CREDENTIALS);
  }
  if (user.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil, now);

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const [after] = await deps.db
      .update(users)
      .set({ failedSignIns: sql`${users.failedSignIns} + 1` })
      .where(eq(users.id, user.id))
      .returning({ failed: users.failedSignIns });
    await recordSecurityEvent(deps.db, { userId: user.id, type: 'sign_in_failed', meta });
    if ((after?.failed ?? 0) >= policy.maxFailedSignIns) {
      const until = new Date(now.getTime() + policy.lockoutMs);
      await deps.db.update(users).set({ lockedUntil: until, failedSignIns: 0 }).where(eq(users.id, user.id));
      await recordSecurityEvent(deps.db, {
        userId: user.id,
        type: 'lockout',
        meta,
        details: { until: until.toISOString() },
      });
      throw lockedError(until, now);
    }
    throw accountError('UNAUTHORIZED', 'invalid_credentials', INVALID_CREDENTIALS);
  }

  if (!user.emailConfirmedAt) {
    throw accountError(
      'FORBIDDEN',
      'email_not_confirmed',
      `Адрес ${user.email} ещё не подтверждён. Откройте ссылку из письма или запросите письмо повторно.`,
    );
  }
  await deps.db.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
  const session = await createSession(deps, user.id, 'password', meta);
  await recordSecurityEvent(deps.db, {
    userId: user.id,
    type: 'sign_in',
    meta,
    details: { method: 'password' },
  });
  return { userId: user.id, ...session };
}
