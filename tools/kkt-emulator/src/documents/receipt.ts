// Receipts (form 3) and correction receipts (form 31), ФФД 1.2, in the FNS JSON
// shape that encodeDocument turns into TLV. Money is integer kopecks.
import type { FnsDocument, FnsFields } from '@openofd/protocol';
import type { CatalogueItem } from '../catalogue.js';
import type { Cashier, RegisterProfile } from '../organizations.js';
import { type ReceiptTotals, zeroSums } from './counters.js';

export interface ReceiptLine {
  item: CatalogueItem;
  quantity: number;
}

/**
 * cash, card, cash + card, full prepayment before the goods are handed over
 * (1214 = 1, VAT at the calculated rates 20/120 and 10/110), offset of an
 * earlier advance (1215), or handed over on credit (1216).
 */
export type PaymentKind = 'cash' | 'card' | 'mixed' | 'advance' | 'prepayment' | 'credit';

export interface ReceiptInput {
  profile: RegisterProfile;
  dateTime: number;
  fdNumber: number;
  shiftNumber: number;
  requestNumber: number;
  /** 1054: 1 sale, 2 sale return. */
  operationType: 1 | 2;
  cashier: Cashier;
  lines: readonly ReceiptLine[];
  payment: PaymentKind;
  /** 1008: e-mail or +7 phone for an electronic receipt. */
  buyer?: string;
  /** Form 31 with correction basis 1174 (date of the missed sale). */
  correction?: { basisDate: number };
}

/** 1214 per payment kind: 4 full payment, 6 handed over on credit. */
const PAYMENT_METHOD: Record<PaymentKind, number> = {
  cash: 4,
  card: 4,
  mixed: 4,
  advance: 1,
  prepayment: 4,
  credit: 6,
};

/** 1199 of a prepayment: the calculated rate of the item's rate (protocol.md §2.5). */
const CALCULATED_RATE: Record<CatalogueItem['vat'], number> = { 1: 3, 2: 4, 5: 5, 6: 6 };

function itemVat(vat: CatalogueItem['vat'], sum: number): number {
  // Rates 1 and 2 are 20 % and 10 % included in the price (protocol.md §2.5, 1199).
  if (vat === 1) return Math.round((sum * 20) / 120);
  if (vat === 2) return Math.round((sum * 10) / 110);
  return 0;
}

export function buildReceipt(input: ReceiptInput): { document: FnsDocument; totals: ReceiptTotals } {
  const { profile, cashier } = input;
  const totals: ReceiptTotals = {
    operationType: input.operationType,
    correction: input.correction !== undefined,
    ...zeroSums(),
  };
  const items: FnsFields[] = input.lines.map(({ item, quantity }) => {
    const sum = Math.round(item.price * quantity);
    const vatSum = itemVat(item.vat, sum);
    totals.total += sum;
    const advance = input.payment === 'advance';
    if (item.vat === 1) totals[advance ? 'vat20Calculated' : 'vat20'] += vatSum;
    else if (item.vat === 2) totals[advance ? 'vat10Calculated' : 'vat10'] += vatSum;
    else if (item.vat === 5) totals.vat0Base += sum;
    else totals.noVatBase += sum;
    const fields: FnsFields = {
      name: item.name,
      price: item.price,
      quantity,
      sum,
      nds: advance ? CALCULATED_RATE[item.vat] : item.vat,
      productType: item.productType,
      paymentType: PAYMENT_METHOD[input.payment],
      itemsQuantityMeasure: item.measure,
    };
    if (item.vat === 1 || item.vat === 2) fields.ndsSum = vatSum;
    return fields;
  });
  switch (input.payment) {
    case 'cash':
      totals.cash = totals.total;
      break;
    case 'card':
    case 'advance':
      totals.ecash = totals.total;
      break;
    case 'mixed':
      totals.cash = Math.min(totals.total, Math.max(10_000, Math.floor(totals.total / 2 / 10_000) * 10_000));
      totals.ecash = totals.total - totals.cash;
      break;
    case 'prepayment':
      totals.prepaid = totals.total;
      break;
    case 'credit':
      totals.credit = totals.total;
      break;
  }
  const fields: FnsFields = {
    user: profile.organization.name,
    userInn: profile.organization.inn,
    dateTime: input.dateTime,
    fiscalDocumentNumber: input.fdNumber,
    fiscalDriveNumber: profile.fnNumber,
    kktRegId: profile.rnm,
    shiftNumber: input.shiftNumber,
    requestNumber: input.requestNumber,
    operationType: input.operationType,
    appliedTaxationType: profile.organization.appliedTaxation,
    operator: cashier.name,
    operatorInn: cashier.inn,
    retailPlaceAddress: profile.address,
    retailPlace: profile.place,
    totalSum: totals.total,
    cashTotalSum: totals.cash,
    ecashTotalSum: totals.ecash,
    prepaidSum: totals.prepaid,
    creditSum: totals.credit,
    provisionSum: 0,
    fiscalDocumentFormatVer: 4,
    items,
  };
  if (totals.vat20 > 0) fields.nds18 = totals.vat20;
  if (totals.vat10 > 0) fields.nds10 = totals.vat10;
  if (totals.vat20Calculated > 0) fields.nds18118 = totals.vat20Calculated;
  if (totals.vat10Calculated > 0) fields.nds10110 = totals.vat10Calculated;
  if (totals.vat0Base > 0) fields.nds0 = totals.vat0Base;
  if (totals.noVatBase > 0) fields.ndsNo = totals.noVatBase;
  if (input.buyer !== undefined) {
    fields.buyerPhoneOrAddress = input.buyer;
    fields.sellerAddress = profile.organization.email;
  }
  if (input.correction) {
    fields.correctionType = 0;
    fields.correctionBase = { correctionDocumentDate: input.correction.basisDate };
    return { document: { receiptCorrection: fields }, totals };
  }
  return { document: { receipt: fields }, totals };
}
