import { randomBytes } from 'node:crypto';
import { lt } from 'drizzle-orm';
import { type AccountsDeps, nowOf, policy } from './context.js';
import { certificateChallenges } from './tables.js';

/** A random, single-use, short-lived challenge for the browser to sign. */
export async function createCertificateChallenge(
  deps: Pick<AccountsDeps, 'db' | 'now'>,
): Promise<{ challengeId: string; challenge: string; expiresAt: Date }> {
  const now = nowOf(deps);
  const challenge = randomBytes(32).toString('base64');
  const expiresAt = new Date(now.getTime() + policy.challengeMs);
  // Housekeeping: challenges older than a day are useless.
  await deps.db
    .delete(certificateChallenges)
    .where(lt(certificateChallenges.expiresAt, new Date(now.getTime() - 86_400_000)));
  const [row] = await deps.db
    .insert(certificateChallenges)
    .values({ challenge, createdAt: now, expiresAt })
    .returning({ id: certificateChallenges.id });
  return { challengeId: row!.id, challenge, expiresAt };
}
