import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromHex, readSharedJson } from '../../test/shared-data.js';
import { ProtocolError } from '../errors.js';
import { FrameDecoder } from './frame-decoder.js';
import { encodeMessage, type WireMessage } from './message.js';

const golden = fromHex(
  readSharedJson<{ hex: string }>('vectors/full_message_reregistration_report.json').hex,
);
// A second, different golden-shaped frame: a receipt-sized synthetic body.
const second = encodeMessage({
  aVersion: 256,
  fnNumber: '9999078900001366',
  documentType: 3,
  fdNumber: 42,
  body: Uint8Array.of(3, 0, 2, 0, 0xaa, 0xbb),
});

function feed(decoder: FrameDecoder, chunks: Uint8Array[]): WireMessage[] {
  return chunks.flatMap((c) => decoder.push(c));
}

function assertGolden(m: WireMessage | undefined): void {
  assert.ok(m);
  assert.deepEqual(m.raw, golden);
  assert.equal(m.container.crc, 0x7825);
  assert.equal(m.container.documentType, 11);
  assert.equal(m.body.length, 436 - 32);
}

test('the golden frame split at every byte offset decodes once, whole', () => {
  for (let cut = 0; cut <= golden.length; cut++) {
    const d = new FrameDecoder();
    const first = d.push(golden.subarray(0, cut));
    assert.equal(first.length, cut === golden.length ? 1 : 0, `cut ${cut}`);
    assert.equal(d.buffered, cut === golden.length ? 0 : cut);
    const rest = d.push(golden.subarray(cut));
    const all = [...first, ...rest];
    assert.equal(all.length, 1, `cut ${cut}`);
    assertGolden(all[0]);
    d.end();
  }
});

test('one byte at a time', () => {
  const d = new FrameDecoder();
  const out = feed(
    d,
    Array.from(golden, (b) => Uint8Array.of(b)),
  );
  assert.equal(out.length, 1);
  assertGolden(out[0]);
});

test('two and three frames in one chunk, and split at every offset of a two-frame stream', () => {
  const two = Uint8Array.of(...golden, ...second);
  const three = Uint8Array.of(...second, ...golden, ...second);
  const d = new FrameDecoder();
  const a = d.push(two);
  assert.equal(a.length, 2);
  assertGolden(a[0]);
  assert.equal(a[1]!.container.fdNumber, 42);
  const b = d.push(three);
  assert.deepEqual(
    b.map((m) => m.container.fdNumber),
    [42, 1, 42],
  );
  for (let cut = 0; cut <= two.length; cut++) {
    const dd = new FrameDecoder();
    const out = feed(dd, [two.subarray(0, cut), two.subarray(cut)]);
    assert.deepEqual(
      out.map((m) => m.container.fdNumber),
      [1, 42],
      `cut ${cut}`,
    );
  }
});

function failsWith(chunks: Uint8Array[], code: string, offset: number): ProtocolError {
  const d = new FrameDecoder();
  let error: unknown;
  try {
    feed(d, chunks);
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof ProtocolError, `expected ${code}`);
  assert.equal(error.code, code);
  assert.equal(error.offset, offset);
  // Poisoned: the stream cannot be resynchronised.
  assert.throws(
    () => d.push(golden),
    (e: unknown) => e === error,
  );
  return error;
}

test('a wrong signature byte fails as soon as it arrives', () => {
  failsWith([Uint8Array.of(0x2a, 0x08, 0x99)], 'BAD_SIGNATURE', 2);
  failsWith([Uint8Array.of(0x2a, 0x08, 0x41, 0x0a, 0x81, 0x00)], 'BAD_VERSION', 5);
  // Offsets count from the start of the stream, past earlier messages.
  failsWith([golden, Uint8Array.of(0x47, 0x45, 0x54)], 'BAD_SIGNATURE', 466);
});

test('pushSettled: whole messages ahead of a bad frame in the same chunk come back beside the error', () => {
  const decoder = new FrameDecoder();
  const chunk = new Uint8Array(golden.length + second.length + 3);
  chunk.set(golden, 0);
  chunk.set(second, golden.length);
  chunk.set([0x47, 0x45, 0x54], golden.length + second.length);
  const { messages, error } = decoder.pushSettled(chunk);
  assert.equal(messages.length, 2);
  assertGolden(messages[0]);
  assert.equal(messages[1]?.container.fdNumber, 42);
  assert.ok(error instanceof ProtocolError);
  assert.equal(error.code, 'BAD_SIGNATURE');
  assert.equal(error.offset, golden.length + second.length);
  // The stream cannot be resynchronised: later chunks give nothing but the same error.
  const later = decoder.pushSettled(golden);
  assert.deepEqual(later.messages, []);
  assert.equal(later.error, error);
  assert.throws(
    () => decoder.push(golden),
    (e) => e === error,
  );
});

test('an oversized length is rejected right after the 30-byte header', () => {
  const header = golden.slice(0, 30);
  header[24] = 0xff;
  header[25] = 0xff;
  failsWith([header], 'FRAME_TOO_LARGE', 24);
});

test('CRC, length mismatch and a truncated stream are specific errors', () => {
  const bad = golden.slice();
  bad[300] = bad[300]! ^ 0x10;
  failsWith([bad], 'BAD_CRC', 32);
  const mismatch = golden.slice();
  mismatch[30] = 0x00;
  failsWith([golden, mismatch], 'LENGTH_MISMATCH', 466 + 30);
  const d = new FrameDecoder();
  d.push(golden.subarray(0, 100));
  assert.throws(
    () => d.end(),
    (e: unknown) => e instanceof ProtocolError && e.code === 'TRUNCATED' && e.offset === 100,
  );
});

test('property: every single-bit flip in the container is rejected', () => {
  for (let byte = 30; byte < golden.length; byte++) {
    for (let bit = 0; bit < 8; bit++) {
      const flipped = golden.slice();
      flipped[byte] = flipped[byte]! ^ (1 << bit);
      const d = new FrameDecoder();
      assert.throws(
        () => {
          d.push(flipped);
          d.end();
        },
        (e: unknown) => e instanceof ProtocolError && ['BAD_CRC', 'LENGTH_MISMATCH'].includes(e.code),
        `byte ${byte} bit ${bit}`,
      );
    }
  }
});

test('property: bit flips in signature, version and length fields are rejected', () => {
  for (const byte of [0, 1, 2, 3, 4, 5, 24, 25]) {
    for (let bit = 0; bit < 8; bit++) {
      const flipped = golden.slice();
      flipped[byte] = flipped[byte]! ^ (1 << bit);
      const d = new FrameDecoder();
      assert.throws(
        () => {
          d.push(flipped);
          d.end();
        },
        (e: unknown) =>
          e instanceof ProtocolError &&
          ['BAD_SIGNATURE', 'BAD_VERSION', 'FRAME_TOO_LARGE', 'LENGTH_MISMATCH', 'TRUNCATED'].includes(
            e.code,
          ),
        `byte ${byte} bit ${bit}`,
      );
    }
  }
});

test('property: random bytes yield only messages or a ProtocolError, with bounded buffering', () => {
  const valid = fc
    .record({ fdNumber: fc.nat(0xffffff), body: fc.uint8Array({ maxLength: 60 }) })
    .map(({ fdNumber, body }) =>
      encodeMessage({ aVersion: 256, fnNumber: '9999078900005488', documentType: 3, fdNumber, body }),
    );
  const piece = fc.oneof(fc.uint8Array({ maxLength: 80 }), valid, fc.constant(golden.subarray(0, 30)));
  fc.assert(
    fc.property(
      fc.array(piece, { maxLength: 8 }),
      fc.array(fc.nat(100), { maxLength: 10 }),
      (pieces, cuts) => {
        const stream = Uint8Array.from(pieces.flatMap((p) => Array.from(p)));
        const d = new FrameDecoder();
        let pos = 0;
        try {
          for (const cut of [...cuts, stream.length]) {
            const next = Math.min(stream.length, pos + cut);
            for (const m of d.push(stream.subarray(pos, next)))
              assert.equal(m.raw.length, 30 + m.session.bodyLength);
            assert.ok(d.buffered <= 30 + 32 * 1024);
            pos = next;
          }
          d.end();
        } catch (e) {
          if (!(e instanceof ProtocolError)) throw e;
        }
      },
    ),
  );
});

test('the synthetic yandex frame (non-BCD FN 999907891234567f) fails the same way at every split', () => {
  const vectors = readSharedJson<{
    cases: { id: string; hex?: string; header_hex?: string; body_hex?: string }[];
  }>('vectors/container_header_crc.json');
  const session = readSharedJson<{ cases: { id: string; hex: string }[] }>('vectors/session_header.json');
  const frame = Uint8Array.of(
    ...fromHex(session.cases.find((c) => c.id === 'yandex-session-1')!.hex),
    ...fromHex(vectors.cases.find((c) => c.id === 'yandex-frame-1')!.header_hex!),
    ...fromHex(vectors.cases.find((c) => c.id === 'yandex-frame-crc')!.body_hex!),
  );
  assert.equal(frame.length, 30 + 305);
  for (let cut = 0; cut <= frame.length; cut++) {
    failsWith([frame.subarray(0, cut), frame.subarray(cut)], 'BAD_FIELD', 39);
  }
});
