import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromHex, readSharedJson, toHex } from '../../test/shared-data.js';
import { ProtocolError } from '../errors.js';
import { decodeContainerHeader, encodeContainerHeader } from './container-header.js';

interface ContainerVectors {
  cases: {
    id: string;
    header_hex?: string;
    header_with_crc_zero_hex?: string;
    body_hex?: string;
    expect: Record<string, number | string>;
  }[];
}
const vectors = readSharedJson<ContainerVectors>('vectors/container_header_crc.json');
const frame1 = vectors.cases.find((c) => c.id === 'yandex-frame-1')!;
const frameCrc = vectors.cases.find((c) => c.id === 'yandex-frame-crc')!;

test('golden container header decodes field by field', () => {
  const h = decodeContainerHeader(fromHex(frame1.header_hex!));
  const e = frame1.expect;
  assert.equal(h.length, e.length);
  assert.equal(h.crc, e.crc);
  assert.equal(h.messageType, e.msg_type);
  assert.equal(h.documentType, e.doc_type);
  assert.equal(h.protocolVersion, e.protocol_version);
  assert.equal(toHex(h.service1), e.service1_hex);
  assert.equal(h.fnNumber, e.fn_number_bcd_hex); // synthetic, not valid BCD: kept as hex nibbles
  assert.equal(h.fdNumber, e.doc_number_be24);
  assert.equal(toHex(h.service2), e.service2_hex);
});

test('encoding the decoded fields with the 273-byte body reproduces the header and CRC 60419', () => {
  const h = decodeContainerHeader(fromHex(frame1.header_hex!));
  const out = encodeContainerHeader(h, fromHex(frameCrc.body_hex!));
  assert.equal(toHex(out), frame1.header_hex);
  assert.equal(decodeContainerHeader(out).crc, 60419);
});

test('FD number is big-endian 24-bit and checked on encode', () => {
  const h = encodeContainerHeader(
    { documentType: 3, fnNumber: '9999078900005488', fdNumber: 0x123456 },
    new Uint8Array(),
  );
  assert.equal(toHex(h.subarray(17, 20)), '123456');
  assert.equal(toHex(h.subarray(9, 17)), '9999078900005488');
  assert.throws(
    () => encodeContainerHeader({ documentType: 3, fnNumber: '1', fdNumber: 0x1000000 }, new Uint8Array()),
    (e: unknown) => e instanceof ProtocolError && e.code === 'BAD_FIELD',
  );
  assert.throws(
    () => decodeContainerHeader(new Uint8Array(31), 7),
    (e: unknown) => e instanceof ProtocolError && e.code === 'TRUNCATED' && e.offset === 38,
  );
});

test('property: any 32-byte header re-encodes to itself given a body of the right length', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 32, maxLength: 32 }),
      fc.uint8Array({ maxLength: 64 }),
      (raw, body) => {
        const h = decodeContainerHeader(raw);
        const out = encodeContainerHeader(h, body);
        const back = decodeContainerHeader(out);
        assert.equal(back.length, 32 + body.length);
        assert.deepEqual({ ...back, length: 0, crc: 0 }, { ...h, length: 0, crc: 0 });
        assert.deepEqual(out.subarray(4), raw.subarray(4));
      },
    ),
  );
});
