import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { type JsonColumns, jsonRecordset } from '../db/json-rows.js';
import type { DocumentColumns } from '../documents/document-columns.js';

/** A newly stored document, as the register and drive learners see it. */
export interface LearnedDocument {
  fnNumber: string;
  fdNumber: number;
  formCode: number;
  receivedAt: Date;
  columns: DocumentColumns;
}

const REGISTRATION_FORM = 1;
const FN_CLOSE_FORM = 6;

// `case when <newer> then coalesce(new, old) else coalesce(old, new) end`: a newer
// document overwrites what it carries; an older one only fills gaps.
function prefer(table: string, column: string, newer: string): string {
  return `${column} = case when ${newer} then coalesce(excluded.${column}, ${table}.${column}) else coalesce(${table}.${column}, excluded.${column}) end`;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string | null): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  // Key order: concurrent batches lock the rows in one order and cannot deadlock.
  return [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function addDays(docTime: string, days: number): string {
  const d = new Date(`${docTime.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function upsert(
  tx: Db,
  table: string,
  columns: JsonColumns,
  rows: readonly object[],
  conflict: string,
  set: readonly string[],
): Promise<void> {
  const names = columns.map(([n]) => n).join(', ');
  await tx.execute(sql`
    insert into ${sql.raw(table)} (${sql.raw(names)})
    select ${sql.raw(names)} from ${jsonRecordset(columns, rows)}
    on conflict (${sql.raw(conflict)}) do update set ${sql.raw([...set, 'updated_at = now()'].join(', '))}`);
}

/** Updates `registers` and `fiscal_drives` from documents stored in the current transaction. */
export async function learnRegisters(tx: Db, docs: readonly LearnedDocument[]): Promise<void> {
  await learnDrives(tx, docs);
  await learnKkts(tx, docs);
}

const DRIVE_COLUMNS = [
  ['fn_number', 'text'],
  ['rnm', 'text'],
  ['user_inn', 'text'],
  ['last_fd_number', 'bigint'],
  ['last_doc_time', 'timestamp'],
  ['last_received_at', 'timestamptz'],
  ['backlog_count', 'bigint'],
  ['backlog_oldest_time', 'timestamp'],
  ['backlog_first_fd', 'bigint'],
  ['backlog_reported_fd', 'bigint'],
  ['key_resource_days', 'integer'],
  ['expires_on', 'date'],
  ['registered_at', 'timestamp'],
  ['closed_at', 'timestamp'],
] as const;

const D = 'fiscal_drives';
const DRIVE_NEWER = `excluded.last_fd_number > ${D}.last_fd_number`;
const BACKLOG_NEWER = `coalesce(excluded.backlog_reported_fd, -1) > coalesce(${D}.backlog_reported_fd, -1)`;
const DRIVE_SET = [
  `last_fd_number = greatest(excluded.last_fd_number, ${D}.last_fd_number)`,
  ...['last_doc_time', 'last_received_at', 'rnm', 'user_inn', 'key_resource_days', 'expires_on'].map((c) =>
    prefer(D, c, DRIVE_NEWER),
  ),
  // The backlog comes from the latest document that reports it (forms 2, 5, 21).
  ...['backlog_count', 'backlog_oldest_time', 'backlog_first_fd', 'backlog_reported_fd'].map(
    (c) => `${c} = case when ${BACKLOG_NEWER} then excluded.${c} else ${D}.${c} end`,
  ),
  `registered_at = coalesce(excluded.registered_at, ${D}.registered_at)`,
  `closed_at = coalesce(excluded.closed_at, ${D}.closed_at)`,
];

async function learnDrives(tx: Db, docs: readonly LearnedDocument[]): Promise<void> {
  const groups = groupBy(docs, (d) => d.fnNumber);
  if (groups.length === 0) return;
  const rows = groups.map(([fnNumber, list]) => {
    const row: Record<string, unknown> = { fn_number: fnNumber };
    for (const d of [...list].sort((a, b) => a.fdNumber - b.fdNumber)) {
      const c = d.columns;
      row.last_fd_number = d.fdNumber;
      row.last_doc_time = c.docTime ?? row.last_doc_time ?? null;
      row.last_received_at = d.receivedAt.toISOString();
      row.rnm = c.rnm ?? row.rnm ?? null;
      row.user_inn = c.userInn ?? row.user_inn ?? null;
      if (c.backlogCount !== null) {
        row.backlog_count = c.backlogCount;
        row.backlog_oldest_time = c.backlogOldestTime;
        row.backlog_first_fd = c.backlogFirstFd;
        row.backlog_reported_fd = d.fdNumber;
      }
      if (c.keyResourceDays !== null && c.docTime !== null) {
        row.key_resource_days = c.keyResourceDays;
        row.expires_on = addDays(c.docTime, c.keyResourceDays);
      }
      if (d.formCode === REGISTRATION_FORM) row.registered_at = c.docTime;
      if (d.formCode === FN_CLOSE_FORM) row.closed_at = c.docTime;
    }
    return row;
  });
  await upsert(tx, D, DRIVE_COLUMNS, rows, 'fn_number', DRIVE_SET);
}

const REGISTER_COLUMNS = [
  ['rnm', 'text'],
  ['kkt_serial', 'text'],
  ['user_inn', 'text'],
  ['user_name', 'text'],
  ['address', 'text'],
  ['place', 'text'],
  ['kkt_version', 'text'],
  ['fn_number', 'text'],
  ['ffd_version', 'text'],
  ['last_fd_number', 'bigint'],
  ['last_doc_time', 'timestamp'],
  ['last_received_at', 'timestamptz'],
] as const;

const R = 'registers';
// A register's documents are ordered by its own clock; a late retransmission
// of an old document must not roll the register back.
const REGISTER_NEWER = `coalesce(excluded.last_doc_time, '-infinity') >= coalesce(${R}.last_doc_time, '-infinity')`;
const REGISTER_SET = REGISTER_COLUMNS.filter(([c]) => c !== 'rnm').map(([c]) => prefer(R, c, REGISTER_NEWER));

async function learnKkts(tx: Db, docs: readonly LearnedDocument[]): Promise<void> {
  const groups = groupBy(docs, (d) => d.columns.rnm);
  if (groups.length === 0) return;
  const order = (d: LearnedDocument) => d.columns.docTime ?? '';
  const rows = groups.map(([rnm, list]) => {
    const sorted = [...list].sort((a, b) =>
      order(a) === order(b) ? a.fdNumber - b.fdNumber : order(a) < order(b) ? -1 : 1,
    );
    const row: Record<string, unknown> = { rnm };
    for (const d of sorted) {
      const c = d.columns;
      row.kkt_serial = c.kktSerial ?? row.kkt_serial ?? null;
      row.user_inn = c.userInn ?? row.user_inn ?? null;
      row.user_name = c.userName ?? row.user_name ?? null;
      row.address = c.address ?? row.address ?? null;
      row.place = c.place ?? row.place ?? null;
      row.kkt_version = c.kktVersion ?? row.kkt_version ?? null;
      row.ffd_version = c.ffdVersion ?? row.ffd_version ?? null;
      row.fn_number = d.fnNumber;
      row.last_fd_number = d.fdNumber;
      row.last_doc_time = c.docTime ?? row.last_doc_time ?? null;
      row.last_received_at = d.receivedAt.toISOString();
    }
    return row;
  });
  await upsert(tx, R, REGISTER_COLUMNS, rows, 'rnm', REGISTER_SET);
}
