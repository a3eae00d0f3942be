import { PKCS8ShroudedKeyBag } from 'pkijs';
import { CertificateError } from './certificate-error';
import { type CertificateInfo, describeCertificate } from './certificate-info';
import { readPemBlocks } from './pem';
import { decryptShroudedKey, readPkcs12 } from './pkcs12';
import { importSigningKey, webCryptoParams } from './signing-key';

/** What the sign-in needs: the certificate to send and a key that never leaves the page. */
export interface SigningCredentials {
  certificate: CertificateInfo;
  privateKey: CryptoKey;
}

export async function credentialsFromPkcs12(file: Uint8Array, password: string): Promise<SigningCredentials> {
  const { pkcs8, certificates } = await readPkcs12(file, password);
  return matchKey(pkcs8, certificates);
}

/**
 * PEM certificate (or DER .cer) plus PEM PKCS#8 key; either file may hold both.
 * An "ENCRYPTED PRIVATE KEY" is opened with the password.
 */
export async function credentialsFromPem(
  certificateFile: Uint8Array,
  keyFile: Uint8Array | undefined,
  password: string,
): Promise<SigningCredentials> {
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  const certText = text(certificateFile);
  const blocks = [...readPemBlocks(certText), ...(keyFile ? readPemBlocks(text(keyFile)) : [])];
  const certificates = blocks.filter((b) => b.label === 'CERTIFICATE').map((b) => b.der);
  if (!certText.includes('-----BEGIN')) certificates.unshift(certificateFile);
  if (certificates.length === 0) throw new CertificateError('В файле сертификата нет блока CERTIFICATE.');

  const plain = blocks.find((b) => b.label === 'PRIVATE KEY');
  const encrypted = blocks.find((b) => b.label === 'ENCRYPTED PRIVATE KEY');
  let pkcs8: Uint8Array;
  if (plain) pkcs8 = plain.der;
  else if (encrypted) {
    if (!password) throw new CertificateError('Ключ зашифрован: введите пароль.');
    let bag: PKCS8ShroudedKeyBag;
    try {
      bag = PKCS8ShroudedKeyBag.fromBER(encrypted.der.slice().buffer as ArrayBuffer);
    } catch {
      throw new CertificateError('Зашифрованный ключ повреждён.');
    }
    pkcs8 = await decryptShroudedKey(bag, new TextEncoder().encode(password).buffer as ArrayBuffer);
  } else if (blocks.some((b) => b.label === 'EC PRIVATE KEY' || b.label === 'RSA PRIVATE KEY')) {
    throw new CertificateError(
      'Ключ в устаревшем формате (EC/RSA PRIVATE KEY). Преобразуйте его в PKCS#8: openssl pkcs8 -topk8 -nocrypt -in key.pem',
    );
  } else {
    throw new CertificateError('Не найден закрытый ключ: выберите PEM-файл с блоком PRIVATE KEY (PKCS#8).');
  }
  return matchKey(pkcs8, certificates);
}

/** A container may carry the whole chain: the user's certificate is the one the key signs for. */
async function matchKey(pkcs8: Uint8Array, certificates: Uint8Array[]): Promise<SigningCredentials> {
  let lastError: unknown;
  for (const der of certificates) {
    try {
      const certificate = describeCertificate(der);
      return { certificate, privateKey: await importSigningKey(pkcs8, certificate) };
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError instanceof CertificateError
    ? lastError
    : new CertificateError('Ключ не подходит ни к одному сертификату.');
}

/** Signs the server's challenge. ECDSA comes out as raw r‖s (IEEE P1363), as WebCrypto defines it. */
export async function signChallenge(creds: SigningCredentials, challenge: Uint8Array): Promise<Uint8Array> {
  const { signParams } = webCryptoParams(creds.certificate.keyAlgorithm);
  return new Uint8Array(await crypto.subtle.sign(signParams, creds.privateKey, challenge.slice()));
}
