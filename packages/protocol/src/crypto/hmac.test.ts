import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HmacStreebog256, hmacStreebog256 } from './hmac.js';
import { streebog256 } from './streebog.js';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const fromHex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (x) => Number.parseInt(x, 16));

// R 50.1.113-2016 Appendix A / RFC 7836 Appendix B: HMAC_GOSTR3411_2012_256.
const KEY = fromHex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const DATA = fromHex('0126bdb87800af214341456563780100');
const EXPECTED = 'a1aa5f7de402d7b3d323f2991c8d4534013137010a83754fd0af6d7cd4922ed9';

test('RFC 7836 HMAC-Streebog-256 vector', () => {
  assert.equal(hex(hmacStreebog256(KEY, DATA)), EXPECTED);
});

test('a precomputed key gives the same MAC every time and over split parts', () => {
  const mac = new HmacStreebog256(KEY);
  assert.equal(hex(mac.mac(DATA)), EXPECTED);
  assert.equal(hex(mac.mac([DATA.subarray(0, 5), DATA.subarray(5)])), EXPECTED);
  assert.equal(hex(mac.mac(DATA)), EXPECTED);
});

test('a key longer than the block is hashed first, so it differs from its prefix', () => {
  const long = Uint8Array.from({ length: 100 }, (_, i) => i);
  assert.notEqual(hex(hmacStreebog256(long, DATA)), hex(hmacStreebog256(long.subarray(0, 64), DATA)));
});

test('the precomputed states give RFC 2104 HMAC for every message length around the block size', () => {
  const key = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
  const mac = new HmacStreebog256(key);
  const pad = (x: number) => Uint8Array.from({ length: 64 }, (_, i) => (key[i] ?? 0) ^ x);
  for (let n = 0; n <= 200; n += n < 140 ? 1 : 7) {
    const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 255);
    const inner = streebog256(Uint8Array.from([...pad(0x36), ...data]));
    const expected = streebog256(Uint8Array.from([...pad(0x5c), ...inner]));
    assert.equal(hex(mac.mac(data)), hex(expected), `length ${n}`);
  }
});

test('keys sharing the working hasher do not disturb each other, interleaved or after a construction', () => {
  const keys = [
    KEY,
    Uint8Array.from({ length: 32 }, (_, i) => i * 7),
    Uint8Array.from({ length: 80 }, (_, i) => i),
  ];
  const macs = keys.map((k) => new HmacStreebog256(k));
  const data = Uint8Array.from({ length: 150 }, (_, i) => (i * 13) & 255);
  const expected = keys.map((k) => hex(hmacStreebog256(k, data)));
  for (let round = 0; round < 3; round++) {
    macs.forEach((m, i) => {
      assert.equal(hex(m.mac([data.subarray(0, 70), data.subarray(70)])), expected[i]);
      // A key built between two MACs (as a server deriving a new drive's key) changes nothing.
      new HmacStreebog256(data);
      assert.equal(hex(m.mac(data)), expected[i]);
    });
  }
  assert.equal(hex(macs[0]!.mac(DATA)), EXPECTED);
});
