import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHex } from '../../test/shared-data.js';
import { ProtocolError } from '../errors.js';
import { asciiToString, decodeBase64, encodeBase64 } from './base64.js';
import { readTlvs, TlvReader } from './reader.js';
import { TlvWriter } from './writer.js';

test('writer nests STLVs and patches lengths; reader walks them back', () => {
  const w = new TlvWriter(2);
  const doc = w.begin(7);
  const inner = w.begin(1068);
  w.tlv(1022, Uint8Array.of(14));
  w.end(inner);
  w.tlv(1040, Uint8Array.of(1, 0, 0, 0));
  assert.equal(w.end(doc), 17);
  const bytes = w.finish();
  assert.equal(toHex(bytes), '070011002c040500fe0301000e1004040001000000');
  const [top] = readTlvs(bytes);
  assert.deepEqual(top, { tag: 7, offset: 0, start: 4, end: 21 });
  assert.deepEqual(
    readTlvs(bytes, 4, 21).map((t) => t.tag),
    [1068, 1040],
  );
});

test('reader reports truncated headers and lengths past the end with offset and path', () => {
  const r = new TlvReader(Uint8Array.of(0x10, 0x04, 0x05, 0x00, 1, 2), 0, 6, [3]);
  assert.throws(
    () => r.next(),
    (e: unknown) =>
      e instanceof ProtocolError &&
      e.code === 'LENGTH_OUT_OF_BOUNDS' &&
      e.offset === 0 &&
      e.path.join() === '3,1040',
  );
  assert.throws(
    () => readTlvs(Uint8Array.of(1, 0, 0, 0, 9)),
    (e: unknown) => e instanceof ProtocolError && e.code === 'TRUNCATED' && e.offset === 4,
  );
});

test('base64 agrees with Node for every length and rejects garbage', () => {
  for (let n = 0; n < 70; n++) {
    const b = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
    const s = encodeBase64(b);
    assert.equal(s, Buffer.from(b).toString('base64'));
    assert.deepEqual(decodeBase64(s), b);
    // A view into a larger buffer at an odd offset (the 12-byte path reads through a DataView).
    const view = Uint8Array.from({ length: n + 7 }, (_, i) => (i * 91 + 5) & 0xff).subarray(3, 3 + n);
    assert.equal(encodeBase64(view), Buffer.from(view).toString('base64'));
  }
  const long = Uint8Array.from({ length: 20000 }, (_, i) => 32 + (i % 90));
  assert.equal(asciiToString(long, null), asciiToString(long));
  assert.equal(asciiToString(long, null), Buffer.from(long).toString('latin1'));
  assert.throws(() => decodeBase64('ab$d'), ProtocolError);
  assert.throws(() => decodeBase64('a'), ProtocolError);
});
