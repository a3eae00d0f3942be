import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jsonRecordset } from '../db/json-rows.js';
import { rowsOf } from '../db/migrate.js';
import type { CryptoStatus, StoredViolation } from '../db/schema/index.js';
import { AppError } from '../errors.js';
import { OUTBOX_TOPICS, type OutboxMessage } from '../outbox/enqueue-outbox.js';
import { type LearnedDocument, learnRegisters } from '../registers/learn-registers.js';
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
async function commit<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (err) {
    throw new AppError('UNAVAILABLE', `storing the batch failed: ${(err as Error).message}`, undefined, {
      cause: err,
    });
  }
}

const keyOf = (fn: string, fd: number) => `${fn}/${fd}`;

const KEY_COLUMNS = [
  ['fn_number', 'text'],
  ['fd_number', 'bigint'],
  ['received_at', 'timestamptz'],
] as const;

const keyRow = (d: IngestDocumentInput) => ({
  fn_number: d.fnNumber,
  fd_number: d.fdNumber,
  received_at: d.receivedAt.toISOString(),
});

// Every column of `documents` (migrations/0001_documents.sql); raw travels as base64.
const DOCUMENT_COLUMNS = [
  ['fn_number', 'text'],
  ['fd_number', 'bigint'],
  ['received_at', 'timestamptz'],
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
  n === 'raw' ? "decode(r.raw, 'base64')" : `r.${n}`,
).join(', ');

function documentRow(d: IngestDocumentInput, c: DocumentColumns): object {
  return {
    fn_number: d.fnNumber,
    fd_number: d.fdNumber,
    received_at: d.receivedAt.toISOString(),
    form_code: d.formCode,
    doc_time: c.docTime,
    user_inn: c.userInn,
    rnm: c.rnm,
    kkt_serial: c.kktSerial,
    shift_number: c.shiftNumber,
    operation_type: c.operationType,
    cash_total: c.cashTotal,
    ecash_total: c.ecashTotal,
    prepaid_total: c.prepaidTotal,
    credit_total: c.creditTotal,
    provision_total: c.provisionTotal,
    total_sum: c.totalSum,
    cashier: c.cashier,
    buyer_contact: c.buyerContact,
    fiscal_sign: c.fiscalSign,
    ffd_version: c.ffdVersion,
    flk_status: d.flkViolations.some((v) => v.severity === 'error') ? 'failed' : 'passed',
    flk_violations: d.flkViolations,
    crypto_status: d.cryptoStatus,
    raw: Buffer.from(d.raw.buffer, d.raw.byteOffset, d.raw.byteLength).toString('base64'),
    document: d.document,
  };
}

const JOB_COLUMNS = [
  ['topic', 'text'],
  ['payload', 'jsonb'],
] as const;

async function insertJobs(tx: Db, jobs: readonly OutboxMessage[]): Promise<void> {
  if (jobs.length === 0) return;
  await tx.execute(sql`
    insert into outbox (topic, payload)
    select topic, payload from ${jsonRecordset(JOB_COLUMNS, jobs)}`);
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
  const columns = unique.map((d) => documentColumns(d.document, d.formCode));

  const stored = await commit(options.db, async (tx) => {
    const inserted = rowsOf<{ fn_number: string; fd_number: string | number }>(
      await tx.execute(sql`
        insert into document_keys (fn_number, fd_number, received_at)
        select fn_number, fd_number, received_at from ${jsonRecordset(KEY_COLUMNS, unique.map(keyRow))}
        on conflict do nothing
        returning fn_number, fd_number`),
    );
    const fresh = new Set(inserted.map((r) => keyOf(r.fn_number, Number(r.fd_number))));
    const rows: object[] = [];
    const learned: LearnedDocument[] = [];
    const jobs: OutboxMessage[] = [];
    unique.forEach((d, i) => {
      if (!fresh.has(keyOf(d.fnNumber, d.fdNumber))) return;
      const c = columns[i]!;
      rows.push(documentRow(d, c));
      learned.push({
        fnNumber: d.fnNumber,
        fdNumber: d.fdNumber,
        formCode: d.formCode,
        receivedAt: d.receivedAt,
        columns: c,
      });
      const ref = { fnNumber: d.fnNumber, fdNumber: d.fdNumber, receivedAt: d.receivedAt.toISOString() };
      jobs.push({ topic: OUTBOX_TOPICS.fnsRelay, payload: ref });
      if (c.buyerContact !== null) {
        jobs.push({ topic: OUTBOX_TOPICS.receiptEmail, payload: { ...ref, contact: c.buyerContact } });
      }
    });
    if (rows.length > 0) {
      await tx.execute(sql`
        insert into documents (${sql.raw(DOCUMENT_COLUMNS.map(([n]) => n).join(', '))})
        select ${sql.raw(DOCUMENT_SELECT)} from ${jsonRecordset(DOCUMENT_COLUMNS, rows)}`);
      await learnRegisters(tx, learned);
      await insertJobs(tx, jobs);
    }
    return fresh;
  });

  // Only the first occurrence of a key in the batch can be the stored one.
  return input.map((d, i) => {
    const k = keyOf(d.fnNumber, d.fdNumber);
    return firstIndex.get(k) === i && stored.has(k) ? 'stored' : 'duplicate';
  });
}
