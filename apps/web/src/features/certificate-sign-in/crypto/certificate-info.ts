import { Certificate } from 'pkijs';
import { CertificateError } from './certificate-error';

// Russian qualified-certificate subject attributes (Приказ ФСБ № 795).
const OID_INN = '1.2.643.3.131.1.1';
const OID_INN_LE = '1.2.643.100.4';
const OID_OGRN = '1.2.643.100.1';
const OID_CN = '2.5.4.3';
const OID_O = '2.5.4.10';
const OID_EC = '1.2.840.10045.2.1';
const OID_P256 = '1.2.840.10045.3.1.7';
const OID_RSA = '1.2.840.113549.1.1.1';

export type KeyAlgorithm = 'ecdsa-p256' | 'rsa';

export interface CertificateInfo {
  der: Uint8Array;
  commonName: string;
  organization: string;
  inn: string;
  ogrn: string;
  notBefore: Date;
  notAfter: Date;
  keyAlgorithm: KeyAlgorithm;
  /** SubjectPublicKeyInfo, DER: to check that the key belongs to the certificate. */
  spki: Uint8Array;
}

export function parseCertificate(der: Uint8Array): Certificate {
  try {
    return Certificate.fromBER(der.slice().buffer as ArrayBuffer);
  } catch {
    throw new CertificateError('Файл сертификата повреждён или имеет неизвестный формат.');
  }
}

export function describeCertificate(der: Uint8Array): CertificateInfo {
  const cert = parseCertificate(der);
  const attr = (...oids: string[]) => {
    for (const oid of oids) {
      const tv = cert.subject.typesAndValues.find((t) => t.type === oid);
      const v = tv?.value.valueBlock as { value?: unknown } | undefined;
      if (typeof v?.value === 'string') return v.value;
    }
    return '';
  };
  const spkiInfo = cert.subjectPublicKeyInfo;
  let keyAlgorithm: KeyAlgorithm;
  if (spkiInfo.algorithm.algorithmId === OID_RSA) keyAlgorithm = 'rsa';
  else if (spkiInfo.algorithm.algorithmId === OID_EC) {
    const curve = (
      spkiInfo.algorithm.algorithmParams as { valueBlock?: { toString(): string } } | undefined
    )?.valueBlock?.toString();
    if (curve !== OID_P256) throw new CertificateError('Поддерживаются ключи ECDSA только на кривой P-256.');
    keyAlgorithm = 'ecdsa-p256';
  } else if (spkiInfo.algorithm.algorithmId.startsWith('1.2.643.')) {
    throw new CertificateError(
      'Ключи ГОСТ Р 34.10-2012 браузер подписать не может: выберите сертификат ECDSA P-256 или RSA.',
    );
  } else {
    throw new CertificateError('Алгоритм ключа сертификата не поддерживается (нужен ECDSA P-256 или RSA).');
  }
  return {
    der,
    commonName: attr(OID_CN),
    organization: attr(OID_O),
    // Digits only: INN is a NumericString, but some CAs pad it with leading zeros to 12.
    inn: attr(OID_INN_LE, OID_INN).replace(/^00(\d{10})$/, '$1'),
    ogrn: attr(OID_OGRN),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    keyAlgorithm,
    spki: new Uint8Array(spkiInfo.toSchema().toBER(false)),
  };
}
