import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

// PKCS#12 (.p12) for the test CA's certificates, readable by pkijs/WebCrypto in
// the browser: key and certificate each encrypted with PBES2 (PBKDF2-SHA-256,
// AES-256-CBC), integrity by a password MAC with SHA-256.

const engine = new pkijs.CryptoEngine({
  name: 'node',
  crypto: webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'],
});
pkijs.setEngine('node', engine);

const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const ITERATIONS = 100_000;

function ab(view: Uint8Array): ArrayBuffer {
  return view.slice().buffer as ArrayBuffer;
}

export async function buildPkcs12(options: {
  /** PKCS#8 DER */
  privateKey: Uint8Array;
  /** certificate DER */
  certificate: Uint8Array;
  password: string;
}): Promise<Uint8Array> {
  const password = ab(new TextEncoder().encode(options.password));
  const encryption = {
    password,
    contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 },
    hmacHashAlgorithm: 'SHA-256',
    iterationCount: ITERATIONS,
  };
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({
    parsedValue: pkijs.PrivateKeyInfo.fromBER(ab(options.privateKey)),
  });
  await keyBag.makeInternalValues(encryption);
  const certBag = new pkijs.CertBag({ parsedValue: pkijs.Certificate.fromBER(ab(options.certificate)) });

  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            {
              privacyMode: 0,
              value: new pkijs.SafeContents({
                safeBags: [new pkijs.SafeBag({ bagId: SHROUDED_KEY_BAG, bagValue: keyBag })],
              }),
            },
            {
              privacyMode: 1,
              value: new pkijs.SafeContents({
                safeBags: [new pkijs.SafeBag({ bagId: CERT_BAG, bagValue: certBag })],
              }),
            },
          ],
        },
      }),
    },
  });
  await pfx.parsedValue!.authenticatedSafe!.makeInternalValues({ safeContents: [{}, encryption] });
  await pfx.makeInternalValues({
    password,
    iterations: ITERATIONS,
    pbkdf2HashAlgorithm: 'SHA-256',
    hmacHashAlgorithm: 'SHA-256',
  });
  return new Uint8Array(pfx.toSchema().toBER(false));
}
