// ФЛК rules as data: which tags are mandatory and which value rules apply, per
// form code and ФФД version (protocol.md §2.3–§2.5, §9). Sets that match a
// document are united. Lists are deliberately conservative: only tags every
// real document of that form carries, so a clean document stays clean.
import type { FfdVersion } from '../tags.js';

export type ValueRuleId =
  | 'date-time'
  | 'fn-number'
  | 'rnm-format'
  | 'rnm-check'
  | 'inn'
  | 'enum'
  | 'single-taxation'
  | 'item-sum'
  | 'items-total'
  | 'payments-total';

export interface FormRuleSet {
  forms: readonly number[];
  versions: readonly FfdVersion[];
  /** Tags the document itself must carry. */
  required?: readonly number[];
  /** Tags each item (1059) must carry. */
  itemRequired?: readonly number[];
  checks?: readonly ValueRuleId[];
}

const ALL: readonly FfdVersion[] = ['1.0', '1.05', '1.1', '1.2'];
const SINCE_105: readonly FfdVersion[] = ['1.05', '1.1', '1.2'];
const SINCE_11: readonly FfdVersion[] = ['1.1', '1.2'];

const FISCAL_FORMS = [1, 11, 2, 21, 3, 31, 4, 41, 5, 6];
const RECEIPTS = [3, 4];
const CORRECTIONS = [31, 41];

export const FLK_RULES: readonly FormRuleSet[] = [
  // Every fiscal document: its identity, time and ФПД.
  {
    forms: FISCAL_FORMS,
    versions: ALL,
    required: [1012, 1018, 1037, 1040, 1041, 1077],
    checks: ['date-time', 'fn-number', 'rnm-format', 'inn', 'enum'],
  },
  { forms: [...RECEIPTS, ...CORRECTIONS, 1, 11], versions: SINCE_105, required: [1209] },
  // Receipts and BSO.
  {
    forms: RECEIPTS,
    versions: ALL,
    required: [1038, 1042, 1054, 1055, 1020, 1031, 1081, 1059],
    itemRequired: [1030, 1079, 1023, 1043],
    checks: ['single-taxation', 'item-sum', 'items-total', 'payments-total'],
  },
  { forms: RECEIPTS, versions: SINCE_11, itemRequired: [1199, 1212, 1214] },
  { forms: RECEIPTS, versions: ['1.2'], itemRequired: [2108] },
  // Correction receipts and BSO: items only from ФФД 1.2.
  {
    forms: CORRECTIONS,
    versions: ALL,
    required: [1054, 1055, 1020, 1031, 1081, 1173],
    checks: ['single-taxation', 'item-sum', 'items-total', 'payments-total'],
  },
  {
    forms: CORRECTIONS,
    versions: ['1.2'],
    required: [1059],
    itemRequired: [1030, 1079, 1023, 1043, 1199, 1212, 1214, 2108],
  },
  // Registration and re-registration reports.
  {
    forms: [1, 11],
    versions: ALL,
    required: [1048, 1009, 1013, 1062, 1056, 1001, 1002, 1109, 1110, 1188, 1189],
    checks: ['rnm-check'],
  },
  { forms: [1, 11], versions: SINCE_105, required: [1187] },
  { forms: [11], versions: ['1.05'], required: [1101] },
  { forms: [11], versions: SINCE_11, required: [1205] },
  // Shift and state reports.
  { forms: [2, 5], versions: ALL, required: [1038] },
  { forms: [5], versions: ALL, required: [1118, 1097] },
  { forms: [21], versions: ALL, required: [1097] },
  // Operator confirmation (§1.6, §9): 1068{1022} in 1.05, 1206 in 1.1/1.2.
  { forms: [7], versions: ALL, required: [1017, 1041, 1040, 1012], checks: ['fn-number', 'inn', 'enum'] },
  { forms: [7], versions: ['1.0', '1.05'], required: [1068] },
  { forms: [7], versions: SINCE_11, required: [1206] },
];

/** INN tags whose checksum failure is an error; the others (cashier, supplier, buyer …) only warn (§3.2). */
export const INN_ERROR_TAGS: ReadonlySet<number> = new Set([1017, 1018]);

/** Earliest plausible document time: 2016-09-01 00:00 (local seconds, [Y] DocumentValidator, §2.6). */
export const EARLIEST_DATE_TIME = Date.UTC(2016, 8, 1) / 1000;
/** Latest plausible time ahead of the receive clock (local time may lead UTC; [Y] allows 24 h). */
export const MAX_AHEAD_SECONDS = 24 * 3600;
/** Allowance between item sum and price × quantity, kopecks. */
export const ITEM_SUM_ALLOWANCE = 1;
