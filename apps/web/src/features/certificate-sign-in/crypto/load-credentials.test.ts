import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CertificateError } from './certificate-error';
import { credentialsFromPem, credentialsFromPkcs12, signChallenge } from './load-credentials';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const challenge = new TextEncoder().encode('openofd-challenge:0123456789abcdef');

function nodeVerify(certDer: Uint8Array, sig: Uint8Array, ecdsa: boolean): boolean {
  const key = createPublicKey({ key: Buffer.from(certDer), format: 'der', type: 'spki' } as never);
  return verify('sha256', challenge, ecdsa ? { key, dsaEncoding: 'ieee-p1363' } : key, sig);
}

function certKey(certDer: Uint8Array) {
  // node:crypto reads a public key out of an X.509 certificate given as PEM.
  const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(certDer).toString('base64')}\n-----END CERTIFICATE-----\n`;
  return createPublicKey(pem);
}

describe('certificate sign-in credentials (browser code under Node WebCrypto)', () => {
  it('opens an OpenSSL 3 PKCS#12 with a non-ASCII password and signs ECDSA P-256 as raw r‖s', async () => {
    const creds = await credentialsFromPkcs12(fixture('ec.p12'), 'secret-пароль');
    assert.equal(creds.certificate.keyAlgorithm, 'ecdsa-p256');
    assert.equal(creds.certificate.inn, '7707083893');
    assert.equal(creds.certificate.ogrn, '1027700132195');
    assert.equal(creds.certificate.commonName, 'ООО Ромашка');
    assert.equal(creds.privateKey.extractable, false);
    const sig = await signChallenge(creds, challenge);
    assert.equal(sig.length, 64);
    assert.ok(
      verify('sha256', challenge, { key: certKey(creds.certificate.der), dsaEncoding: 'ieee-p1363' }, sig),
    );
    const tampered = new TextEncoder().encode('openofd-challenge:other');
    assert.ok(
      !verify('sha256', tampered, { key: certKey(creds.certificate.der), dsaEncoding: 'ieee-p1363' }, sig),
    );
  });

  it('opens an RSA PKCS#12 and signs RSASSA-PKCS1-v1_5 SHA-256', async () => {
    const creds = await credentialsFromPkcs12(fixture('rsa.p12'), 'secret');
    assert.equal(creds.certificate.keyAlgorithm, 'rsa');
    const sig = await signChallenge(creds, challenge);
    assert.equal(sig.length, 256);
    assert.ok(verify('sha256', challenge, certKey(creds.certificate.der), sig));
  });

  it('reads PEM certificate plus PEM PKCS#8 key, for both algorithms', async () => {
    const ec = await credentialsFromPem(fixture('ec.crt'), fixture('ec.pk8.pem'), '');
    assert.ok(nodeVerify(ec.certificate.spki, await signChallenge(ec, challenge), true));
    const rsa = await credentialsFromPem(fixture('rsa.crt'), fixture('rsa.key'), '');
    assert.ok(nodeVerify(rsa.certificate.spki, await signChallenge(rsa, challenge), false));
  });

  it('rejects a wrong password, a legacy container, a mismatched key and junk with Russian messages', async () => {
    await assert.rejects(credentialsFromPkcs12(fixture('ec.p12'), 'wrong'), (e: unknown) => {
      assert.ok(e instanceof CertificateError);
      assert.match(e.message, /Неверный пароль/);
      return true;
    });
    await assert.rejects(credentialsFromPkcs12(fixture('ec-legacy.p12'), 'secret'), /устаревшим алгоритмом/);
    await assert.rejects(credentialsFromPem(fixture('ec.crt'), fixture('rsa.key'), ''), CertificateError);
    await assert.rejects(
      credentialsFromPkcs12(new TextEncoder().encode('not a certificate'), 'x'),
      /не похож на контейнер PKCS#12/,
    );
    await assert.rejects(credentialsFromPem(fixture('ec.crt'), undefined, ''), /Не найден закрытый ключ/);
  });
});
