// @peculiar/x509 needs reflect-metadata loaded once and a WebCrypto provider.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export { x509 };

/** OIDs of Russian qualified certificates (Приказ ФСБ № 795). */
export const OID = {
  /** ИНН (of a person, or of an organization in older certificates) */
  inn: '1.2.643.3.131.1.1',
  /** ИНН ЮЛ */
  innLe: '1.2.643.100.4',
  /** ОГРН */
  ogrn: '1.2.643.100.1',
  /** ОГРНИП */
  ogrnip: '1.2.643.100.5',
} as const;

/** Accepts PEM, or base64 of DER. */
export function parseCertificate(input: string): x509.X509Certificate {
  const text = input.trim();
  if (text.startsWith('-----BEGIN')) return new x509.X509Certificate(text);
  const der = Buffer.from(text.replace(/\s+/g, ''), 'base64');
  return new x509.X509Certificate(new Uint8Array(der));
}

/** Subject INN (ИНН ЮЛ preferred), OGRN (or OGRNIP), and a readable name. */
export function subjectIdentity(cert: x509.X509Certificate): {
  inn: string | null;
  ogrn: string | null;
  commonName: string | null;
} {
  const first = (oid: string) => cert.subjectName.getField(oid)[0]?.trim() ?? null;
  // Old certificates zero-pad an organization's 10-digit INN to 12 digits.
  const innRaw = first(OID.innLe) ?? first(OID.inn);
  const inn = innRaw && /^00\d{10}$/.test(innRaw) ? innRaw.slice(2) : innRaw;
  return { inn, ogrn: first(OID.ogrn) ?? first(OID.ogrnip), commonName: first('CN') };
}
