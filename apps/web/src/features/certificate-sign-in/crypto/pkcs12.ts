import { type CertBag, PFX, type PKCS8ShroudedKeyBag, type PrivateKeyInfo } from 'pkijs';
import { CertificateError } from './certificate-error';

// RFC 7292 §4.2 bag types.
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';
const PBES2 = '1.2.840.113549.1.5.13';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';

export interface KeyAndCertificates {
  /** PKCS#8 PrivateKeyInfo, DER. */
  pkcs8: Uint8Array;
  /** Every X.509 certificate in the container, DER, in file order. */
  certificates: Uint8Array[];
}

function bytes(buf: ArrayBuffer): Uint8Array {
  return new Uint8Array(buf);
}

function legacyError(): CertificateError {
  return new CertificateError(
    'Файл PKCS#12 зашифрован устаревшим алгоритмом (3DES/RC2), который браузер не поддерживает. ' +
      'Пересохраните его с AES (openssl pkcs12 -export без -legacy) или выберите PEM-файлы.',
  );
}

/** Opens a .p12/.pfx with its password, entirely in the browser (WebCrypto via pkijs). */
export async function readPkcs12(file: Uint8Array, password: string): Promise<KeyAndCertificates> {
  const pwd = new TextEncoder().encode(password).buffer as ArrayBuffer;
  let pfx: PFX;
  try {
    pfx = PFX.fromBER(file.slice().buffer as ArrayBuffer);
  } catch {
    throw new CertificateError('Файл не похож на контейнер PKCS#12 (.p12/.pfx).');
  }
  try {
    await pfx.parseInternalValues({ password: pwd, checkIntegrity: Boolean(pfx.macData) });
  } catch (e) {
    if (e instanceof Error && /Integrity/i.test(e.message)) {
      throw new CertificateError('Неверный пароль к файлу сертификата.');
    }
    throw new CertificateError('Не удалось прочитать контейнер PKCS#12.');
  }
  const authSafe = pfx.parsedValue?.authenticatedSafe;
  if (!authSafe) throw new CertificateError('Контейнер PKCS#12 пуст.');

  const params = authSafe.safeContents.map((ci) =>
    ci.contentType === ENCRYPTED_DATA ? { password: pwd } : {},
  );
  try {
    await authSafe.parseInternalValues({ safeContents: params });
  } catch (e) {
    // pkijs implements only PBES2; anything else is the pre-OpenSSL-3 default.
    if (e instanceof Error && /contentEncryptionAlgorithm/.test(e.message)) throw legacyError();
    throw new CertificateError('Неверный пароль или повреждённый контейнер PKCS#12.');
  }

  const certificates: Uint8Array[] = [];
  let pkcs8: Uint8Array | undefined;
  for (const { value } of authSafe.parsedValue.safeContents as { value: { safeBags: SafeBagLike[] } }[]) {
    for (const bag of value.safeBags) {
      if (bag.bagId === CERT_BAG) {
        const cert = bag.bagValue as CertBag;
        // certValue is an OCTET STRING wrapping the certificate's DER (RFC 7292 §4.2.3).
        const der = (cert.certValue as { valueBlock?: { valueHexView?: Uint8Array } }).valueBlock
          ?.valueHexView;
        if (cert.certId === X509_CERTIFICATE && der) certificates.push(der.slice());
      } else if (bag.bagId === KEY_BAG && !pkcs8) {
        pkcs8 = bytes((bag.bagValue as PrivateKeyInfo).toSchema().toBER(false));
      } else if (bag.bagId === SHROUDED_KEY_BAG && !pkcs8) {
        pkcs8 = await decryptShroudedKey(bag.bagValue as PKCS8ShroudedKeyBag, pwd);
      }
    }
  }
  if (!pkcs8) throw new CertificateError('В контейнере PKCS#12 нет закрытого ключа.');
  if (certificates.length === 0) throw new CertificateError('В контейнере PKCS#12 нет сертификата.');
  return { pkcs8, certificates };
}

interface SafeBagLike {
  bagId: string;
  bagValue: unknown;
}

/** Decrypts a PKCS#8 EncryptedPrivateKeyInfo (also used for "ENCRYPTED PRIVATE KEY" PEM files). */
export async function decryptShroudedKey(
  bag: PKCS8ShroudedKeyBag,
  password: ArrayBuffer,
): Promise<Uint8Array> {
  if (bag.encryptionAlgorithm.algorithmId !== PBES2) throw legacyError();
  try {
    // parseInternalValues is protected in the typings but is pkijs's documented way to decrypt.
    await (
      bag as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }
    ).parseInternalValues({ password });
  } catch {
    throw new CertificateError('Неверный пароль к закрытому ключу.');
  }
  if (!bag.parsedValue) throw new CertificateError('Не удалось расшифровать закрытый ключ.');
  return bytes(bag.parsedValue.toSchema().toBER(false));
}
