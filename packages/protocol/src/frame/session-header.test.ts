import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromHex, readSharedJson, toHex } from '../../test/shared-data.js';
import { ProtocolError } from '../errors.js';
import { decodeSessionHeader, encodeSessionHeader } from './session-header.js';

interface SessionVectors {
  cases: {
    id: string;
    hex: string;
    expect: {
      a_version_hex: string;
      fn_number_ascii: string;
      body_length: number;
      flags: number;
      crc: number;
    };
  }[];
}
const vectors = readSharedJson<SessionVectors>('vectors/session_header.json');

test('golden session headers decode field by field and re-encode byte for byte', () => {
  for (const c of vectors.cases) {
    const bytes = fromHex(c.hex);
    const h = decodeSessionHeader(bytes);
    const a = fromHex(c.expect.a_version_hex);
    assert.equal(h.aVersion, a[0]! | (a[1]! << 8), c.id);
    assert.equal(h.fnNumber, c.expect.fn_number_ascii.trim(), c.id);
    assert.equal(h.bodyLength, c.expect.body_length, c.id);
    assert.equal(h.flags, c.expect.flags, c.id);
    assert.equal(h.crc, c.expect.crc, c.id);
    assert.equal(toHex(encodeSessionHeader(h)), c.hex, c.id);
  }
  assert.equal(decodeSessionHeader(fromHex(vectors.cases[0]!.hex)).aVersion, 256);
});

function rejects(bytes: Uint8Array, code: string, offset: number): void {
  assert.throws(
    () => decodeSessionHeader(bytes, 100),
    (e: unknown) => e instanceof ProtocolError && e.code === code && e.offset === 100 + offset,
  );
}

test('bad signature, S-version, FN and short input are rejected with offsets', () => {
  const good = fromHex(vectors.cases[1]!.hex);
  const sig = good.slice();
  sig[2] = 0x42;
  rejects(sig, 'BAD_SIGNATURE', 2);
  const ver = good.slice();
  ver[5] = 0xa3;
  rejects(ver, 'BAD_VERSION', 5);
  const fn = good.slice();
  fn[12] = 0x41;
  rejects(fn, 'BAD_FIELD', 12);
  const blank = good.slice();
  blank.fill(0x20, 8, 24);
  rejects(blank, 'BAD_FIELD', 8);
  rejects(good.subarray(0, 29), 'TRUNCATED', 29);
});

test('encoder refuses an FN that is not 1–16 digits', () => {
  for (const fnNumber of ['', '12345678901234567', '12a4']) {
    assert.throws(
      () => encodeSessionHeader({ aVersion: 256, fnNumber, bodyLength: 40, flags: 20, crc: 0 }),
      (e: unknown) => e instanceof ProtocolError && e.code === 'BAD_FIELD',
    );
  }
});

test('property: encode → decode is the identity', () => {
  fc.assert(
    fc.property(
      fc.record({
        aVersion: fc.nat(0xffff),
        fnNumber: fc.stringMatching(/^\d{1,16}$/),
        bodyLength: fc.nat(0xffff),
        flags: fc.nat(0xffff),
        crc: fc.nat(0xffff),
      }),
      (h) => {
        assert.deepEqual(decodeSessionHeader(encodeSessionHeader(h)), { ...h });
      },
    ),
  );
});
