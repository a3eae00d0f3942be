// Running totals a fiscal drive keeps per shift and for its whole life, written
// into shift-close (1194) and state reports (1157) as ФФД 1.1+ counters.
import type { FnsFields } from '@openofd/protocol';

/** Money a receipt adds to its operation's counter, in kopecks. */
export interface Sums {
  total: number;
  cash: number;
  ecash: number;
  prepaid: number;
  credit: number;
  provision: number;
  vat20: number;
  vat10: number;
  /** VAT at the calculated rates 20/120 and 10/110 (prepayments). */
  vat20Calculated: number;
  vat10Calculated: number;
  /** Sum of items at 0 % VAT. */
  vat0Base: number;
  /** Sum of items without VAT. */
  noVatBase: number;
}

export interface ReceiptTotals extends Sums {
  operationType: number;
  correction: boolean;
}

export const zeroSums = (): Sums => ({
  total: 0,
  cash: 0,
  ecash: 0,
  prepaid: 0,
  credit: 0,
  provision: 0,
  vat20: 0,
  vat10: 0,
  vat20Calculated: 0,
  vat10Calculated: 0,
  vat0Base: 0,
  noVatBase: 0,
});

// Every key of Sums: zeroSums must list them all, so this list cannot miss one.
const SUM_KEYS = Object.keys(zeroSums()) as (keyof Sums)[];

interface Bucket extends Sums {
  count: number;
}

const empty = (): Bucket => ({ count: 0, ...zeroSums() });

function operationFields(b: Bucket): FnsFields {
  return {
    receiptBsoCount: b.count,
    totalSum: b.total,
    cashSum: b.cash,
    ecashSum: b.ecash,
    prepaidSum: b.prepaid,
    creditSum: b.credit,
    provisionSum: b.provision,
    tax18Sum: b.vat20,
    tax10Sum: b.vat10,
    tax18118Sum: b.vat20Calculated,
    tax10110Sum: b.vat10Calculated,
    tax0Sum: b.vat0Base,
    taxFreeSum: b.noVatBase,
  };
}

export class Counters {
  private readonly sale = empty();
  private readonly saleReturn = empty();
  private readonly correction = empty();

  add(t: ReceiptTotals): void {
    const b = t.correction ? this.correction : t.operationType === 2 ? this.saleReturn : this.sale;
    b.count++;
    for (const key of SUM_KEYS) b[key] += t[key];
  }

  get receipts(): number {
    return this.sale.count + this.saleReturn.count + this.correction.count;
  }

  /** The 1194 / 1157 STLV: total count, sale (1129) and sale-return (1130) counters, corrections (1133). */
  toFns(): FnsFields {
    const out: FnsFields = {
      totalReceiptBsoCount: this.receipts,
      sellOper: operationFields(this.sale),
    };
    if (this.saleReturn.count > 0) out.sellReturnOper = operationFields(this.saleReturn);
    if (this.correction.count > 0) {
      out.receiptCorrection = {
        totalReceiptBsoCount: this.correction.count,
        sellOper: operationFields(this.correction),
      };
    }
    return out;
  }
}
