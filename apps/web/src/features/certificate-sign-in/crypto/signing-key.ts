import { CertificateError } from './certificate-error';
import type { CertificateInfo, KeyAlgorithm } from './certificate-info';

export function webCryptoParams(alg: KeyAlgorithm): {
  importParams: EcKeyImportParams | RsaHashedImportParams;
  signParams: EcdsaParams | AlgorithmIdentifier;
} {
  return alg === 'rsa'
    ? {
        importParams: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        signParams: { name: 'RSASSA-PKCS1-v1_5' },
      }
    : {
        importParams: { name: 'ECDSA', namedCurve: 'P-256' },
        signParams: { name: 'ECDSA', hash: 'SHA-256' },
      };
}

/**
 * Imports the PKCS#8 key as non-extractable and proves it matches the
 * certificate by signing and verifying a probe with the certificate's key.
 */
export async function importSigningKey(pkcs8: Uint8Array, cert: CertificateInfo): Promise<CryptoKey> {
  const { importParams, signParams } = webCryptoParams(cert.keyAlgorithm);
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('pkcs8', pkcs8.slice(), importParams, false, ['sign']);
  } catch {
    throw new CertificateError('Закрытый ключ не подходит к алгоритму сертификата или повреждён.');
  }
  const pub = await crypto.subtle.importKey('spki', cert.spki.slice(), importParams, false, ['verify']);
  const probe = crypto.getRandomValues(new Uint8Array(32));
  const sig = await crypto.subtle.sign(signParams, key, probe);
  if (!(await crypto.subtle.verify(signParams, pub, sig, probe))) {
    throw new CertificateError('Закрытый ключ не соответствует сертификату.');
  }
  return key;
}
