import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { type CertificateAttempt, checkCertificateAttempt } from './check-certificate-attempt.js';
import type { AccountsDeps, RequestMeta } from './context.js';
import { recordSecurityEvent } from './record-security-event.js';
import { userCertificates } from './tables.js';
import { uniqueViolation } from './unique-violation.js';

export interface BoundCertificate {
  id: string;
  subject: string;
  fingerprint: string;
  createdAt: Date;
}

const ALREADY = 'Этот сертификат уже привязан к другой учётной записи';

/**
 * Binds a certificate to the signed-in user, proving possession of its key by
 * a signed challenge; afterwards sign-in with it opens this account whatever
 * its subject says (e.g. an accountant's personal certificate).
 */
export async function bindCertificate(
  deps: Pick<AccountsDeps, 'db' | 'now'>,
  input: CertificateAttempt & { userId: string },
  meta: RequestMeta,
): Promise<BoundCertificate> {
  const verified = await checkCertificateAttempt(deps, input, meta, input.userId);
  const [existing] = await deps.db
    .select()
    .from(userCertificates)
    .where(eq(userCertificates.fingerprintSha256, verified.fingerprint))
    .limit(1);
  if (existing && existing.userId !== input.userId) throw new AppError('CONFLICT', ALREADY);
  const row =
    existing ??
    (await deps.db
      .insert(userCertificates)
      .values({ userId: input.userId, fingerprintSha256: verified.fingerprint, subject: verified.subject })
      .returning()
      .then((r) => r[0]!)
      .catch((err: unknown) => {
        if (uniqueViolation(err) === null) throw err;
        throw new AppError('CONFLICT', ALREADY);
      }));
  await recordSecurityEvent(deps.db, {
    userId: input.userId,
    type: 'certificate_bound',
    meta,
    details: { subject: verified.subject.slice(0, 300), fingerprint: verified.fingerprint },
  });
  return { id: row.id, subject: row.subject, fingerprint: row.fingerprintSha256, createdAt: row.createdAt };
}

export async function listCertificates(db: Db, userId: string): Promise<BoundCertificate[]> {
  const rows = await db
    .select()
    .from(userCertificates)
    .where(eq(userCertificates.userId, userId))
    .orderBy(asc(userCertificates.createdAt));
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    fingerprint: r.fingerprintSha256,
    createdAt: r.createdAt,
  }));
}

/** Unbinds one of the user's certificates; someone else's id → NOT_FOUND. */
export async function unbindCertificate(
  db: Db,
  input: { userId: string; certificateId: string },
  meta: RequestMeta,
): Promise<void> {
  const [row] = await db
    .delete(userCertificates)
    .where(and(eq(userCertificates.id, input.certificateId), eq(userCertificates.userId, input.userId)))
    .returning({ subject: userCertificates.subject });
  if (!row) throw new AppError('NOT_FOUND', 'Сертификат не найден');
  await recordSecurityEvent(db, {
    userId: input.userId,
    type: 'certificate_unbound',
    meta,
    details: { subject: row.subject.slice(0, 300) },
  });
}
