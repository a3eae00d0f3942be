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

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** Register-local seconds (protocol.md §2.2 UnixTime) → 'YYYY-MM-DD HH:MM:SS', unshifted. */
export function localTimestamp(seconds: number): string {
  // Whole seconds of years 1970–9999 by arithmetic (Date and toISOString cost ~0.3 µs).
  if (!Number.isInteger(seconds) || seconds < 0 || seconds >= 253_402_300_800) {
    return new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
  }
  const days = Math.floor(seconds / 86_400);
  const s = seconds - days * 86_400;
  // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s - hh * 3600) / 60);
  return `${year}-${pad2(month)}-${pad2(day)} ${pad2(hh)}:${pad2(mm)}:${pad2(s - hh * 3600 - mm * 60)}`;
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

type ColumnKey = keyof typeof NUMBER_TAGS | keyof typeof TEXT_TAGS | keyof typeof TIME_TAGS | 'ffdVersion';

/** The JSON name of every column's tag in one form, resolved once per form code. */
type FormNames = Record<ColumnKey, string>;
const namesByForm = new Map<number, FormNames>();

function formNames(formCode: number): FormNames {
  let names = namesByForm.get(formCode);
  if (names === undefined) {
    const tags: Record<ColumnKey, number> = {
      ...NUMBER_TAGS,
      ...TEXT_TAGS,
      ...TIME_TAGS,
      ffdVersion: FFD_VERSION_TAG,
    };
    names = Object.fromEntries(
      Object.entries(tags).map(([k, tag]) => [k, jsonNameFor(tag, formCode)]),
    ) as FormNames;
    namesByForm.set(formCode, names);
  }
  return names;
}

const numberOf = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const textOf = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const timeOf = (v: unknown): string | null => {
  const s = numberOf(v);
  return s === null ? null : localTimestamp(s);
};

export function documentColumns(doc: FnsJson, formCode: number): DocumentColumns {
  const { fields: f } = documentBody(doc);
  const n = formNames(formCode);
  const ffd = numberOf(f[n.ffdVersion]);
  // One literal (one object shape, fields in the object): built key by key
  // the object went to dictionary mode past a dozen properties.
  return {
    docTime: timeOf(f[n.docTime]),
    userInn: textOf(f[n.userInn]),
    rnm: textOf(f[n.rnm]),
    kktSerial: textOf(f[n.kktSerial]),
    shiftNumber: numberOf(f[n.shiftNumber]),
    operationType: numberOf(f[n.operationType]),
    cashTotal: numberOf(f[n.cashTotal]),
    ecashTotal: numberOf(f[n.ecashTotal]),
    prepaidTotal: numberOf(f[n.prepaidTotal]),
    creditTotal: numberOf(f[n.creditTotal]),
    provisionTotal: numberOf(f[n.provisionTotal]),
    totalSum: numberOf(f[n.totalSum]),
    cashier: textOf(f[n.cashier]),
    buyerContact: textOf(f[n.buyerContact]),
    fiscalSign: numberOf(f[n.fiscalSign]),
    ffdVersion: ffd === null ? null : (ffdVersionFromCode(ffd) ?? null),
    userName: textOf(f[n.userName]),
    address: textOf(f[n.address]),
    place: textOf(f[n.place]),
    kktVersion: textOf(f[n.kktVersion]),
    backlogCount: numberOf(f[n.backlogCount]),
    backlogOldestTime: timeOf(f[n.backlogOldestTime]),
    backlogFirstFd: numberOf(f[n.backlogFirstFd]),
    keyResourceDays: numberOf(f[n.keyResourceDays]),
  };
}
