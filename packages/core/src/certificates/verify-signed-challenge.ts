import { constants, type KeyObject, verify, X509Certificate } from 'node:crypto';
import { parseCertificate, subjectIdentity, x509 } from './x509.js';

export type SignatureAlgorithm = 'ECDSA-P256-SHA256' | 'RSASSA-PKCS1-v1_5-SHA256' | 'RSA-PSS-SHA256';

export interface VerifiedCertificate {
  inn: string | null;
  ogrn: string | null;
  commonName: string | null;
  subject: string;
  /** SHA-256 of the DER, hex */
  fingerprint: string;
}

/** Why the certificate was refused (Russian, shown to the user). */
export class CertificateRejected extends Error {}

function checkKeyType(key: KeyObject, algorithm: SignatureAlgorithm): void {
  if (algorithm === 'ECDSA-P256-SHA256') {
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new CertificateRejected('Ключ сертификата не ECDSA P-256, а подпись — ECDSA P-256');
    }
  } else if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'rsa-pss') {
    throw new CertificateRejected('Ключ сертификата не RSA, а подпись — RSA');
  }
}

function verifySignature(
  key: KeyObject,
  algorithm: SignatureAlgorithm,
  data: Buffer,
  signature: Buffer,
): boolean {
  try {
    if (algorithm === 'ECDSA-P256-SHA256') {
      // WebCrypto produces IEEE P1363 (raw r‖s), not DER.
      return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
    }
    if (algorithm === 'RSA-PSS-SHA256') {
      return verify(
        'sha256',
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
        signature,
      );
    }
    return verify('sha256', data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return false;
  }
}

/**
 * Checks a browser-signed challenge: the signature by the certificate's key,
 * the certificate issued by one of `trusted` (signature and issuer name), the
 * validity dates of both, and key usage allowing digital signatures.
 * Throws CertificateRejected with the reason.
 */
export function verifySignedChallenge(input: {
  certificate: string;
  signature: string;
  algorithm: SignatureAlgorithm;
  challenge: Buffer;
  trusted: X509Certificate[];
  now: Date;
}): VerifiedCertificate {
  let peculiar: x509.X509Certificate;
  let cert: X509Certificate;
  try {
    peculiar = parseCertificate(input.certificate);
    cert = new X509Certificate(Buffer.from(peculiar.rawData));
  } catch {
    throw new CertificateRejected('Не удалось прочитать сертификат: нужен X.509 в PEM или DER');
  }
  const signature = Buffer.from(input.signature, 'base64');
  checkKeyType(cert.publicKey, input.algorithm);
  if (!verifySignature(cert.publicKey, input.algorithm, input.challenge, signature)) {
    throw new CertificateRejected(
      'Подпись не соответствует сертификату: проверьте, что выбран ключ этого сертификата',
    );
  }
  if (input.now < new Date(cert.validFrom))
    throw new CertificateRejected('Срок действия сертификата ещё не начался');
  if (input.now > new Date(cert.validTo)) {
    throw new CertificateRejected(
      `Срок действия сертификата истёк ${new Date(cert.validTo).toLocaleDateString('ru-RU')}`,
    );
  }
  const issuer = input.trusted.find((ca) => cert.checkIssued(ca) && cert.verify(ca.publicKey));
  if (!issuer) throw new CertificateRejected('Сертификат выдан не доверенным удостоверяющим центром');
  if (input.now > new Date(issuer.validTo) || input.now < new Date(issuer.validFrom)) {
    throw new CertificateRejected('Срок действия сертификата удостоверяющего центра истёк');
  }
  const keyUsage = peculiar.getExtension(x509.KeyUsagesExtension);
  if (keyUsage && (keyUsage.usages & x509.KeyUsageFlags.digitalSignature) === 0) {
    throw new CertificateRejected('Сертификат не предназначен для электронной подписи');
  }
  return {
    ...subjectIdentity(peculiar),
    subject: peculiar.subject,
    fingerprint: cert.fingerprint256.replace(/:/g, '').toLowerCase(),
  };
}
