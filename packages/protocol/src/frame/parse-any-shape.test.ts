import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromHex, readSharedJson, toHex } from '../../test/shared-data.js';
import { ProtocolError } from '../errors.js';
import { parseAnyShape } from './parse-any-shape.js';

const vector = readSharedJson<{ hex: string; expect: { document: { trailing_hex: string } } }>(
  'vectors/full_message_reregistration_report.json',
);
const golden = fromHex(vector.hex);
const container = golden.subarray(30);
const body = golden.subarray(62);

test('a whole session message', () => {
  const p = parseAnyShape(golden);
  assert.equal(p.shape, 'message');
  assert.equal(p.session?.fnNumber, '9999078900005488');
  assert.equal(p.container?.fdNumber, 1);
  assert.deepEqual(p.body, body);
  assert.deepEqual(p.issues, []);
});

test('a container (32-byte header + document), as in ФФД 1.0 rawData', () => {
  const p = parseAnyShape(container);
  assert.equal(p.shape, 'container');
  assert.equal(p.container?.documentType, 11);
  assert.equal(p.container?.crc, 0x7825);
  assert.deepEqual(p.body, body);
  assert.deepEqual(p.issues, []);
});

test('a container with invalid length and CRC is tolerated and the defects reported', () => {
  const broken = container.slice(0, container.length - 10); // rawData without the trailer
  broken[0] = 0;
  broken[1] = 0;
  const p = parseAnyShape(broken);
  assert.equal(p.shape, 'container');
  assert.deepEqual(
    p.issues.map((i) => i.code),
    ['LENGTH_MISMATCH', 'BAD_CRC'],
  );
  assert.equal(toHex(p.body), toHex(body.subarray(0, body.length - 10)));
});

test('a bare document TLV, with and without the trailer', () => {
  for (const bytes of [body, body.subarray(0, body.length - 10)]) {
    const p = parseAnyShape(bytes);
    assert.equal(p.shape, 'document');
    assert.equal(p.body, bytes);
    assert.equal(p.session, undefined);
  }
});

test('a strict message shape still rejects a bad CRC; unknown bytes are UNKNOWN_DOCUMENT', () => {
  const bad = golden.slice();
  bad[100] = bad[100]! ^ 1;
  assert.throws(
    () => parseAnyShape(bad),
    (e: unknown) => e instanceof ProtocolError && e.code === 'BAD_CRC',
  );
  assert.throws(
    () => parseAnyShape(new TextEncoder().encode('hello, world')),
    (e: unknown) => e instanceof ProtocolError && e.code === 'UNKNOWN_DOCUMENT',
  );
  assert.throws(
    () => parseAnyShape(Uint8Array.of(3)),
    (e: unknown) => e instanceof ProtocolError && e.code === 'TRUNCATED',
  );
});

test('property: random bytes give a shape or a ProtocolError, nothing else', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.uint8Array({ maxLength: 600 }),
        fc.uint8Array({ maxLength: 40 }).map((tail) => Uint8Array.of(...golden.subarray(0, 30), ...tail)),
        fc.uint8Array({ maxLength: 40 }).map((tail) => Uint8Array.of(...container.subarray(0, 36), ...tail)),
      ),
      (bytes) => {
        try {
          const p = parseAnyShape(bytes);
          assert.ok(['message', 'container', 'document'].includes(p.shape));
        } catch (e) {
          if (!(e instanceof ProtocolError)) throw e;
        }
      },
    ),
  );
});
