import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '../db/database.js';
import { rowsOf } from '../db/migrate.js';
import type { CryptoStatus, StoredViolation } from '../db/schema/index.js';
import { AppError } from '../errors.js';
import { documentColumns, type FnsJson } from './document-columns.js';
import { encodeBatch, type IngestBatch } from './ingest-batch.js';
import { INGEST_FUNCTION, INGEST_FUNCTION_CALL, INGEST_SQL, INGEST_STATEMENT } from './ingest-statement.js';

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
async function store(db: Db, { params, rawsAt }: IngestBatch): Promise<IngestedKey[]> {
  try {
    // On PostgreSQL a named statement: parsed and planned once per connection,
    // not once per batch (the plan of this statement costs more than a small
    // batch's rows). A transaction handle takes the plain path.
    const client = (db as { $client?: unknown }).$client;
    if (client instanceof pg.Pool) {
      // Buffers travel as binary parameters: the UTF-8 bytes of text as they are.
      return (await client.query<IngestedKey>({ name: INGEST_STATEMENT, text: INGEST_SQL, values: params }))
        .rows;
    }
    if (client instanceof PGlite) {
      if (!withIngestFunction.has(client)) {
        await client.exec(INGEST_FUNCTION);
        withIngestFunction.add(client);
      }
      // PGlite's own bytea serializer formats hex digit by digit in JS (~70 µs
      // per document here): the function takes the hex text and casts it.
      const text = params.map((p, i) =>
        typeof p === 'string' ? p : i === rawsAt ? `\\x${p.toString('hex')}` : p.toString('utf8'),
      );
      return (await client.query<IngestedKey>(INGEST_FUNCTION_CALL, text)).rows;
    }
    const parts = INGEST_SQL.split(/\$(\d+)/);
    // A transaction handle may be PGlite's: text goes as text there.
    const values = params.map((p, i) => (typeof p === 'string' || i === rawsAt ? p : p.toString('utf8')));
    const chunks = parts.map((part, i) =>
      i % 2 === 0 ? sql.raw(part) : sql`${sql.param(values[Number(part) - 1])}`,
    );
    return rowsOf<IngestedKey>(await db.execute(sql.join(chunks)));
  } catch (err) {
    throw new AppError('UNAVAILABLE', `storing the batch failed: ${(err as Error).message}`, undefined, {
      cause: err,
    });
  }
}

const keyOf = (fn: string, fd: number) => `${fn}/${fd}`;

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
  const batch = encodeBatch(unique.map((d) => ({ d, c: documentColumns(d.document, d.formCode) })));

  const inserted = await store(options.db, batch);
  const stored = new Set(inserted.map((r) => keyOf(r.fn_number, Number(r.fd_number))));

  // Only the first occurrence of a key in the batch can be the stored one.
  return input.map((d, i) => {
    const k = keyOf(d.fnNumber, d.fdNumber);
    return firstIndex.get(k) === i && stored.has(k) ? 'stored' : 'duplicate';
  });
}
