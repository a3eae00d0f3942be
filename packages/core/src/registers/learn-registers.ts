import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { fiscalDrives, registers } from '../db/schema/index.js';
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
function prefer(table: string, column: string, newer: SQL): SQL {
  const old = sql.raw(`${table}.${column}`);
  const fresh = sql.raw(`excluded.${column}`);
  return sql`case when ${newer} then coalesce(${fresh}, ${old}) else coalesce(${old}, ${fresh}) end`;
}

function byKey<T>(items: readonly T[], key: (t: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function addDays(docTime: string, days: number): string {
  const d = new Date(`${docTime.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Updates `registers` and `fiscal_drives` from documents stored in the current
 * transaction. Rows are upserted in key order so that concurrent batches lock
 * them in the same order and cannot deadlock.
 */
export async function learnRegisters(tx: Db, docs: readonly LearnedDocument[]): Promise<void> {
  await learnDrives(tx, docs);
  await learnKkts(tx, docs);
}

async function learnDrives(tx: Db, docs: readonly LearnedDocument[]): Promise<void> {
  const groups = [...byKey(docs, (d) => d.fnNumber)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (groups.length === 0) return;
  const rows = groups.map(([fnNumber, list]) => {
    const sorted = [...list].sort((a, b) => a.fdNumber - b.fdNumber);
    const row: typeof fiscalDrives.$inferInsert = {
      fnNumber,
      lastFdNumber: 0,
      lastReceivedAt: new Date(0),
    };
    for (const d of sorted) {
      const c = d.columns;
      row.lastFdNumber = d.fdNumber;
      row.lastDocTime = c.docTime ?? row.lastDocTime ?? null;
      row.lastReceivedAt = d.receivedAt;
      row.rnm = c.rnm ?? row.rnm ?? null;
      row.userInn = c.userInn ?? row.userInn ?? null;
      if (c.backlogCount !== null) {
        row.backlogCount = c.backlogCount;
        row.backlogOldestTime = c.backlogOldestTime;
        row.backlogFirstFd = c.backlogFirstFd;
        row.backlogReportedFd = d.fdNumber;
      }
      if (c.keyResourceDays !== null && c.docTime !== null) {
        row.keyResourceDays = c.keyResourceDays;
        row.expiresOn = addDays(c.docTime, c.keyResourceDays);
      }
      if (d.formCode === REGISTRATION_FORM) row.registeredAt = c.docTime;
      if (d.formCode === FN_CLOSE_FORM) row.closedAt = c.docTime;
    }
    return row;
  });
  const t = 'fiscal_drives';
  const newer = sql.raw(`excluded.last_fd_number > ${t}.last_fd_number`);
  const backlogNewer = `coalesce(excluded.backlog_reported_fd, -1) > coalesce(${t}.backlog_reported_fd, -1)`;
  const backlog = (c: string) => sql.raw(`case when ${backlogNewer} then excluded.${c} else ${t}.${c} end`);
  await tx
    .insert(fiscalDrives)
    .values(rows)
    .onConflictDoUpdate({
      target: fiscalDrives.fnNumber,
      set: {
        lastFdNumber: sql.raw(`greatest(excluded.last_fd_number, ${t}.last_fd_number)`),
        lastDocTime: prefer(t, 'last_doc_time', newer),
        lastReceivedAt: prefer(t, 'last_received_at', newer),
        rnm: prefer(t, 'rnm', newer),
        userInn: prefer(t, 'user_inn', newer),
        backlogCount: backlog('backlog_count'),
        backlogOldestTime: backlog('backlog_oldest_time'),
        backlogFirstFd: backlog('backlog_first_fd'),
        backlogReportedFd: backlog('backlog_reported_fd'),
        keyResourceDays: prefer(t, 'key_resource_days', newer),
        expiresOn: prefer(t, 'expires_on', newer),
        registeredAt: sql.raw(`coalesce(excluded.registered_at, ${t}.registered_at)`),
        closedAt: sql.raw(`coalesce(excluded.closed_at, ${t}.closed_at)`),
        updatedAt: sql`now()`,
      },
    });
}

async function learnKkts(tx: Db, docs: readonly LearnedDocument[]): Promise<void> {
  const groups = [...byKey(docs, (d) => d.columns.rnm)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (groups.length === 0) return;
  const order = (d: LearnedDocument) => d.columns.docTime ?? '';
  const rows = groups.map(([rnm, list]) => {
    const sorted = [...list].sort((a, b) =>
      order(a) === order(b) ? a.fdNumber - b.fdNumber : order(a) < order(b) ? -1 : 1,
    );
    const row: typeof registers.$inferInsert = { rnm, lastReceivedAt: new Date(0) };
    for (const d of sorted) {
      const c = d.columns;
      row.kktSerial = c.kktSerial ?? row.kktSerial ?? null;
      row.userInn = c.userInn ?? row.userInn ?? null;
      row.userName = c.userName ?? row.userName ?? null;
      row.address = c.address ?? row.address ?? null;
      row.place = c.place ?? row.place ?? null;
      row.kktVersion = c.kktVersion ?? row.kktVersion ?? null;
      row.ffdVersion = c.ffdVersion ?? row.ffdVersion ?? null;
      row.fnNumber = d.fnNumber;
      row.lastFdNumber = d.fdNumber;
      row.lastDocTime = c.docTime ?? row.lastDocTime ?? null;
      row.lastReceivedAt = d.receivedAt;
    }
    return row;
  });
  const t = 'registers';
  // A register's documents are ordered by their own clock; a late retransmission
  // of an old document must not roll the register back.
  const newer = sql.raw(
    `coalesce(excluded.last_doc_time, '-infinity') >= coalesce(${t}.last_doc_time, '-infinity')`,
  );
  const set: Record<string, SQL> = {};
  const columns = {
    kktSerial: 'kkt_serial',
    userInn: 'user_inn',
    userName: 'user_name',
    address: 'address',
    place: 'place',
    kktVersion: 'kkt_version',
    ffdVersion: 'ffd_version',
    fnNumber: 'fn_number',
    lastFdNumber: 'last_fd_number',
    lastDocTime: 'last_doc_time',
    lastReceivedAt: 'last_received_at',
  } as const;
  for (const [key, column] of Object.entries(columns)) set[key] = prefer(t, column, newer);
  set.updatedAt = sql`now()`;
  await tx.insert(registers).values(rows).onConflictDoUpdate({ target: registers.rnm, set });
}
