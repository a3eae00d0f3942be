import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { invalidLink } from './errors.js';
import { hashToken, randomToken } from './secrets.js';
import { authTokens, type TokenPurpose } from './tables.js';

/** Issues a single-use link token; earlier unused tokens of the same purpose stop working. */
export async function issueAuthToken(
  db: Db,
  options: { userId: string; purpose: TokenPurpose; now: Date; ttlMs: number; newEmail?: string },
): Promise<string> {
  const token = randomToken();
  await db
    .update(authTokens)
    .set({ usedAt: options.now })
    .where(
      and(
        eq(authTokens.userId, options.userId),
        eq(authTokens.purpose, options.purpose),
        isNull(authTokens.usedAt),
      ),
    );
  await db.insert(authTokens).values({
    userId: options.userId,
    purpose: options.purpose,
    tokenHash: hashToken(token),
    newEmail: options.newEmail ?? null,
    createdAt: options.now,
    expiresAt: new Date(options.now.getTime() + options.ttlMs),
  });
  return token;
}

const purposeText: Record<TokenPurpose, string> = {
  confirm_email: 'Запросите новое письмо для подтверждения адреса.',
  reset_password: 'Запросите восстановление пароля ещё раз.',
  change_email: 'Запросите смену адреса в профиле ещё раз.',
};

/**
 * Marks the token used (atomically, so a link works exactly once) and returns
 * its row; a wrong, used or expired token raises `invalid_link` saying which.
 */
export async function consumeAuthToken(
  db: Db,
  options: { token: string; purpose: TokenPurpose; now: Date },
): Promise<{ userId: string; newEmail: string | null }> {
  const tokenHash = hashToken(options.token);
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: options.now })
    .where(
      and(
        eq(authTokens.tokenHash, tokenHash),
        eq(authTokens.purpose, options.purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, options.now),
      ),
    )
    .returning({ userId: authTokens.userId, newEmail: authTokens.newEmail });
  if (row) return row;
  const [seen] = await db
    .select()
    .from(authTokens)
    .where(and(eq(authTokens.tokenHash, tokenHash), eq(authTokens.purpose, options.purpose)))
    .limit(1);
  const hint = purposeText[options.purpose];
  if (!seen) throw invalidLink(`Ссылка неверна. ${hint}`);
  if (seen.usedAt) throw invalidLink(`Ссылка уже использована. ${hint}`);
  throw invalidLink(`Срок действия ссылки истёк. ${hint}`);
}
