import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import * as pkijs from 'pkijs';
import './pkcs12.js';
import { initTestCa, issueTestCertificate } from './test-ca.js';
import { writeCertificateFiles } from './write-certificate-files.js';

test('the test CA writes PEM, PKCS#8 and a PBES2/AES-256 PKCS#12 that pkijs opens with the password', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ofd-p12-'));
  try {
    const ca = await initTestCa(join(dir, 'ca'));
    assert.equal((await initTestCa(join(dir, 'ca'))).created, false, 'init is idempotent');
    const issued = await issueTestCertificate(ca, {
      inn: '7707083893',
      ogrn: '1027700132195',
      name: 'ПАО Тест',
    });
    const files = await writeCertificateFiles(join(dir, 'out'), issued, 'пароль-1');
    const keyPem = readFileSync(files.privateKey, 'utf8');
    assert.match(keyPem, /^-----BEGIN PRIVATE KEY-----/);
    const sig = sign('sha256', Buffer.from('x'), createPrivateKey(keyPem));
    assert.ok(
      verify('sha256', Buffer.from('x'), createPublicKey(readFileSync(files.certificate, 'utf8')), sig),
    );

    const password = new TextEncoder().encode('пароль-1').buffer as ArrayBuffer;
    const der = readFileSync(files.pkcs12);
    const pfx = pkijs.PFX.fromBER(der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength));
    await pfx.parseInternalValues({ password, checkIntegrity: true });
    const safe = pfx.parsedValue!.authenticatedSafe!;
    await safe.parseInternalValues({ safeContents: [{}, { password }] });
    const bags: pkijs.SafeBag[] = safe.parsedValue.safeContents.flatMap(
      (s: { value: pkijs.SafeContents }) => s.value.safeBags,
    );
    const keyBag = bags.find((b) => b.bagId === '1.2.840.113549.1.12.10.1.2')!
      .bagValue as pkijs.PKCS8ShroudedKeyBag;
    assert.equal(keyBag.encryptionAlgorithm.algorithmId, '1.2.840.113549.1.5.13', 'PBES2');
    await (
      keyBag as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }
    ).parseInternalValues({ password });
    const pkcs8 = Buffer.from(keyBag.parsedValue!.toSchema().toBER(false));
    const fromP12 = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    assert.equal(String(fromP12.export({ format: 'pem', type: 'pkcs8' })).trim(), keyPem.trim());

    const wrong = pkijs.PFX.fromBER(der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength));
    await assert.rejects(
      wrong.parseInternalValues({
        password: new TextEncoder().encode('нет').buffer as ArrayBuffer,
        checkIntegrity: true,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
