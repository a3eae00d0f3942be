import type { X509Certificate } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import {
  CertificateRejected,
  type SignatureAlgorithm,
  type VerifiedCertificate,
  verifySignedChallenge,
} from '../certificates/verify-signed-challenge.js';
import { type AccountsDeps, nowOf, type RequestMeta } from './context.js';
import { accountError } from './errors.js';
import { recordSecurityEvent } from './record-security-event.js';
import { certificateChallenges } from './tables.js';

export interface CertificateAttempt {
  challengeId: string;
  certificate: string;
  signature: string;
  algorithm: SignatureAlgorithm;
  trusted: X509Certificate[];
}

export function certificateRejected(message: string) {
  return accountError('UNAUTHORIZED', 'certificate_rejected', message);
}

/**
 * Consumes the challenge (single use, unexpired) and verifies the signed
 * challenge and the certificate; a refusal is audited and raised as
 * certificate_rejected with the reason.
 */
export async function checkCertificateAttempt(
  deps: Pick<AccountsDeps, 'db' | 'now'>,
  input: CertificateAttempt,
  meta: RequestMeta,
  userId: string | null = null,
): Promise<VerifiedCertificate> {
  const now = nowOf(deps);
  const [challenge] = await deps.db
    .update(certificateChallenges)
    .set({ usedAt: now })
    .where(
      and(
        eq(certificateChallenges.id, input.challengeId),
        isNull(certificateChallenges.usedAt),
        gt(certificateChallenges.expiresAt, now),
      ),
    )
    .returning({ challenge: certificateChallenges.challenge });
  if (!challenge) throw certificateRejected('Запрос подписи устарел или уже использован. Повторите вход');
  try {
    return verifySignedChallenge({ ...input, challenge: Buffer.from(challenge.challenge, 'base64'), now });
  } catch (err) {
    if (!(err instanceof CertificateRejected)) throw err;
    await recordSecurityEvent(deps.db, {
      userId,
      type: 'certificate_sign_in_failed',
      meta,
      details: { reason: err.message },
    });
    throw certificateRejected(err.message);
  }
}
