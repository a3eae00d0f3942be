// encodeBase64 hands inputs of 96 bytes and more to the WebAssembly loop
// (base64-wasm.ts); it must agree with Node and with the JS loop everywhere,
// including views at odd offsets and inputs that make its memory grow.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeBase64, encodeBase64Js } from './base64.js';
import { loadBase64Wasm } from './base64-wasm.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

test('the WebAssembly module loads here (so the tests below exercise it)', () => {
  assert.notEqual(loadBase64Wasm(Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0))), null);
});

test('long inputs: WebAssembly and JS loops agree with Node for every length mod 3 and odd offsets', () => {
  for (let n = 90; n < 400; n++) {
    const b = Uint8Array.from({ length: n + 5 }, (_, i) => (i * 151 + n * 7) & 0xff).subarray(
      5 - (n % 5),
      5 - (n % 5) + n,
    );
    const expected = Buffer.from(b).toString('base64');
    assert.equal(encodeBase64(b), expected, `length ${n}`);
    assert.equal(encodeBase64Js(b), expected, `length ${n} (JS)`);
  }
});

test('inputs past the first memory page grow it, and later short calls still work', () => {
  for (const n of [70_000, 300_001, 1_000]) {
    const b = Uint8Array.from({ length: n }, (_, i) => (i * 31 + (i >> 8)) & 0xff);
    assert.equal(encodeBase64(b), Buffer.from(b).toString('base64'), `length ${n}`);
  }
});
