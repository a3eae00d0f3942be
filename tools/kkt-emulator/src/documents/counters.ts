// Running totals a fiscal drive keeps per shift and for its whole life, written
// into shift-close (1194) and state reports (1157) as ФФД 1.1+ counters.
import type { FnsFields } from '@openofd/protocol';

export interface ReceiptTotals {
  operationType: number;
  correction: boolean;
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

interface Bucket {
  count: number;
  total: number;
  cash: number;
  ecash: number;
  prepaid: number;
  credit: number;
  provision: number;
  vat20: number;
  vat10: number;
  vat20Calculated: number;
  vat10Calculated: number;
  vat0Base: number;
  noVatBase: number;
}

const empty = (): Bucket => ({
  count: 0,
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
    b.total += t.total;
    b.cash += t.cash;
    b.ecash += t.ecash;
    b.prepaid += t.prepaid;
    b.credit += t.credit;
    b.provision += t.provision;
    b.vat20 += t.vat20;
    b.vat10 += t.vat10;
    b.vat20Calculated += t.vat20Calculated;
    b.vat10Calculated += t.vat10Calculated;
    b.vat0Base += t.vat0Base;
    b.noVatBase += t.noVatBase;
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
