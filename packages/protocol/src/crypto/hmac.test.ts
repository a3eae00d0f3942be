import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HmacStreebog256, hmacStreebog256 } from './hmac.js';

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
