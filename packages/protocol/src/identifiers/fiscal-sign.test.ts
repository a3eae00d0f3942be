import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHex, readSharedJson } from '../../test/shared-data.js';
import { ProtocolError } from '../errors.js';
import { printedFiscalSign } from './fiscal-sign.js';

const vectors = readSharedJson<{ cases: { raw_hex: string; printed: number }[] }>('vectors/fiscal_sign.json');

test('printed ФПД is the big-endian u32 of raw bytes [2..6)', () => {
  for (const c of vectors.cases) assert.equal(printedFiscalSign(fromHex(c.raw_hex)), c.printed, c.raw_hex);
  assert.equal(printedFiscalSign(fromHex('0000ffffffff')), 4294967295);
  assert.equal(printedFiscalSign(fromHex('aa107541')), 2853205313);
});

test('other lengths are BAD_FIELD', () => {
  assert.throws(
    () => printedFiscalSign(new Uint8Array(5)),
    (e: unknown) => e instanceof ProtocolError && e.code === 'BAD_FIELD',
  );
});
