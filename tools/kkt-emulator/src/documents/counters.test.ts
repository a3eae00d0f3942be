import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Counters, type ReceiptTotals, zeroSums } from './counters.js';

const receipt = (over: Partial<ReceiptTotals>): ReceiptTotals => ({
  operationType: 1,
  correction: false,
  ...zeroSums(),
  ...over,
});

test('sales, returns and corrections add every sum into their own counter', () => {
  const counters = new Counters();
  counters.add(receipt({ total: 12_000, cash: 2_000, ecash: 10_000, vat20: 2_000, vat0Base: 500 }));
  counters.add(receipt({ total: 3_000, prepaid: 1_000, credit: 2_000, vat10Calculated: 273, noVatBase: 7 }));
  counters.add(receipt({ operationType: 2, total: 5_000, provision: 5_000, vat10: 455 }));
  counters.add(receipt({ correction: true, total: 800, cash: 800, vat20Calculated: 133 }));
  assert.equal(counters.receipts, 4);
  assert.deepEqual(counters.toFns(), {
    totalReceiptBsoCount: 4,
    sellOper: {
      receiptBsoCount: 2,
      totalSum: 15_000,
      cashSum: 2_000,
      ecashSum: 10_000,
      prepaidSum: 1_000,
      creditSum: 2_000,
      provisionSum: 0,
      tax18Sum: 2_000,
      tax10Sum: 0,
      tax18118Sum: 0,
      tax10110Sum: 273,
      tax0Sum: 500,
      taxFreeSum: 7,
    },
    sellReturnOper: {
      receiptBsoCount: 1,
      totalSum: 5_000,
      cashSum: 0,
      ecashSum: 0,
      prepaidSum: 0,
      creditSum: 0,
      provisionSum: 5_000,
      tax18Sum: 0,
      tax10Sum: 455,
      tax18118Sum: 0,
      tax10110Sum: 0,
      tax0Sum: 0,
      taxFreeSum: 0,
    },
    receiptCorrection: {
      totalReceiptBsoCount: 1,
      sellOper: {
        receiptBsoCount: 1,
        totalSum: 800,
        cashSum: 800,
        ecashSum: 0,
        prepaidSum: 0,
        creditSum: 0,
        provisionSum: 0,
        tax18Sum: 0,
        tax10Sum: 0,
        tax18118Sum: 133,
        tax10110Sum: 0,
        tax0Sum: 0,
        taxFreeSum: 0,
      },
    },
  });
});

test('a drive with sales only reports no return or correction counters', () => {
  const counters = new Counters();
  counters.add(receipt({ total: 100, cash: 100 }));
  const fns = counters.toFns();
  assert.equal(fns.sellReturnOper, undefined);
  assert.equal(fns.receiptCorrection, undefined);
});
