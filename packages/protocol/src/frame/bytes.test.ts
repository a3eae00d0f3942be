import assert from 'node:assert/strict';
import { test } from 'node:test';
import { takeBytes } from './bytes.js';

test('takeBytes: zero-filled arrays that never overlap, across slab boundaries', () => {
  const taken: Uint8Array[] = [];
  for (let i = 0; i < 600; i++) {
    const bytes = takeBytes(1 + ((i * 37) % 700));
    assert.ok(bytes.every((b) => b === 0));
    bytes.fill(i & 255 || 1);
    taken.push(bytes);
  }
  for (const [i, bytes] of taken.entries()) {
    assert.ok(
      bytes.every((b) => b === (i & 255 || 1)),
      `array ${i} was overwritten`,
    );
  }
  const big = takeBytes(5000);
  assert.equal(big.byteOffset, 0);
  assert.equal(big.buffer.byteLength, 5000);
});
