import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromHex, readSharedJson, toHex } from '../../test/shared-data.js';
import { ProtocolError } from '../errors.js';
import { containerCrc } from './container-header.js';
import { decodeMessage, encodeMessage } from './message.js';

interface FullMessage {
  hex: string;
  expect: {
    total_length: number;
    session: {
      fn_number_ascii: string;
      body_length: number;
      flags: number;
      crc: number;
      a_version_hex: string;
    };
    container: Record<string, number | string>;
    document: { tag: number; length: number; trailing_hex: string };
  };
}
const vector = readSharedJson<FullMessage>('vectors/full_message_reregistration_report.json');
const golden = fromHex(vector.hex);

test('the 466-byte re-registration message decodes field by field (CRC 0x7825)', () => {
  const m = decodeMessage(golden);
  const { session, container, document } = vector.expect;
  assert.equal(golden.length, vector.expect.total_length);
  assert.equal(m.session.fnNumber, session.fn_number_ascii);
  assert.equal(m.session.bodyLength, session.body_length);
  assert.equal(m.session.flags, session.flags);
  assert.equal(m.session.crc, session.crc);
  assert.equal(m.session.aVersion, 0x0100);
  assert.equal(m.container.length, container.length);
  assert.equal(m.container.crc, 0x7825);
  assert.equal(m.container.crc, container.crc);
  assert.equal(m.container.messageType, container.msg_type);
  assert.equal(m.container.documentType, container.doc_type);
  assert.equal(m.container.protocolVersion, container.protocol_version);
  assert.equal(toHex(m.container.service1), container.service1_hex);
  assert.equal(m.container.fnNumber, container.fn_number_bcd_hex);
  assert.equal(m.container.fdNumber, container.doc_number);
  assert.equal(toHex(m.container.service2), container.service2_hex);
  assert.equal(m.body[0]! | (m.body[1]! << 8), document.tag);
  assert.equal(m.body[2]! | (m.body[3]! << 8), document.length);
  assert.equal(toHex(m.body.subarray(4 + document.length)), document.trailing_hex);
  assert.equal(m.raw, golden);
});

test('encodeMessage rebuilds the golden message byte for byte', () => {
  const m = decodeMessage(golden);
  const out = encodeMessage({
    aVersion: m.session.aVersion,
    fnNumber: m.container.fnNumber,
    documentType: m.container.documentType,
    fdNumber: m.container.fdNumber,
    service1: m.container.service1,
    service2: m.container.service2,
    body: m.body,
  });
  assert.equal(toHex(out), vector.hex);
});

function rejects(bytes: Uint8Array, code: string, offset?: number): void {
  assert.throws(
    () => decodeMessage(bytes),
    (e: unknown) =>
      e instanceof ProtocolError && e.code === code && (offset === undefined || e.offset === offset),
  );
}

test('each defect has its own code and offset', () => {
  const crc = golden.slice();
  crc[200] = crc[200]! ^ 1;
  rejects(crc, 'BAD_CRC', 32);
  rejects(golden.subarray(0, 465), 'TRUNCATED', 465);
  rejects(Uint8Array.of(...golden, 0), 'LENGTH_MISMATCH', 466);
  const len = golden.slice();
  len[30] = 0xb3; // container length 435 ≠ session body length 436
  rejects(len, 'LENGTH_MISMATCH', 30);
  const big = golden.slice();
  big[24] = 0x01;
  big[25] = 0x81; // 33025 > 32 KiB
  rejects(big, 'FRAME_TOO_LARGE', 24);
  const small = golden.slice();
  small[24] = 31;
  small[25] = 0;
  rejects(small, 'BAD_FIELD', 24);
});

test('message type, container version and BCD are checked after the CRC', () => {
  const base = {
    aVersion: 256,
    fnNumber: '9999078900005488',
    documentType: 3,
    fdNumber: 7,
    body: Uint8Array.of(3, 0, 0, 0),
  };
  const withField = (mutate: (m: Uint8Array) => void, code: string, offset: number) => {
    const msg = encodeMessage(base);
    mutate(msg);
    // Recompute the CRC so only the field itself is wrong.
    const header = msg.subarray(30, 62);
    const crc = containerCrc(header, msg.subarray(62));
    header[2] = crc & 0xff;
    header[3] = crc >>> 8;
    rejects(msg, code, offset);
  };
  withField((m) => (m[34] = 0xa6), 'BAD_FIELD', 34);
  withField((m) => (m[36] = 2), 'BAD_VERSION', 36);
  withField((m) => (m[39] = 0x9a), 'BAD_FIELD', 39);
});

test('property: encodeMessage → decodeMessage round trip', () => {
  fc.assert(
    fc.property(
      fc.record({
        aVersion: fc.nat(0xffff),
        fnNumber: fc.stringMatching(/^\d{16}$/),
        documentType: fc.nat(255),
        fdNumber: fc.nat(0xffffff),
        service1: fc.uint8Array({ minLength: 2, maxLength: 2 }),
        service2: fc.uint8Array({ minLength: 12, maxLength: 12 }),
        body: fc.uint8Array({ maxLength: 300 }),
      }),
      (init) => {
        const m = decodeMessage(encodeMessage(init));
        assert.equal(m.session.fnNumber, init.fnNumber);
        assert.equal(m.session.aVersion, init.aVersion);
        assert.equal(m.container.fnNumber, init.fnNumber);
        assert.equal(m.container.documentType, init.documentType);
        assert.equal(m.container.fdNumber, init.fdNumber);
        assert.deepEqual(m.container.service1, init.service1);
        assert.deepEqual(m.container.service2, init.service2);
        assert.deepEqual(m.body, init.body);
      },
    ),
  );
});

test('encodeMessage refuses a body over 32 KiB', () => {
  assert.throws(
    () =>
      encodeMessage({
        aVersion: 256,
        fnNumber: '1',
        documentType: 3,
        fdNumber: 1,
        body: new Uint8Array(32 * 1024),
      }),
    (e: unknown) => e instanceof ProtocolError && e.code === 'FRAME_TOO_LARGE',
  );
});
