import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { initTestCa } from './test-ca.js';
import { loadTrustedCas } from './trust-store.js';

test('trusted CAs: OFD_TRUSTED_CA file or folder, else <dataDir>/ca/ca.pem, else none', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ofd-trust-'));
  try {
    assert.deepEqual(loadTrustedCas({ dataDir: dir }), []);
    const a = await initTestCa(join(dir, 'ca'), { name: 'A' });
    const b = await initTestCa(join(dir, 'b'), { name: 'B' });
    assert.equal(loadTrustedCas({ dataDir: dir })[0]?.subject.includes('CN=A'), true);
    const bundle = join(dir, 'bundle.pem');
    writeFileSync(bundle, readFileSync(a.certPath, 'utf8') + readFileSync(b.certPath, 'utf8'));
    assert.equal(loadTrustedCas({ trustedCa: bundle, dataDir: dir }).length, 2);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'b.crt'), readFileSync(b.certPath));
    writeFileSync(join(folder, 'notes.txt'), 'ignored');
    const fromFolder = loadTrustedCas({ trustedCa: folder, dataDir: dir });
    assert.equal(fromFolder.length, 1);
    assert.match(fromFolder[0]!.subject, /CN=B/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
