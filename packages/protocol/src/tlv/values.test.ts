import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHex, readSharedJson, toHex } from '../../test/shared-data.js';
import { decodeStlvTags } from '../documents/decode.js';
import { ProtocolError } from '../errors.js';
import { decodeCp866, encodeCp866 } from './cp866.js';
import {
  decodeFpd,
  decodeFvln,
  decodeMessageFiscalSign,
  decodeUint,
  decodeVln,
  encodeFpd,
  encodeFvln,
  encodeMessageFiscalSign,
  encodeUint,
  encodeVln,
} from './values.js';

interface Case {
  kind: string;
  hex?: string;
  value: unknown;
  maxlen?: number;
  expect_error?: string;
}
const { cases } = readSharedJson<{ cases: Case[] }>('vectors/primitives.json');
const byKind = (k: string) => cases.filter((c) => c.kind === k);

test('u32, byte and UnixTime vectors', () => {
  for (const c of [...byKind('u32'), ...byKind('byte'), ...byKind('unixtime')]) {
    const bytes = fromHex(c.hex as string);
    assert.equal(decodeUint(bytes), c.value, c.hex);
    assert.equal(toHex(encodeUint(c.value as number, bytes.length)), c.hex);
  }
  assert.equal(decodeUint(new Uint8Array(0)), 0);
  assert.throws(() => encodeUint(256, 1), ProtocolError);
  assert.throws(() => encodeUint(-1, 4), ProtocolError);
});

test('VLN vectors: minimal, padded and empty decode; over-max is refused', () => {
  for (const c of byKind('vln')) {
    if (c.expect_error) {
      assert.throws(
        () => encodeVln(BigInt(String(c.value)), c.maxlen),
        (e: unknown) =>
          e instanceof ProtocolError &&
          e.code === 'VALUE_TOO_LONG' &&
          /does not fit in 6 bytes/.test(e.message),
      );
      continue;
    }
    assert.equal(decodeVln(fromHex(c.hex as string)), c.value, c.hex);
    // The encoder writes the minimal form (0 as empty, like coop-fd).
    assert.equal(decodeVln(encodeVln(c.value as number, c.maxlen ?? 8)), c.value);
    assert.equal(toHex(encodeVln(c.value as number)).length <= (c.hex as string).length, true);
  }
  assert.equal(toHex(encodeVln(0)), '');
  assert.equal(decodeVln(fromHex('0100000000000000')), 1);
  assert.equal(decodeVln(fromHex('ffffffffffffffff')), '18446744073709551615');
  assert.equal(toHex(encodeVln('18446744073709551615')), 'ffffffffffffffff');
});

test('FVLN vectors', () => {
  for (const c of byKind('fvln')) {
    if (c.expect_error) {
      assert.throws(() => encodeFvln(String(c.value), c.maxlen), /does not fit in 5 bytes/);
      continue;
    }
    assert.equal(decodeFvln(fromHex(c.hex as string)), Number(c.value), c.hex);
    assert.equal(decodeFvln(encodeFvln(String(c.value))), Number(c.value));
    assert.equal(decodeFvln(encodeFvln(Number(c.value))), Number(c.value));
  }
  assert.equal(toHex(encodeFvln(1234567.89)), '0215cd5b07');
  assert.equal(toHex(encodeFvln(1)), '0001');
  assert.equal(toHex(encodeFvln(0)), '0000');
  assert.equal(decodeFvln(encodeFvln(1e-7)), 1e-7);
  assert.throws(() => encodeFvln(-1), ProtocolError);
  assert.throws(() => encodeFvln(Number.NaN), ProtocolError);
});

test('CP866 vectors, both directions; unencodable characters are refused', () => {
  for (const c of byKind('string_cp866')) {
    assert.equal(decodeCp866(fromHex(c.hex as string)), c.value);
    assert.equal(toHex(encodeCp866(c.value as string)), c.hex);
  }
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  assert.deepEqual(encodeCp866(decodeCp866(all)), all);
  assert.equal(decodeCp866(fromHex('f0f1fcf8')), 'Ёё№°');
  assert.throws(
    () => encodeCp866('price €'),
    (e: unknown) => e instanceof ProtocolError && e.code === 'BAD_VALUE' && /U\+20AC/.test(e.message),
  );
});

test('STLV and repeated-tag vectors (tag-keyed)', () => {
  for (const c of byKind('stlv_value')) assert.deepEqual(decodeStlvTags(fromHex(c.hex as string)), c.value);
});

test('fiscal sign vectors: printed = BE u32 of raw bytes [2..6) (§3.6)', () => {
  const fs = readSharedJson<{ cases: { raw_hex: string; printed: number }[] }>('vectors/fiscal_sign.json');
  for (const c of fs.cases) assert.equal(decodeFpd(fromHex(c.raw_hex)), c.printed);
  assert.equal(toHex(encodeFpd(2853205313)), '0000aa107541');
  assert.equal(toHex(encodeFpd(36303916791105)), '2104aa107541');
  assert.throws(() => encodeFpd(2 ** 48), ProtocolError);
});

test('messageFiscalSign: big-endian u64 of the 8 trailer bytes starting 81 06 (§2.6, §8)', () => {
  const trailer = fromHex('8106a55ae10c4d750000');
  const v = decodeMessageFiscalSign(trailer);
  assert.equal(v, BigInt('0x8106a55ae10c4d75').toString());
  assert.equal(toHex(encodeMessageFiscalSign(v as string)), '8106a55ae10c4d75');
  assert.equal(decodeMessageFiscalSign(fromHex('0000a55ae10c4d75')), undefined);
  assert.equal(decodeMessageFiscalSign(fromHex('8106a5')), undefined);
  assert.equal(decodeMessageFiscalSign(fromHex('01028106a55ae10c4d75'), 2), v); // from an offset
  assert.equal(decodeMessageFiscalSign(fromHex('01028106a55ae10c4d'), 2), undefined);
});

test('messageFiscalSign decimal matches BigInt for edge values', () => {
  for (const hex of [
    '8106000000000000',
    '81060000000f4240',
    '8106ffffffffffff',
    '810600000000000f',
    '8106a55ae10c4d75',
  ]) {
    assert.equal(decodeMessageFiscalSign(fromHex(hex)), BigInt(`0x${hex}`).toString(), hex);
  }
});
