import type { X509Certificate } from 'node:crypto';
import { and, asc, eq, gt, isNull, or } from 'drizzle-orm';
import {
  CertificateRejected,
  type SignatureAlgorithm,
  verifySignedChallenge,
} from '../certificates/verify-signed-challenge.js';
import { memberships, organizations } from '../organizations/tables.js';
import { type AccountsDeps, nowOf, type RequestMeta } from './context.js';
import { accountError } from './errors.js';
import { recordSecurityEvent } from './record-security-event.js';
import { createSession } from './sessions.js';
import { certificateChallenges, userCertificates, users } from './tables.js';

export interface CertificateSignInInput {
  challengeId: string;
  certificate: string;
  signature: string;
  algorithm: SignatureAlgorithm;
  trusted: X509Certificate[];
}

function rejected(message: string) {
  return accountError('UNAUTHORIZED', 'certificate_rejected', message);
}

/**
 * Sign-in by electronic signature: consumes the challenge, verifies the
 * signature and certificate, then finds the user: one bound to this
 * certificate explicitly, else the (first) owner of the organization whose
 * INN or OGRN is in the subject.
 */
export async function signInWithCertificate(
  deps: Pick<AccountsDeps, 'db' | 'now'>,
  input: CertificateSignInInput,
  meta: RequestMeta,
): Promise<{ userId: string; token: string; expiresAt: Date; organizationId: string | null }> {
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
  if (!challenge) throw rejected('Запрос подписи устарел или уже использован. Повторите вход');

  let verified: ReturnType<typeof verifySignedChallenge>;
  try {
    verified = verifySignedChallenge({
      ...input,
      challenge: Buffer.from(challenge.challenge, 'base64'),
      now,
    });
  } catch (err) {
    if (!(err instanceof CertificateRejected)) throw err;
    await recordSecurityEvent(deps.db, {
      userId: null,
      type: 'certificate_sign_in_failed',
      meta,
      details: { reason: err.message },
    });
    throw rejected(err.message);
  }

  const [bound] = await deps.db
    .select({ userId: userCertificates.userId })
    .from(userCertificates)
    .where(eq(userCertificates.fingerprintSha256, verified.fingerprint))
    .limit(1);
  let userId = bound?.userId ?? null;
  let organizationId: string | null = null;
  if (verified.inn || verified.ogrn) {
    const byId = [
      ...(verified.inn ? [eq(organizations.inn, verified.inn)] : []),
      ...(verified.ogrn ? [eq(organizations.ogrn, verified.ogrn)] : []),
    ];
    const [owner] = await deps.db
      .select({ userId: memberships.userId, organizationId: organizations.id })
      .from(organizations)
      .innerJoin(memberships, eq(memberships.organizationId, organizations.id))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(or(...byId), eq(memberships.role, 'owner')))
      .orderBy(asc(memberships.createdAt))
      .limit(1);
    organizationId = owner?.organizationId ?? null;
    userId ??= owner?.userId ?? null;
  }
  if (!userId) {
    const who = verified.inn ? `ИНН ${verified.inn}` : 'владельца сертификата';
    await recordSecurityEvent(deps.db, {
      userId: null,
      type: 'certificate_sign_in_failed',
      meta,
      details: { reason: 'no organization', subject: verified.subject.slice(0, 300) },
    });
    throw rejected(`Сертификат действителен, но организация с ${who} не зарегистрирована в кабинете`);
  }
  const session = await createSession(deps, userId, 'certificate', meta);
  await recordSecurityEvent(deps.db, {
    userId,
    type: 'certificate_sign_in',
    meta,
    details: { subject: verified.subject.slice(0, 300), fingerprint: verified.fingerprint },
  });
  return { userId, organizationId, ...session };
}
