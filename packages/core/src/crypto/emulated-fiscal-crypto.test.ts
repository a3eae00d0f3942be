import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveDriveKey, signDocument, verifyOperatorSign } from '@openofd/protocol';
import { EmulatedFiscalCrypto } from './emulated-fiscal-crypto.js';
import { NoFiscalCrypto } from './no-fiscal-crypto.js';

const FN = '9999078900000001';
// Form 3 holding only 1040 = 1 (u32 LE): enough for the signs, which cover bytes.
const UNSIGNED = Uint8Array.from([3, 0, 8, 0, 0x10, 0x04, 4, 0, 1, 0, 0, 0]);

function signed(master: string) {
  return signDocument(deriveDriveKey(master, FN), UNSIGNED);
}

test('verifies a message signed by a drive keyed from the same master key', async () => {
  const { document, trailer } = signed('master-1');
  const crypto = new EmulatedFiscalCrypto('master-1');
  assert.deepEqual(await crypto.verifyMessage({ fnNumber: FN, fdNumber: 1, document, trailer }), {
    status: 'verified',
  });
});

test('rejects a flipped bit anywhere, a foreign key and a missing ФПД', async () => {
  const crypto = new EmulatedFiscalCrypto('master-1');
  const { document, trailer } = signed('master-1');
  for (let i = 0; i < document.length; i++) {
    const bad = document.slice();
    bad[i] = (bad[i] ?? 0) ^ 0x01;
    let verdict: { status: string };
    try {
      verdict = crypto.verifyMessage({ fnNumber: FN, fdNumber: 1, document: bad, trailer });
    } catch {
      verdict = { status: 'rejected' };
    }
    assert.equal(verdict.status, 'rejected', `byte ${i}`);
  }
  const foreign = signed('master-2');
  assert.equal((await crypto.verifyMessage({ fnNumber: FN, fdNumber: 1, ...foreign })).status, 'rejected');
  const other = await crypto.verifyMessage({ fnNumber: '9999078900000002', fdNumber: 1, document, trailer });
  assert.equal(other.status, 'rejected');
});

test('answers at once, without a promise (the gateway relies on it for its hot path)', () => {
  const { document, trailer } = signed('master-1');
  const crypto = new EmulatedFiscalCrypto('master-1');
  const verdict = crypto.verifyMessage({ fnNumber: FN, fdNumber: 1, document, trailer });
  assert.ok(!(verdict instanceof Promise));
  assert.equal(verdict.status, 'verified');
  const confirmation = Uint8Array.from([7, 0, 8, 0, 0x10, 0x04, 4, 0, 1, 0, 0, 0]);
  const fpo = crypto.operatorSign({ fnNumber: FN, fdNumber: 1, confirmation });
  assert.ok(fpo instanceof Uint8Array && fpo.length === 16);
  const none = new NoFiscalCrypto();
  assert.ok(!(none.verifyMessage() instanceof Promise));
});

test('the ФПО it produces verifies with the drive key', async () => {
  const crypto = new EmulatedFiscalCrypto('master-1');
  const confirmation = Uint8Array.from([7, 0, 8, 0, 0x10, 0x04, 4, 0, 1, 0, 0, 0]);
  const fpo = await crypto.operatorSign({ fnNumber: FN, fdNumber: 1, confirmation });
  const withFpo = new Uint8Array(confirmation.length + 4 + fpo.length);
  withFpo.set(confirmation);
  withFpo[2] = 8 + 4 + fpo.length;
  withFpo.set([0x36, 0x04, fpo.length, 0], confirmation.length);
  withFpo.set(fpo, confirmation.length + 4);
  assert.ok(verifyOperatorSign(deriveDriveKey('master-1', FN), withFpo));
});

test('--crypto none marks everything unverified and signs nothing', async () => {
  const none = new NoFiscalCrypto();
  const { document, trailer } = signed('any');
  assert.equal((await none.verifyMessage()).status, 'unverified');
  assert.equal(await none.operatorSign(), undefined);
  assert.ok(document.length > 0 && trailer.length === 10);
});
