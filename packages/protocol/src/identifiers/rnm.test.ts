import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readSharedJson } from '../../test/shared-data.js';
import { ProtocolError } from '../errors.js';
import { isValidRnm, makeRnm, rnmCheckValue } from './rnm.js';

interface Identifiers {
  rnm: { cases: { ordinal: string; inn: string; kkt_serial: string; rnm: string; crc_decimal: number }[] };
}
const { rnm } = readSharedJson<Identifiers>('vectors/identifiers.json');

test('the RNM vector: ordinal 5, INN 7702203276, serial 000000000002 → 0000000005008570', () => {
  for (const c of rnm.cases) {
    assert.equal(rnmCheckValue(c.ordinal, c.inn, c.kkt_serial), c.crc_decimal);
    assert.equal(makeRnm(c.ordinal, c.inn, c.kkt_serial), c.rnm);
    assert.equal(makeRnm(Number(c.ordinal), c.inn, c.kkt_serial), c.rnm);
    assert.ok(isValidRnm(c.rnm, c.inn, c.kkt_serial));
    assert.ok(isValidRnm(`${c.rnm}    `, `${c.inn}  `, c.kkt_serial), 'TLV space padding is allowed');
  }
});

test('a wrong check value, INN or serial fails verification', () => {
  assert.equal(isValidRnm('0000000005008571', '7702203276', '000000000002'), false);
  assert.equal(isValidRnm('0000000005008570', '7702203277', '000000000002'), false);
  assert.equal(isValidRnm('0000000005008570', '7702203276', '000000000003'), false);
  assert.equal(isValidRnm('000000005008570', '7702203276', '000000000002'), false);
  assert.equal(isValidRnm('0000000005008570', '7702203276', 'x'.repeat(21)), false);
});

test('makeRnm refuses a malformed ordinal or over-long fields', () => {
  for (const args of [
    ['12345678901', '7702203276', '1'],
    [-1, '7702203276', '1'],
    ['5', '1234567890123', '1'],
    ['5', '7702203276', '123456789012345678901'],
  ] as const) {
    assert.throws(
      () => makeRnm(args[0], args[1], args[2]),
      (e: unknown) => e instanceof ProtocolError && e.code === 'BAD_FIELD',
    );
  }
});

test('property: every generated RNM verifies, and any single changed check digit does not', () => {
  fc.assert(
    fc.property(
      fc.nat(9_999_999_999),
      fc.stringMatching(/^\d{10}$/),
      fc.stringMatching(/^\d{1,20}$/),
      fc.nat(5),
      (ordinal, inn, serial, pos) => {
        const r = makeRnm(ordinal, inn, serial);
        assert.equal(r.length, 16);
        assert.ok(isValidRnm(r, inn, serial));
        const i = 10 + pos;
        const changed = r.slice(0, i) + String((Number(r[i]) + 1) % 10) + r.slice(i + 1);
        assert.equal(isValidRnm(changed, inn, serial), false);
      },
    ),
  );
});
