import { ffdVersionFromCode, jsonNameFor } from '@openofd/protocol';

/** The FNS JSON of one document: `{ <documentName>: { ...fields } }` (protocol.md §2.6). */
export type FnsJson = Record<string, Record<string, unknown>>;

/** Query columns of `documents`, read from the decoded document. */
export interface DocumentColumns {
  docTime: string | null;
  userInn: string | null;
  rnm: string | null;
  kktSerial: string | null;
  shiftNumber: number | null;
  operationType: number | null;
  cashTotal: number | null;
  ecashTotal: number | null;
  prepaidTotal: number | null;
  creditTotal: number | null;
  provisionTotal: number | null;
  totalSum: number | null;
  cashier: string | null;
  buyerContact: string | null;
  fiscalSign: number | null;
  ffdVersion: string | null;
  userName: string | null;
  address: string | null;
  place: string | null;
  kktVersion: string | null;
  backlogCount: number | null;
  backlogOldestTime: string | null;
  backlogFirstFd: number | null;
  keyResourceDays: number | null;
}

// Which tag feeds which column; names are resolved through the registry per form.
const NUMBER_TAGS = {
  shiftNumber: 1038,
  operationType: 1054,
  cashTotal: 1031,
  ecashTotal: 1081,
  prepaidTotal: 1215,
  creditTotal: 1216,
  provisionTotal: 1217,
  totalSum: 1020,
  fiscalSign: 1077,
  backlogCount: 1097,
  backlogFirstFd: 1116,
  keyResourceDays: 1213,
} as const;
const TEXT_TAGS = {
  userInn: 1018,
  rnm: 1037,
  kktSerial: 1013,
  cashier: 1021,
  buyerContact: 1008,
  userName: 1048,
  address: 1009,
  place: 1187,
  kktVersion: 1188,
} as const;
const TIME_TAGS = { docTime: 1012, backlogOldestTime: 1098 } as const;
const FFD_VERSION_TAG = 1209;

/** Register-local seconds (protocol.md §2.2 UnixTime) → 'YYYY-MM-DD HH:MM:SS', unshifted. */
export function localTimestamp(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The one document object inside `{ name: {...} }`, with its form code. */
export function documentBody(doc: FnsJson): { name: string; fields: Record<string, unknown> } {
  const names = Object.keys(doc);
  const name = names[0];
  const fields = name === undefined ? undefined : doc[name];
  if (names.length !== 1 || name === undefined || fields === null || typeof fields !== 'object') {
    throw new TypeError('an FNS document has exactly one top-level key');
  }
  return { name, fields };
}

type NumberKey = keyof typeof NUMBER_TAGS;
type TextKey = keyof typeof TEXT_TAGS;
type TimeKey = keyof typeof TIME_TAGS;

/** The JSON names of every column's tag in one form, resolved once per form code. */
interface FormNames {
  numbers: readonly (readonly [NumberKey, string])[];
  texts: readonly (readonly [TextKey, string])[];
  times: readonly (readonly [TimeKey, string])[];
  ffdVersion: string;
}
const namesByForm = new Map<number, FormNames>();

function formNames(formCode: number): FormNames {
  let names = namesByForm.get(formCode);
  if (names === undefined) {
    const resolve = <K extends string>(tags: Record<K, number>) =>
      (Object.entries(tags) as [K, number][]).map(([k, tag]) => [k, jsonNameFor(tag, formCode)] as const);
    names = {
      numbers: resolve(NUMBER_TAGS),
      texts: resolve(TEXT_TAGS),
      times: resolve(TIME_TAGS),
      ffdVersion: jsonNameFor(FFD_VERSION_TAG, formCode),
    };
    namesByForm.set(formCode, names);
  }
  return names;
}

const numberOf = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function documentColumns(doc: FnsJson, formCode: number): DocumentColumns {
  const { fields } = documentBody(doc);
  const names = formNames(formCode);
  const out = {} as DocumentColumns;
  for (const [k, name] of names.numbers) out[k] = numberOf(fields[name]);
  for (const [k, name] of names.texts) {
    const v = fields[name];
    out[k] = typeof v === 'string' && v !== '' ? v : null;
  }
  for (const [k, name] of names.times) {
    const s = numberOf(fields[name]);
    out[k] = s === null ? null : localTimestamp(s);
  }
  const ffd = numberOf(fields[names.ffdVersion]);
  out.ffdVersion = ffd === null ? null : (ffdVersionFromCode(ffd) ?? null);
  return out;
}
