import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { receiptInput } from '../testing/document-inputs.js';
import { documentColumns, localTimestamp } from './document-columns.js';

test('localTimestamp equals the ISO form of the instant for any seconds (fast path and fallback)', () => {
  const iso = (s: number) => new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ');
  const edges = [
    0,
    59,
    60,
    86_399,
    86_400,
    951_782_399,
    951_868_800,
    4_102_444_800,
    2 ** 32 - 1,
    253_402_300_799,
  ];
  for (const s of edges) assert.equal(localTimestamp(s), iso(s), String(s));
  fc.assert(
    fc.property(
      fc.oneof(
        fc.integer({ min: 0, max: 253_402_300_799 }),
        fc.integer({ min: -1e10, max: -1 }),
        fc.double({ min: 0, max: 4e9, noNaN: true }),
      ),
      (s) => {
        assert.equal(localTimestamp(s), iso(s));
      },
    ),
    { numRuns: 5000 },
  );
});

test('documentColumns reads every query column of a receipt, null where absent', () => {
  const input = receiptInput({
    fd: 7,
    cash: 500,
    ecash: 250,
    docTime: '2026-02-28T23:59:58',
    buyer: 'a@b.ru',
    cashier: 'Петров',
  });
  assert.deepEqual(documentColumns(input.document, 3), {
    docTime: '2026-02-28 23:59:58',
    userInn: '7702203276',
    rnm: '0000000005008570',
    kktSerial: '000000000002',
    shiftNumber: 1,
    operationType: 1,
    cashTotal: 500,
    ecashTotal: 250,
    prepaidTotal: 0,
    creditTotal: 0,
    provisionTotal: 0,
    totalSum: 750,
    cashier: 'Петров',
    buyerContact: 'a@b.ru',
    fiscalSign: 2853205313,
    ffdVersion: '1.2',
    userName: 'ООО Ромашка',
    address: 'г. Москва, ул. Тверская, 1',
    place: null,
    kktVersion: null,
    backlogCount: null,
    backlogOldestTime: null,
    backlogFirstFd: null,
    keyResourceDays: null,
  });
});
