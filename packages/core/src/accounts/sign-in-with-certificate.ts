import { and, asc, eq, or } from 'drizzle-orm';
import { memberships, organizations } from '../organizations/tables.js';
import {
  type CertificateAttempt,
  certificateRejected,
  checkCertificateAttempt,
} from './check-certificate-attempt.js';
import type { AccountsDeps, RequestMeta } from './context.js';
import { recordSecurityEvent } from './record-security-event.js';
import { createSession } from './sessions.js';
import { userCertificates, users } from './tables.js';

export type CertificateSignInInput = CertificateAttempt;

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
  const verified = await checkCertificateAttempt(deps, input, meta);
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
    throw certificateRejected(
      `Сертификат действителен, но организация с ${who} не зарегистрирована в кабинете`,
    );
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
