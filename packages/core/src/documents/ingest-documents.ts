import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '../db/database.js';
import { jsonText } from '../db/json-rows.js';
import { rowsOf } from '../db/migrate.js';
import type { CryptoStatus, StoredViolation } from '../db/schema/index.js';
import { AppError } from '../errors.js';
import { OUTBOX_TOPICS } from '../outbox/enqueue-outbox.js';
import { addDays, LEARN_COLUMNS, learnDrivesSql, learnRegistersSql } from '../registers/learn-registers.js';
import { type DocumentColumns, documentColumns, type FnsJson } from './document-columns.js';

export interface IngestDocumentInput {
  /** The whole message exactly as received: the legal record. */
  raw: Uint8Array;
  fnNumber: string;
  fdNumber: number;
  formCode: number;
  /** Decoded FNS JSON `{ <documentName>: {...} }`. */
  document: FnsJson;
  /** ФЛК findings; the document failed when any has severity 'error'. */
  flkViolations: readonly StoredViolation[];
  cryptoStatus: CryptoStatus;
  /** The instant the message was received (UTC); also picks the monthly partition. */
  receivedAt: Date;
}

/** Per input, in order: newly stored, or already stored before (or earlier in this batch). */
export type IngestOutcome = 'stored' | 'duplicate';

export interface IngestDocumentsOptions {
  db: Db;
  documents: readonly IngestDocumentInput[];
}

const FN_NUMBER = /^\d{1,16}$/;
const MAX_FD = 0xffff_ffff;

function validate(d: IngestDocumentInput, i: number): void {
  const bad = (why: string) => {
    throw new AppError('INVALID_INPUT', `document #${i}: ${why}`, { index: i });
  };
  if (!FN_NUMBER.test(d.fnNumber)) bad(`FN number "${d.fnNumber}" is not 1–16 digits`);
  if (!Number.isInteger(d.fdNumber) || d.fdNumber < 0 || d.fdNumber > MAX_FD) bad('FD number is not a u32');
  if (!Number.isInteger(d.formCode) || d.formCode < 0 || d.formCode > 255) bad('form code is not a byte');
  if (Number.isNaN(d.receivedAt.getTime())) bad('receivedAt is not a valid instant');
  if (d.raw.byteLength === 0) bad('raw message is empty');
}

// Storage failures surface as one AppError; the caller (the gateway) then
// confirms nothing from the batch.
async function store(
  db: Db,
  rows: readonly object[],
): Promise<{ fn_number: string; fd_number: string | number }[]> {
  try {
    const batch = jsonText(rows);
    // On PostgreSQL a named statement: parsed and planned once per connection,
    // not once per batch (the plan of this statement costs more than a small
    // batch's rows). A transaction handle or PGlite takes the plain path.
    const client = (db as { $client?: unknown }).$client;
    if (client instanceof pg.Pool) {
      return (await client.query({ name: INGEST_STATEMENT, text: INGEST_SQL, values: [batch] })).rows;
    }
    // PGlite has no named statements (and no parameters in EXECUTE): a
    // PL/pgSQL function in the session's temporary schema caches the plan.
    if (client instanceof PGlite) {
      if (!withIngestFunction.has(client)) {
        await client.exec(INGEST_FUNCTION);
        withIngestFunction.add(client);
      }
      return (
        await client.query<IngestedKey>(
          `select stored_fn as fn_number, stored_fd as fd_number from pg_temp.${INGEST_STATEMENT}($1)`,
          [batch],
        )
      ).rows;
    }
    return rowsOf(await db.execute(sql`${sql.raw(INGEST_HEAD)}${batch}${sql.raw(INGEST_TAIL)}`));
  } catch (err) {
    throw new AppError('UNAVAILABLE', `storing the batch failed: ${(err as Error).message}`, undefined, {
      cause: err,
    });
  }
}

const keyOf = (fn: string, fd: number) => `${fn}/${fd}`;

// Every column of `documents` (migrations/0001_documents.sql) in the ingest
// rows; raw travels as base64, received_at as its ISO text (outbox payloads).
const DOCUMENT_COLUMNS = [
  ['fn_number', 'text'],
  ['fd_number', 'bigint'],
  ['received_at', 'text'],
  ['form_code', 'smallint'],
  ['doc_time', 'timestamp'],
  ['user_inn', 'text'],
  ['rnm', 'text'],
  ['kkt_serial', 'text'],
  ['shift_number', 'bigint'],
  ['operation_type', 'smallint'],
  ['cash_total', 'bigint'],
  ['ecash_total', 'bigint'],
  ['prepaid_total', 'bigint'],
  ['credit_total', 'bigint'],
  ['provision_total', 'bigint'],
  ['total_sum', 'bigint'],
  ['cashier', 'text'],
  ['buyer_contact', 'text'],
  ['fiscal_sign', 'bigint'],
  ['ffd_version', 'text'],
  ['flk_status', 'text'],
  ['flk_violations', 'jsonb'],
  ['crypto_status', 'text'],
  ['raw', 'text'],
  ['document', 'jsonb'],
] as const;
const DOCUMENT_SELECT = DOCUMENT_COLUMNS.map(([n]) =>
  n === 'raw' ? "decode(raw, 'base64')" : n === 'received_at' ? 'received_at::timestamptz' : n,
).join(', ');
const ROW_DEFINITION = [...DOCUMENT_COLUMNS, ...LEARN_COLUMNS].map(([n, t]) => `${n} ${t}`).join(', ');

// Nulls are left out (undefined): jsonb_to_recordset reads a missing key as
// null, and the batch text, which the server parses whole, is ~15 % shorter.
function ingestRow(d: IngestDocumentInput, c: DocumentColumns): object {
  const expiresOn =
    c.keyResourceDays !== null && c.docTime !== null ? addDays(c.docTime, c.keyResourceDays) : null;
  return {
    fn_number: d.fnNumber,
    fd_number: d.fdNumber,
    received_at: d.receivedAt.toISOString(),
    form_code: d.formCode,
    doc_time: c.docTime ?? undefined,
    user_inn: c.userInn ?? undefined,
    rnm: c.rnm ?? undefined,
    kkt_serial: c.kktSerial ?? undefined,
    shift_number: c.shiftNumber ?? undefined,
    operation_type: c.operationType ?? undefined,
    cash_total: c.cashTotal ?? undefined,
    ecash_total: c.ecashTotal ?? undefined,
    prepaid_total: c.prepaidTotal ?? undefined,
    credit_total: c.creditTotal ?? undefined,
    provision_total: c.provisionTotal ?? undefined,
    total_sum: c.totalSum ?? undefined,
    cashier: c.cashier ?? undefined,
    buyer_contact: c.buyerContact ?? undefined,
    fiscal_sign: c.fiscalSign ?? undefined,
    ffd_version: c.ffdVersion ?? undefined,
    flk_status: d.flkViolations.some((v) => v.severity === 'error') ? 'failed' : 'passed',
    flk_violations: d.flkViolations,
    crypto_status: d.cryptoStatus,
    raw: Buffer.from(d.raw.buffer, d.raw.byteOffset, d.raw.byteLength).toString('base64'),
    document: d.document,
    user_name: c.userName ?? undefined,
    address: c.address ?? undefined,
    place: c.place ?? undefined,
    kkt_version: c.kktVersion ?? undefined,
    backlog_count: c.backlogCount ?? undefined,
    backlog_oldest_time: c.backlogOldestTime ?? undefined,
    backlog_first_fd: c.backlogFirstFd ?? undefined,
    key_resource_days: c.keyResourceDays ?? undefined,
    expires_on: expiresOn ?? undefined,
  };
}

// One statement: key rows first (`on conflict do nothing returning` tells the
// fresh keys), then the documents, outbox jobs, drives and registers of the
// fresh rows only. Being one statement it is atomic on its own, and costs one
// round trip and one parse of the batch (a single jsonb parameter).
// Lock order: keys, drives and registers are taken in key order, so
// concurrent batches cannot deadlock.
const INGEST_HEAD = 'with r as materialized (select * from jsonb_to_recordset(';
const INGEST_TAIL = `::jsonb) as r(${ROW_DEFINITION})
), k as (
  insert into document_keys (fn_number, fd_number, received_at)
  select fn_number, fd_number, received_at::timestamptz from r order by fn_number, fd_number
  on conflict do nothing
  returning fn_number, fd_number
), f as materialized (
  select r.*, count(*) over (partition by fn_number) as fn_docs, count(*) over (partition by rnm) as rnm_docs
  from r join k using (fn_number, fd_number)
), d as (
  insert into documents (${DOCUMENT_COLUMNS.map(([n]) => n).join(', ')})
  select ${DOCUMENT_SELECT} from f
), o as (
  insert into outbox (topic, payload)
  select j.topic, j.payload from f cross join lateral (values
    (1, '${OUTBOX_TOPICS.fnsRelay}',
      jsonb_build_object('fnNumber', f.fn_number, 'fdNumber', f.fd_number, 'receivedAt', f.received_at)),
    (2, '${OUTBOX_TOPICS.receiptEmail}', case when f.buyer_contact is not null then
      jsonb_build_object('fnNumber', f.fn_number, 'fdNumber', f.fd_number, 'receivedAt', f.received_at,
        'contact', f.buyer_contact) end)
  ) as j(n, topic, payload)
  where j.payload is not null
  order by f.fn_number, f.fd_number, j.n
), fd as (
  ${learnDrivesSql('f')}
), rg as (
  ${learnRegistersSql('f')}
)
select fn_number, fd_number from k`;
const INGEST_SQL = `${INGEST_HEAD}$1${INGEST_TAIL}`;
// Named after a hash of the text, so a changed statement never meets a stale cache.
const INGEST_STATEMENT = `openofd_ingest_${createHash('sha1').update(INGEST_SQL).digest('hex').slice(0, 12)}`;
const INGEST_FUNCTION = `create or replace function pg_temp.${INGEST_STATEMENT}(batch text)
returns table (stored_fn text, stored_fd bigint) language plpgsql as $ingest$
begin
  return query ${INGEST_SQL};
end
$ingest$`;
const withIngestFunction = new WeakSet<PGlite>();

interface IngestedKey {
  fn_number: string;
  fd_number: string | number;
}

/**
 * Stores a batch of documents in one transaction, idempotently on (FN, FD):
 * new documents are inserted with their registers, fiscal drives and outbox
 * jobs; documents already stored (or repeated within the batch) are reported
 * as duplicates and change nothing. Either the whole batch commits or nothing does.
 */
export async function ingestDocuments(options: IngestDocumentsOptions): Promise<IngestOutcome[]> {
  const input = options.documents;
  input.forEach(validate);
  if (input.length === 0) return [];
  // First occurrence of each key, in key order: concurrent batches then take
  // the document_keys row locks in one order and cannot deadlock.
  const firstIndex = new Map<string, number>();
  input.forEach((d, i) => {
    const k = keyOf(d.fnNumber, d.fdNumber);
    if (!firstIndex.has(k)) firstIndex.set(k, i);
  });
  const unique = [...firstIndex.values()]
    .map((i) => input[i] as IngestDocumentInput)
    .sort((a, b) => (a.fnNumber === b.fnNumber ? a.fdNumber - b.fdNumber : a.fnNumber < b.fnNumber ? -1 : 1));
  const rows = unique.map((d) => ingestRow(d, documentColumns(d.document, d.formCode)));

  const inserted = await store(options.db, rows);
  const stored = new Set(inserted.map((r) => keyOf(r.fn_number, Number(r.fd_number))));

  // Only the first occurrence of a key in the batch can be the stored one.
  return input.map((d, i) => {
    const k = keyOf(d.fnNumber, d.fdNumber);
    return firstIndex.get(k) === i && stored.has(k) ? 'stored' : 'duplicate';
  });
}
