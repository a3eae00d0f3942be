import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPkcs12 } from './pkcs12.js';
import type { IssuedCertificate } from './test-ca.js';
import { x509 } from './x509.js';

export interface CertificateFiles {
  certificate: string;
  privateKey: string;
  pkcs12: string;
}

/** Writes cert.pem, key.pem (PKCS#8) and cert.p12 (with `password`) into `dir`. */
export async function writeCertificateFiles(
  dir: string,
  issued: IssuedCertificate,
  password: string,
): Promise<CertificateFiles> {
  mkdirSync(dir, { recursive: true });
  const files = {
    certificate: join(dir, 'cert.pem'),
    privateKey: join(dir, 'key.pem'),
    pkcs12: join(dir, 'cert.p12'),
  };
  const p12 = await buildPkcs12({
    privateKey: new Uint8Array(x509.PemConverter.decodeFirst(issued.privateKeyPem)),
    certificate: new Uint8Array(issued.certificate.rawData),
    password,
  });
  writeFileSync(files.certificate, issued.certificatePem);
  writeFileSync(files.privateKey, issued.privateKeyPem, { mode: 0o600 });
  writeFileSync(files.pkcs12, p12, { mode: 0o600 });
  return files;
}
