import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { UsageError } from '../command.js';
import { caCommand } from './ca.js';

test('openofd ca init/issue writes a CA and a certificate (PEM, PKCS#8, PKCS#12) it issued', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ofd-ca-cli-'));
  const log = console.log;
  console.log = () => {};
  try {
    assert.equal(await caCommand.run(['init', '--dir', join(dir, 'ca')]), 0);
    const out = join(dir, 'out');
    const argv = ['issue', '--dir', join(dir, 'ca'), '--inn', '7707083893', '--ogrn', '1027700132195'];
    assert.equal(await caCommand.run([...argv, '--name', 'ПАО Тест', '--out', out, '--key', 'rsa']), 0);
    for (const f of ['cert.pem', 'key.pem', 'cert.p12']) assert.ok(existsSync(join(out, f)), f);
    const cert = new X509Certificate(readFileSync(join(out, 'cert.pem')));
    const ca = new X509Certificate(readFileSync(join(dir, 'ca', 'ca.pem')));
    assert.ok(cert.checkIssued(ca) && cert.verify(ca.publicKey));
    assert.equal(cert.publicKey.asymmetricKeyType, 'rsa');
    await assert.rejects(
      caCommand.run(['issue', '--dir', join(dir, 'ca'), '--inn', '12', '--name', 'x']),
      UsageError,
    );
    await assert.rejects(caCommand.run(['issue', '--dir', join(dir, 'ca'), '--inn', '7707083893']), /--name/);
    await assert.rejects(caCommand.run(['revoke']), UsageError);
  } finally {
    console.log = log;
    rmSync(dir, { recursive: true, force: true });
  }
});
