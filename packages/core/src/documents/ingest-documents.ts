import type { Db } from '../db/database.js';
import {
  type CryptoStatus,
  documentKeys,
  documents,
  type NewDocumentRow,
  type StoredViolation,
} from '../db/schema/index.js';
import { AppError } from '../errors.js';
import { enqueueOutbox, OUTBOX_TOPICS, type OutboxMessage } from '../outbox/enqueue-outbox.js';
import { type LearnedDocument, learnRegisters } from '../registers/learn-registers.js';
import { documentColumns, type FnsJson } from './document-columns.js';

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
    const inserted = await tx
      .insert(documentKeys)
      .values(unique.map((d) => ({ fnNumber: d.fnNumber, fdNumber: d.fdNumber, receivedAt: d.receivedAt })))
      .onConflictDoNothing()
      .returning({ fnNumber: documentKeys.fnNumber, fdNumber: documentKeys.fdNumber });
    const fresh = new Set(inserted.map((r) => keyOf(r.fnNumber, Number(r.fdNumber))));
    const rows: NewDocumentRow[] = [];
    const learned: LearnedDocument[] = [];
    const jobs: OutboxMessage[] = [];
    unique.forEach((d, i) => {
      if (!fresh.has(keyOf(d.fnNumber, d.fdNumber))) return;
      const c = columns[i]!;
      rows.push({
        fnNumber: d.fnNumber,
        fdNumber: d.fdNumber,
        receivedAt: d.receivedAt,
        formCode: d.formCode,
        docTime: c.docTime,
        userInn: c.userInn,
        rnm: c.rnm,
        kktSerial: c.kktSerial,
        shiftNumber: c.shiftNumber,
        operationType: c.operationType,
        cashTotal: c.cashTotal,
        ecashTotal: c.ecashTotal,
        prepaidTotal: c.prepaidTotal,
        creditTotal: c.creditTotal,
        provisionTotal: c.provisionTotal,
        totalSum: c.totalSum,
        cashier: c.cashier,
        buyerContact: c.buyerContact,
        fiscalSign: c.fiscalSign,
        ffdVersion: c.ffdVersion,
        flkStatus: d.flkViolations.some((v) => v.severity === 'error') ? 'failed' : 'passed',
        flkViolations: [...d.flkViolations],
        cryptoStatus: d.cryptoStatus,
        raw: d.raw,
        document: d.document,
      });
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
      await tx.insert(documents).values(rows);
      await learnRegisters(tx, learned);
      await enqueueOutbox({ db: tx, messages: jobs });
    }
    return fresh;
  });

  // Only the first occurrence of a key in the batch can be the stored one.
  return input.map((d, i) => {
    const k = keyOf(d.fnNumber, d.fdNumber);
    return firstIndex.get(k) === i && stored.has(k) ? 'stored' : 'duplicate';
  });
}
