import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ProtocolError } from '../errors.js';
import { buildReceiptQr, parseReceiptQr } from './qr.js';

const receipt = {
  dateTime: Date.UTC(2024, 8, 17, 18, 1) / 1000,
  totalSum: 123450,
  fnNumber: '9999078900005488',
  fdNumber: 1234,
  fiscalSign: 2853205313,
  operationType: 1,
};

test('build: minutes only when seconds are zero, rubles with two kopeck digits', () => {
  assert.equal(
    buildReceiptQr(receipt),
    't=20240917T1801&s=1234.50&fn=9999078900005488&i=1234&fp=2853205313&n=1',
  );
  assert.equal(
    buildReceiptQr({ ...receipt, dateTime: receipt.dateTime + 7, totalSum: 5 }),
    't=20240917T180107&s=0.05&fn=9999078900005488&i=1234&fp=2853205313&n=1',
  );
});

test('parse: lowercase separator and keys, any key order, whole rubles', () => {
  const r = parseReceiptQr('FN=9999078900005488&t=20240917t1801&S=1234.5&fp=2853205313&I=1234&n=1');
  assert.deepEqual(r, receipt);
  assert.equal(parseReceiptQr('t=20240917T180107&s=12&fn=9999078900005488&i=1&fp=1&n=4').totalSum, 1200);
});

function badKey(text: string, key: string): void {
  assert.throws(
    () => parseReceiptQr(text),
    (e: unknown) => e instanceof ProtocolError && e.code === 'BAD_FIELD' && e.message.includes(`"${key}"`),
    `${text} → ${key}`,
  );
}

test('parse errors are BAD_FIELD naming the key', () => {
  const ok = 't=20240917T1801&s=1.00&fn=9999078900005488&i=1&fp=1&n=1';
  badKey(ok.replace('&n=1', ''), 'n');
  badKey(ok.replace('n=1', 'n=5'), 'n');
  badKey(ok.replace('t=20240917T1801', 't=20240231T1801'), 't');
  badKey(ok.replace('t=20240917T1801', 't=20240917 1801'), 't');
  badKey(ok.replace('s=1.00', 's=1,00'), 's');
  badKey(ok.replace('s=1.00', 's=1.001'), 's');
  badKey(ok.replace('fn=9999078900005488', 'fn=99990789'), 'fn');
  badKey(ok.replace('i=1', 'i=4294967296'), 'i');
  badKey(ok.replace('fp=1', 'fp=x'), 'fp');
  badKey(`${ok}&i=2`, 'i');
});

test('build refuses values the QR cannot carry', () => {
  assert.throws(
    () => buildReceiptQr({ ...receipt, operationType: 0 }),
    (e: unknown) => e instanceof ProtocolError,
  );
  assert.throws(
    () => buildReceiptQr({ ...receipt, totalSum: 1.5 }),
    (e: unknown) => e instanceof ProtocolError,
  );
});

test('property: parse(build(x)) = x', () => {
  fc.assert(
    fc.property(
      fc.record({
        dateTime: fc.integer({ min: 1_472_688_000, max: 4_102_444_799 }),
        totalSum: fc.nat(1e12),
        fnNumber: fc.stringMatching(/^\d{16}$/),
        fdNumber: fc.nat(0xffffffff),
        fiscalSign: fc.nat(0xffffffff),
        operationType: fc.integer({ min: 1, max: 4 }),
      }),
      (r) => {
        assert.deepEqual(parseReceiptQr(buildReceiptQr(r)), { ...r });
      },
    ),
  );
});
