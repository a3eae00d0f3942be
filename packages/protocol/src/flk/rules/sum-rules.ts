// Money rules of receipts (protocol.md §2.5; money is integer kopecks).
import { items, numberField, rubles, tagLabel } from '../fields.js';
import { ITEM_SUM_ALLOWANCE } from '../rules-table.js';
import type { FlkContext, FlkViolation } from '../types.js';
import { docViolation, itemViolation } from '../violation.js';

/** Each item: 1043 = round(1079 × 1023), within a kopeck. */
export function checkItemSums(ctx: FlkContext): FlkViolation[] {
  const out: FlkViolation[] = [];
  items(ctx.fields, ctx.form).forEach((item, i) => {
    const price = numberField(item, 1079, 1059);
    const quantity = numberField(item, 1023, 1059);
    const sum = numberField(item, 1043, 1059);
    if (price === undefined || quantity === undefined || sum === undefined) return;
    const expected = Math.round(price * quantity);
    if (Math.abs(expected - sum) <= ITEM_SUM_ALLOWANCE) return;
    out.push(
      itemViolation(
        ctx,
        i,
        1043,
        'item-sum',
        'error',
        `Предмет расчета №${i + 1}: стоимость ${rubles(sum)} (тег 1043) не равна цене ${rubles(price)} × количество ${quantity} = ${rubles(expected)}`,
      ),
    );
  });
  return out;
}

/** Σ items 1043 = 1020 (only when the document has items). */
export function checkItemsTotal(ctx: FlkContext): FlkViolation[] {
  const list = items(ctx.fields, ctx.form);
  const total = numberField(ctx.fields, 1020, ctx.form);
  if (list.length === 0 || total === undefined) return [];
  let sum = 0;
  for (const item of list) {
    const s = numberField(item, 1043, 1059);
    if (s === undefined) return []; // a missing item sum is reported by the mandatory-tag rule
    sum += s;
  }
  if (sum === total) return [];
  return [
    docViolation(
      ctx,
      1020,
      'items-total',
      'error',
      `Итог ${rubles(total)} (тег 1020) не равен сумме стоимостей предметов расчета ${rubles(sum)}`,
    ),
  ];
}

const PAYMENT_TAGS = [1031, 1081, 1215, 1216, 1217];

/** 1020 = cash + electronic + prepayment + credit + counter-provision; an absent sum counts as 0. */
export function checkPaymentsTotal(ctx: FlkContext): FlkViolation[] {
  const total = numberField(ctx.fields, 1020, ctx.form);
  if (total === undefined) return [];
  const paid = PAYMENT_TAGS.reduce((s, tag) => s + (numberField(ctx.fields, tag, ctx.form) ?? 0), 0);
  if (paid === total) return [];
  return [
    docViolation(
      ctx,
      1020,
      'payments-total',
      'error',
      `Итог ${rubles(total)} (тег 1020) не равен сумме оплат ${rubles(paid)} (${PAYMENT_TAGS.map(tagLabel).join(' + ')})`,
    ),
  ];
}
