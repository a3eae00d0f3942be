import type { ValueRuleId } from '../rules-table.js';
import type { FlkContext, FlkViolation } from '../types.js';
import { checkEnums, checkSingleTaxation } from './enum-rules.js';
import {
  checkDateTime,
  checkFnNumber,
  checkInns,
  checkRnmCheck,
  checkRnmFormat,
} from './identifier-rules.js';
import { checkItemSums, checkItemsTotal, checkPaymentsTotal } from './sum-rules.js';

/** Value rules by the identifiers used in FLK_RULES. */
export const VALUE_RULES: Readonly<Record<ValueRuleId, (ctx: FlkContext) => FlkViolation[]>> = {
  'date-time': checkDateTime,
  'fn-number': checkFnNumber,
  'rnm-format': checkRnmFormat,
  'rnm-check': checkRnmCheck,
  inn: checkInns,
  enum: checkEnums,
  'single-taxation': checkSingleTaxation,
  'item-sum': checkItemSums,
  'items-total': checkItemsTotal,
  'payments-total': checkPaymentsTotal,
};
