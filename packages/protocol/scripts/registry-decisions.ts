/**
 * Deliberate decisions applied on top of shared/data/ffd-tags.json when the
 * registry is generated. Every `disagree` entry of the source must have a
 * decision here (the generator fails otherwise); REGISTRY.md repeats them.
 */

export interface TagDecision {
  tag: number;
  field: 'json' | 'max_length' | 'repeatable' | 'kind' | 'enum';
  value: string | number | boolean | null;
  reason: string;
}

export const TAG_DECISIONS: readonly TagDecision[] = [
  { tag: 1009, field: 'json', value: 'retailPlaceAddress', reason: 'coop-fd; the name in FNS receipt JSON' },
  {
    tag: 1059,
    field: 'max_length',
    value: 1024,
    reason: 'FFD 1.2 items (marking, industry data) exceed 328',
  },
  { tag: 1060, field: 'max_length', value: 256, reason: 'the larger limit: never reject a real URL' },
  {
    tag: 1060,
    field: 'json',
    value: 'fnsUrl',
    reason: 'coop-fd; the name in FNS receipt JSON (yandex: "our name")',
  },
  { tag: 1067, field: 'max_length', value: 328, reason: 'the larger limit' },
  { tag: 1069, field: 'max_length', value: 328, reason: 'the larger limit' },
  { tag: 1069, field: 'repeatable', value: true, reason: 'an array is lossless for one or many' },
  { tag: 1071, field: 'max_length', value: 328, reason: 'the larger limit (storno item holds item fields)' },
  { tag: 1071, field: 'repeatable', value: true, reason: 'several storno items per receipt' },
  { tag: 1077, field: 'kind', value: 'fpd', reason: '6 raw bytes (coop-fd); JSON is the printed u32 (§3.6)' },
  { tag: 1078, field: 'max_length', value: 18, reason: 'accept either source (16 or 18)' },
  { tag: 1084, field: 'max_length', value: 328, reason: 'the larger limit' },
  { tag: 1084, field: 'json', value: 'properties', reason: 'coop-fd (transcribed from the 2020 order)' },
  { tag: 1106, field: 'json', value: 'nds18118', reason: 'coop-fd; the name in FNS receipt JSON' },
  { tag: 1107, field: 'json', value: 'nds10110', reason: 'coop-fd; the name in FNS receipt JSON' },
  { tag: 1112, field: 'repeatable', value: true, reason: 'several discounts per item' },
  { tag: 1118, field: 'json', value: 'receiptQuantity', reason: 'coop-fd (primary source)' },
  { tag: 1134, field: 'json', value: 'totalReceiptBsoCount', reason: 'yandex gives 1134 and 1135 one name' },
  { tag: 1135, field: 'json', value: 'receiptBsoCount', reason: 'yandex gives 1134 and 1135 one name' },
  { tag: 1145, field: 'max_length', value: 100, reason: 'a counter STLV with all sums exceeds 32' },
  { tag: 1146, field: 'max_length', value: 100, reason: 'a counter STLV with all sums exceeds 32' },
  { tag: 1191, field: 'max_length', value: 256, reason: 'the larger limit' },
  { tag: 1194, field: 'max_length', value: 708, reason: 'the larger limit' },
  { tag: 1205, field: 'repeatable', value: true, reason: 'yandex packs it as an array (primitives vector)' },
  { tag: 1213, field: 'kind', value: 'u16', reason: 'coop-fd; the encoder writes 2 bytes' },
  { tag: 1213, field: 'max_length', value: 4, reason: "the decoder also accepts yandex's 4-byte form" },
  {
    tag: 2108,
    field: 'enum',
    value: null,
    reason: 'enums are not part of the codec; 0 = piece (protocol.md §9)',
  },
];

/** Document table decisions (form code → field). */
export const DOCUMENT_DECISIONS: readonly {
  code: number;
  field: 'json' | 'max_length';
  value: string | number;
  reason: string;
}[] = [
  { code: 1, field: 'max_length', value: 6144, reason: 'coop-fd (FFD 1.2); yandex 658 is FFD 1.05 only' },
  { code: 11, field: 'max_length', value: 6144, reason: 'coop-fd (FFD 1.2); yandex 658 is FFD 1.05 only' },
  { code: 2, field: 'max_length', value: 4096, reason: 'coop-fd (FFD 1.2); yandex 440 is FFD 1.05 only' },
  { code: 5, field: 'max_length', value: 4096, reason: 'coop-fd (FFD 1.2); yandex 441 is FFD 1.05 only' },
  { code: 6, field: 'max_length', value: 4096, reason: 'coop-fd (FFD 1.2); yandex 432 is FFD 1.05 only' },
  {
    code: 81,
    field: 'json',
    value: 'labelCodeRequest',
    reason: 'no source names it; "label" as in 2102/1291',
  },
  { code: 82, field: 'json', value: 'labelNotification', reason: 'no source names it' },
  { code: 83, field: 'json', value: 'labelCodeResponse', reason: 'no source names it' },
  { code: 84, field: 'json', value: 'labelNotificationReceipt', reason: 'no source names it' },
];

/** VLN tags without a maximum in the sources (1150–1155, 1184 correction sums). */
export const DEFAULT_VLN_MAX = 8;

/** Tags whose text is an INN: trimmed, and a '00'-prefixed 12-char value loses the zeros (§2.2). */
export const INN_TAGS: readonly number[] = [1016, 1017, 1018, 1203, 1226, 1228];

/**
 * Two tags share one JSON name: the first tag owns the name everywhere,
 * the others only inside the listed parents (the counter STLVs, 1270).
 */
export const SHARED_NAMES: readonly { json: string; owner: number; others: Record<number, number[]> }[] = [
  { json: 'totalSum', owner: 1020, others: { 1201: [1129, 1130, 1131, 1132, 1145, 1146, 1232, 1233] } },
  { json: 'prepaidSum', owner: 1215, others: { 1218: [1129, 1130, 1131, 1132, 1145, 1146, 1232, 1233] } },
  { json: 'creditSum', owner: 1216, others: { 1219: [1129, 1130, 1131, 1132, 1145, 1146, 1232, 1233] } },
  { json: 'provisionSum', owner: 1217, others: { 1220: [1129, 1130, 1131, 1132, 1145, 1146, 1232, 1233] } },
  { json: 'dateTime', owner: 1012, others: { 1273: [1270] } },
];
