import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReceipt12 } from '../../test/flk-receipt.js';
import { decodeDocument } from '../documents/decode.js';
import { encodeDocument } from '../documents/encode.js';
import { ProtocolError } from '../errors.js';
import { checkDocument } from './check-document.js';
import type { FlkViolation } from './types.js';

const NOW = Date.UTC(2024, 8, 18);

function brief(v: FlkViolation[]): string[] {
  return v.map((x) => `${x.rule}:${x.path.join('/')}:${x.severity}`);
}

test('a valid ФФД 1.2 receipt passes clean, also after a TLV round trip', () => {
  const doc = validReceipt12();
  assert.deepEqual(checkDocument(doc, { now: NOW }), []);
  const again = decodeDocument(encodeDocument(doc));
  assert.deepEqual(checkDocument(again, { now: NOW }), []);
});

test('a missing mandatory tag is an error with path, pointer and a Russian message', () => {
  const doc = validReceipt12();
  delete doc.receipt.kktRegId;
  const [v, ...rest] = checkDocument(doc, { now: NOW });
  assert.deepEqual(rest, []);
  assert.equal(v?.tag, 1037);
  assert.deepEqual(v?.path, [3, 1037]);
  assert.equal(v?.pointer, 'receipt.kktRegId');
  assert.equal(v?.rule, 'required');
  assert.equal(v?.severity, 'error');
  assert.match(v?.message ?? '', /^Отсутствует обязательный реквизит «.+» \(тег 1037\)/);
});

test('mandatory item tags depend on the ФФД version', () => {
  const doc = validReceipt12();
  for (const key of ['itemsQuantityMeasure', 'nds', 'productType', 'paymentType'])
    delete doc.receipt.items[1]![key];
  assert.deepEqual(brief(checkDocument(doc, { now: NOW })), [
    'required:3/1059/1199:error',
    'required:3/1059/1212:error',
    'required:3/1059/1214:error',
    'required:3/1059/2108:error',
  ]);
  assert.equal(checkDocument(doc, { now: NOW })[3]?.pointer, 'receipt.items[1].itemsQuantityMeasure');
  doc.receipt.fiscalDocumentFormatVer = 3; // 1.1: 2108 not yet mandatory
  assert.deepEqual(brief(checkDocument(doc, { now: NOW })).length, 3);
  doc.receipt.fiscalDocumentFormatVer = 2; // 1.05
  assert.deepEqual(checkDocument(doc, { now: NOW }), []);
  delete doc.receipt.items[0]!.price;
  assert.deepEqual(brief(checkDocument(doc, { now: NOW })), ['required:3/1059/1079:error']);
});

test('without 1209 the version comes from the options, and 1209 is reported missing', () => {
  const doc = validReceipt12();
  delete doc.receipt.fiscalDocumentFormatVer;
  delete doc.receipt.items[0]!.itemsQuantityMeasure;
  assert.deepEqual(brief(checkDocument(doc, { now: NOW, ffdVersion: '1.1' })), ['required:3/1209:error']);
  assert.deepEqual(brief(checkDocument(doc, { now: NOW, ffdVersion: '1.2' })), [
    'required:3/1209:error',
    'required:3/1059/2108:error',
  ]);
});

test('item sum = round(price × quantity) within one kopeck', () => {
  const doc = validReceipt12();
  doc.receipt.items[0]!.sum = 17801; // within the allowance; totals adjusted to isolate the rule
  doc.receipt.totalSum = 42551;
  doc.receipt.cashTotalSum = 10001;
  assert.deepEqual(checkDocument(doc, { now: NOW }), []);
  doc.receipt.items[0]!.sum = 17802;
  doc.receipt.totalSum = 42552;
  doc.receipt.cashTotalSum = 10002;
  const v = checkDocument(doc, { now: NOW });
  assert.deepEqual(brief(v), ['item-sum:3/1059/1043:error']);
  assert.equal(v[0]?.pointer, 'receipt.items[0].sum');
  assert.match(v[0]?.message ?? '', /№1.*178\.02 руб\..*89\.00 руб\..*178\.00 руб\./);
});

test('Σ item sums must equal 1020, and 1020 the sum of the payments', () => {
  const doc = validReceipt12();
  doc.receipt.totalSum = 42560;
  doc.receipt.cashTotalSum = 10010;
  assert.deepEqual(brief(checkDocument(doc, { now: NOW })), ['items-total:3/1020:error']);
  const pay = validReceipt12();
  pay.receipt.creditSum = 1;
  assert.deepEqual(brief(checkDocument(pay, { now: NOW })), ['payments-total:3/1020:error']);
  delete pay.receipt.prepaidSum; // absent payment sums count as zero
  pay.receipt.creditSum = 0;
  assert.deepEqual(checkDocument(pay, { now: NOW }), []);
});

test('enumerated values, one taxation regime, and bit masks', () => {
  const doc = validReceipt12();
  doc.receipt.operationType = 5;
  doc.receipt.items[1]!.itemsQuantityMeasure = 7;
  doc.receipt.items[0]!.nds = 9;
  assert.deepEqual(brief(checkDocument(doc, { now: NOW })).sort(), [
    'enum:3/1054:error',
    'enum:3/1059/1199:error',
    'enum:3/1059/2108:error',
  ]);
  const tax = validReceipt12();
  tax.receipt.appliedTaxationType = 6;
  assert.deepEqual(brief(checkDocument(tax, { now: NOW })), ['single-taxation:3/1055:error']);
  tax.receipt.appliedTaxationType = 64; // one bit, but not a regime
  assert.deepEqual(brief(checkDocument(tax, { now: NOW })), ['enum:3/1055:error']);
  tax.receipt.appliedTaxationType = 0;
  assert.deepEqual(brief(checkDocument(tax, { now: NOW })), ['single-taxation:3/1055:error']);
});

test('INN: the user INN is an error, other INNs only warn; nested INNs are found', () => {
  const doc = validReceipt12();
  doc.receipt.userInn = '7702203277';
  doc.receipt.operatorInn = '771234567890';
  doc.receipt.items[0]!.providerInn = '12345';
  const v = checkDocument(doc, { now: NOW });
  assert.deepEqual(brief(v), ['inn:3/1018:error', 'inn:3/1203:warning', 'inn:3/1059/1226:warning']);
  assert.match(v[0]!.message, /контрольных цифр/);
  assert.match(v[2]!.message, /10 или 12 цифр/);
  assert.equal(v[2]!.pointer, 'receipt.items[0].providerInn');
});

test('FN number and RNM formats', () => {
  const doc = validReceipt12();
  doc.receipt.fiscalDriveNumber = '99990789';
  doc.receipt.kktRegId = '00000000050085X0';
  assert.deepEqual(brief(checkDocument(doc, { now: NOW })), [
    'fn-number:3/1041:error',
    'rnm-format:3/1037:error',
  ]);
});

test('document time: not before 2016-09-01, not more than a day ahead', () => {
  const doc = validReceipt12();
  doc.receipt.dateTime = Date.UTC(2016, 7, 31, 23, 59) / 1000;
  assert.deepEqual(brief(checkDocument(doc, { now: NOW })), ['date-time:3/1012:error']);
  doc.receipt.dateTime = NOW / 1000 + 23 * 3600;
  assert.deepEqual(checkDocument(doc, { now: NOW }), []);
  doc.receipt.dateTime = NOW / 1000 + 25 * 3600;
  assert.deepEqual(brief(checkDocument(doc, { now: NOW })), ['date-time:3/1012:error']);
});

test('input that is not a document throws', () => {
  assert.throws(
    () => checkDocument({ receipt: {}, bso: {} }),
    (e: unknown) => e instanceof ProtocolError && e.code === 'BAD_JSON',
  );
  assert.throws(
    () => checkDocument({ cheque: {} }),
    (e: unknown) => e instanceof ProtocolError && e.code === 'UNKNOWN_DOCUMENT',
  );
});
