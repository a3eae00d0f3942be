import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compressions, STREEBOG_BACKEND, Streebog, streebog256, streebog512 } from './streebog.js';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const fromHex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (x) => Number.parseInt(x, 16));
// RFC 6986 prints messages and digests as big-endian numbers: memory order is the reverse.
const rev = (h: string) => (h.match(/../g) ?? []).reverse().join('');

// RFC 6986 §10.1: M1 = "012345678901234567890123456789012345678901234567890123456789012" (63 bytes).
const M1 =
  '323130393837363534333231303938373635343332313039383736353433323130393837363534333231303938373635343332313039383736353433323130';
// RFC 6986 §10.2: M2, 72 bytes (a CP1251 line of "The Tale of Igor's Campaign").
const M2 =
  'fbe2e5f0eee3c820fbeafaebef20fffbf0e1e0f0f520e0ed20e8ece0ebe5f0f2f120fff0eeec20f120faf2fee5e2202ce8f6f3ede220e8e6eee1e8f0f2d1202ce8f0f2e5e220e5d1';

test('M1 in memory order is the ASCII digit string', () => {
  assert.equal(
    String.fromCharCode(...fromHex(rev(M1))),
    '012345678901234567890123456789012345678901234567890123456789012',
  );
});

test('RFC 6986 M1, 512 bits', () => {
  assert.equal(
    rev(hex(streebog512(fromHex(rev(M1))))),
    '486f64c1917879417fef082b3381a4e211c324f074654c38823a7b76f830ad00fa1fbae42b1285c0352f227524bc9ab16254288dd6863dccd5b9f54a1ad0541b',
  );
});

test('RFC 6986 M1, 256 bits', () => {
  assert.equal(
    rev(hex(streebog256(fromHex(rev(M1))))),
    '00557be5e584fd52a449b16b0251d05d27f94ab76cbaa6da890b59d8ef1e159d',
  );
});

test('RFC 6986 M2, 512 bits', () => {
  assert.equal(
    rev(hex(streebog512(fromHex(rev(M2))))),
    '28fbc9bada033b1460642bdcddb90c3fb3e56c497ccd0f62b8a2ad4935e85f037613966de4ee00531ae60f3b5a47f8dae06915d5f2f194996fcabf2622e6881e',
  );
});

test('RFC 6986 M2, 256 bits (crosses a block boundary)', () => {
  assert.equal(
    rev(hex(streebog256(fromHex(rev(M2))))),
    '508f7e553c06501d749a66fc28c6cac0b005746d97537fa85d9e40904efed29d',
  );
});

test('incremental updates at every split point equal the one-shot hash', () => {
  const data = Uint8Array.from({ length: 200 }, (_, i) => (i * 37 + 11) & 255);
  const whole = hex(streebog256(data));
  for (let cut = 0; cut <= data.length; cut++) {
    const h = new Streebog(256).update(data.subarray(0, cut)).update(data.subarray(cut));
    assert.equal(hex(h.digest()), whole, `split at ${cut}`);
  }
  const bytewise = new Streebog(256);
  for (const b of data) bytewise.update(Uint8Array.of(b));
  assert.equal(hex(bytewise.digest()), whole);
});

test('messages of exactly one and two blocks differ from their neighbours', () => {
  const seen = new Set<string>();
  for (const n of [0, 1, 63, 64, 65, 127, 128, 129]) seen.add(hex(streebog256(new Uint8Array(n))));
  assert.equal(seen.size, 8);
});

test('Node runs the WebAssembly compression; it, the JS fallback and both keyed paths agree on random blocks', () => {
  assert.equal(STREEBOG_BACKEND, 'wasm');
  let seed = 12345;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) | 0;
    return seed;
  };
  for (let round = 0; round < 200; round++) {
    const h = Int32Array.from({ length: 16 }, rand);
    const n = Int32Array.from({ length: 16 }, rand);
    const m = Int32Array.from({ length: 16 }, rand);
    const a = h.slice();
    const b = h.slice();
    compressions.js(a, n, m);
    compressions.any(b, n, m);
    assert.deepEqual(b, a);
    for (const keyed of [compressions.keyedJs, compressions.keyedAny]) {
      const c = h.slice();
      keyed(c, n, m);
      assert.deepEqual(c, a);
    }
  }
});

/** Streebog over the JS compression alone (RFC 6986 §8), BigInt sums: the reference for the WebAssembly block runs. */
function referenceHash(data: Uint8Array, bits: 256 | 512): string {
  const toBig = (b: Int32Array) => [...b].reduceRight((acc, w) => (acc << 32n) | BigInt(w >>> 0), 0n);
  const fromBig = (x: bigint, out: Int32Array) => {
    for (let i = 0; i < 16; i++) out[i] = Number((x >> BigInt(32 * i)) & 0xffffffffn) | 0;
  };
  const load = (bytes: Uint8Array) => {
    const v = new DataView(bytes.buffer, bytes.byteOffset, 64);
    return Int32Array.from({ length: 16 }, (_, i) => v.getInt32(4 * i, true));
  };
  const mod = 1n << 512n;
  const h = new Int32Array(16).fill(bits === 256 ? 0x01010101 : 0);
  const n = new Int32Array(16);
  const sigma = new Int32Array(16);
  const absorb = (m: Int32Array, count: number) => {
    compressions.js(h, n, m);
    fromBig((toBig(n) + BigInt(count)) % mod, n);
    fromBig((toBig(sigma) + toBig(m)) % mod, sigma);
  };
  let pos = 0;
  for (; data.length - pos >= 64; pos += 64) absorb(load(data.slice(pos, pos + 64)), 512);
  const last = new Uint8Array(64);
  last.set(data.subarray(pos));
  last[data.length - pos] = 1;
  absorb(load(last), 8 * (data.length - pos));
  compressions.js(h, new Int32Array(16), n);
  compressions.js(h, new Int32Array(16), sigma);
  const out = new Uint8Array(h.buffer).slice(bits === 256 ? 32 : 0);
  return hex(out);
}

test('block runs, N and Σ (carries included) and messages past the 32 KiB WebAssembly area match the JS reference', () => {
  let seed = 12345;
  const random = (n: number) =>
    Uint8Array.from({ length: n }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
  for (const length of [0, 1, 63, 64, 65, 300, 32_768, 32_768 + 64 * 3 + 5, 70_001]) {
    const data = random(length + 3).subarray(3); // a view at an odd offset
    for (const bits of [256, 512] as const) {
      const expected = referenceHash(data, bits);
      assert.equal(hex(new Streebog(bits).update(data).digest()), expected, `${bits}, ${length} bytes`);
      const pieces = new Streebog(bits);
      for (let at = 0; at < length; at += 4099) pieces.update(data, at, Math.min(length, at + 4099));
      assert.equal(hex(pieces.digest()), expected, `${bits}, ${length} bytes in pieces`);
    }
  }
  const ones = new Uint8Array(640).fill(255); // Σ carries through every word
  assert.equal(hex(streebog512(ones)), referenceHash(ones, 512));
});
