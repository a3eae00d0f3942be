import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProtocolError } from './errors.js';

test('describe names code, offset and tag path', () => {
  assert.equal(
    new ProtocolError('TRUNCATED', 'x', 4, [3, 1059]).describe(),
    'TRUNCATED at offset 4 tag 3/1059: x',
  );
});
