import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProtocolError } from '../errors.js';
import { deriveDriveKey, FiscalKeyring, utf8 } from './drive-key.js';
import {
  computeFiscalSign,
  computeMessageSign,
  computeOperatorSign,
  signConfirmation,
  signDocument,
  verifyFiscalSign,
  verifyMessageSign,
  verifyOperatorSign,
} from './fiscal-signs.js';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** A TLV element: tag u16 LE, length u16 LE, value. */
function tlv(tag: number, value: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + value.length);
  out[0] = tag & 255;
  out[1] = tag >> 8;
  out[2] = value.length & 255;
  out[3] = value.length >> 8;
  out.set(value, 4);
  return out;
}
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const u32 = (n: number) => Uint8Array.of(n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24);

const FN = '9999078900005488';
const key = deriveDriveKey('openofd-demo-master-key', FN);
const children = [tlv(1040, u32(17)), tlv(1041, utf8(FN)), tlv(1020, Uint8Array.of(0x10, 0x27))];
const receipt = tlv(3, concat(...children));

test('drive key derivation is pinned (core and the emulator must agree across releases)', () => {
  assert.equal(hex(key.key), hex(deriveDriveKey(utf8('openofd-demo-master-key'), ` ${FN} `).key));
  assert.equal(hex(key.key), '23486d4f248be02a074f76f261b490c28fd457ab568102c5889967c1f5ddb0b9');
  assert.equal(hex(computeFiscalSign(key, receipt)), 'f0f3807d0747');
});

test('a signed document verifies: ФПД appended as 1077, trailer 81 06 … 00 00', () => {
  const signed = signDocument(key, receipt);
  assert.equal(signed.fiscalSign.length, 6);
  assert.equal(signed.document.length, receipt.length + 10);
  assert.deepEqual(
    signed.document.subarray(receipt.length, receipt.length + 4),
    Uint8Array.of(0x35, 0x04, 6, 0),
  );
  assert.deepEqual([...signed.trailer.subarray(0, 2)], [0x81, 0x06]);
  assert.deepEqual([...signed.trailer.subarray(8)], [0, 0]);
  assert.equal(verifyFiscalSign(key, signed.document), true);
  assert.equal(verifyMessageSign(key, signed.document, signed.trailer), true);
});

test('ФПД covers the document without 1077 wherever 1077 sits', () => {
  const sign = computeFiscalSign(key, receipt);
  const middle = tlv(3, concat(children[0]!, tlv(1077, sign), children[1]!, children[2]!));
  assert.equal(verifyFiscalSign(key, middle), true);
});

/** A flipped length byte makes the TLV malformed (ProtocolError): that is a failure too. */
function fiscalSignHolds(document: Uint8Array): boolean {
  try {
    return verifyFiscalSign(key, document);
  } catch (err) {
    assert.ok(err instanceof ProtocolError);
    return false;
  }
}

test('every flipped bit of the document breaks the ФПС, and outside 1077 the ФПД', () => {
  const { document, trailer } = signDocument(key, receipt);
  for (let i = 0; i < document.length; i++) {
    const bad = document.slice();
    bad[i]! ^= 0x04;
    assert.equal(verifyMessageSign(key, bad, trailer), false, `byte ${i}`);
    if (i >= 4 && i < receipt.length) assert.equal(fiscalSignHolds(bad), false, `byte ${i}`);
  }
});

test('a wrong trailer or another drive key fails', () => {
  const { document, trailer } = signDocument(key, receipt);
  const other = deriveDriveKey('openofd-demo-master-key', '9999078900005489');
  assert.equal(verifyMessageSign(other, document, trailer), false);
  assert.equal(verifyFiscalSign(other, document), false);
  assert.equal(verifyMessageSign(deriveDriveKey('another master', FN), document, trailer), false);
  assert.equal(verifyMessageSign(key, document, trailer.subarray(0, 8)), false);
  const badSuffix = trailer.slice();
  badSuffix[9] = 1;
  assert.equal(verifyMessageSign(key, document, badSuffix), false);
  assert.equal(hex(computeMessageSign(key, document)), hex(trailer));
});

test('a document without 1077 does not verify; a malformed one is a ProtocolError', () => {
  assert.equal(verifyFiscalSign(key, receipt), false);
  assert.throws(() => verifyFiscalSign(key, receipt.subarray(0, receipt.length - 1)), ProtocolError);
  assert.throws(() => verifyFiscalSign(key, Uint8Array.of(3, 0)), ProtocolError);
  const runaway = receipt.slice();
  runaway[6] = 200; // first child's length points past the end
  assert.throws(() => verifyFiscalSign(key, runaway), ProtocolError);
});

test('ФПО: the confirmation signed without 1078 verifies, tampering fails', () => {
  const confirmation = tlv(7, concat(tlv(1040, u32(17)), tlv(1206, Uint8Array.of(0))));
  const signed = signConfirmation(key, confirmation);
  assert.equal(signed.length, confirmation.length + 4 + 16);
  assert.equal(hex(computeOperatorSign(key, confirmation)), hex(signed.subarray(confirmation.length + 4)));
  assert.equal(verifyOperatorSign(key, signed), true);
  assert.equal(verifyOperatorSign(key, confirmation), false);
  const bad = signed.slice();
  bad[8]! ^= 1; // FD number
  assert.equal(verifyOperatorSign(key, bad), false);
  // The same MAC under the ФПД or ФПС subkey must not pass as ФПО.
  assert.notEqual(
    hex(computeOperatorSign(key, confirmation).subarray(0, 6)),
    hex(computeFiscalSign(key, confirmation)),
  );
});

test('the keyring returns the derived keys and evicts the least recently used', () => {
  const ring = new FiscalKeyring('openofd-demo-master-key', 2);
  assert.equal(hex(ring.get(FN).key), hex(key.key));
  ring.get('1');
  ring.get(FN);
  ring.get('2');
  assert.equal(ring.size, 2);
  const lru = new FiscalKeyring('openofd-demo-master-key', 4);
  const [a, b] = [lru.get('1'), lru.get('2')];
  lru.get('3');
  lru.get('4');
  lru.get('1'); // '1' is now the most recently used, '2' the least
  lru.get('5');
  assert.equal(lru.size, 4);
  assert.equal(lru.get('1'), a, 'a key used lately is kept (the same object)');
  assert.notEqual(lru.get('2'), b, 'the least recently used one was dropped and derived again');
  assert.equal(hex(lru.get('2').key), hex(b.key));
  assert.throws(() => ring.get('12ab'), ProtocolError);
  assert.throws(() => deriveDriveKey('', FN), ProtocolError);
});
