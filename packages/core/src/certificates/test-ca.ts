import { randomBytes, webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OID, x509 } from './x509.js';

// The project's test certification authority: a self-signed ECDSA P-256 root
// in `<dir>/ca.pem` + `<dir>/ca.key.pem`, issuing end-entity certificates
// with ИНН/ОГРН in the subject, as Russian qualified certificates carry them.

const subtle = webcrypto.subtle;
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const RSA = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
} as const;

export interface TestCa {
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
  certPath: string;
}

function serial(): string {
  const b = randomBytes(16);
  b[0] = b[0]! & 0x7f;
  return b.toString('hex');
}

function pemKey(pkcs8: ArrayBuffer): string {
  return x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
}

/** Creates the CA in `dir` unless it exists; returns it either way. */
export async function initTestCa(
  dir: string,
  options: { name?: string } = {},
): Promise<TestCa & { created: boolean }> {
  const certPath = join(dir, 'ca.pem');
  const keyPath = join(dir, 'ca.key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    const certificate = new x509.X509Certificate(readFileSync(certPath, 'utf8'));
    const der = x509.PemConverter.decodeFirst(readFileSync(keyPath, 'utf8'));
    const privateKey = await subtle.importKey('pkcs8', der, ECDSA, false, ['sign']);
    return { certificate, privateKey, certPath, created: false };
  }
  mkdirSync(dir, { recursive: true });
  const keys = (await subtle.generateKey(ECDSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = new Date();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${options.name ?? 'OpenOFD Test CA'}, O=OpenOFD, C=RU`,
    notBefore: new Date(now.getTime() - 3600_000),
    notAfter: new Date(now.getTime() + 10 * 365 * 86_400_000),
    keys,
    signingAlgorithm: ECDSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  writeFileSync(certPath, certificate.toString('pem'));
  writeFileSync(keyPath, pemKey(await subtle.exportKey('pkcs8', keys.privateKey)), { mode: 0o600 });
  return { certificate, privateKey: keys.privateKey, certPath, created: true };
}

export interface IssueOptions {
  inn: string;
  ogrn?: string | undefined;
  /** Organization name (O and CN) */
  name: string;
  key?: 'ecdsa' | 'rsa';
  notBefore?: Date;
  notAfter?: Date;
}

export interface IssuedCertificate {
  certificatePem: string;
  /** PKCS#8 PEM */
  privateKeyPem: string;
  privateKey: CryptoKey;
  certificate: x509.X509Certificate;
}

function escapeRdn(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1');
}

/** Issues an end-entity certificate for an organization (ИНН ЮЛ, ОГРН in the subject). */
export async function issueTestCertificate(ca: TestCa, options: IssueOptions): Promise<IssuedCertificate> {
  const algorithm = options.key === 'rsa' ? RSA : ECDSA;
  const keys = (await subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = new Date();
  const parts = [
    `CN=${escapeRdn(options.name)}`,
    `O=${escapeRdn(options.name)}`,
    'C=RU',
    `${OID.innLe}=${options.inn}`,
  ];
  if (options.inn.length === 10) parts.push(`${OID.inn}=00${options.inn}`);
  if (options.ogrn) parts.push(`${OID.ogrn}=${options.ogrn}`);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: parts.join(', '),
    issuer: ca.certificate.subject,
    notBefore: options.notBefore ?? new Date(now.getTime() - 3600_000),
    notAfter: options.notAfter ?? new Date(now.getTime() + 365 * 86_400_000),
    publicKey: keys.publicKey,
    signingKey: ca.privateKey,
    signingAlgorithm: ECDSA,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
    ],
  });
  return {
    certificate,
    certificatePem: certificate.toString('pem'),
    privateKey: keys.privateKey,
    privateKeyPem: pemKey(await subtle.exportKey('pkcs8', keys.privateKey)),
  };
}
