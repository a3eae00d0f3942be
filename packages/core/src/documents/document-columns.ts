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

export function documentColumns(doc: FnsJson, formCode: number): DocumentColumns {
  const { fields } = documentBody(doc);
  const value = (tag: number): unknown => fields[jsonNameFor(tag, formCode)];
  const num = (tag: number): number | null => {
    const v = value(tag);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const text = (tag: number): string | null => {
    const v = value(tag);
    return typeof v === 'string' && v !== '' ? v : null;
  };
  const out = {} as DocumentColumns;
  for (const [k, tag] of Object.entries(NUMBER_TAGS)) out[k as keyof typeof NUMBER_TAGS] = num(tag);
  for (const [k, tag] of Object.entries(TEXT_TAGS)) out[k as keyof typeof TEXT_TAGS] = text(tag);
  for (const [k, tag] of Object.entries(TIME_TAGS)) {
    const s = num(tag);
    out[k as keyof typeof TIME_TAGS] = s === null ? null : localTimestamp(s);
  }
  const ffd = num(FFD_VERSION_TAG);
  out.ffdVersion = ffd === null ? null : (ffdVersionFromCode(ffd) ?? null);
  return out;
}
