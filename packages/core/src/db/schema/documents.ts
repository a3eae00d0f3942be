import { bigint, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './bytea.js';
import { jsonText } from './json-text.js';

/** A violation of the format-logic control (ФЛК), as stored in `flk_violations`. */
export interface StoredViolation {
  tag: number;
  path: number[];
  pointer?: string;
  rule: string;
  /** Only errors fail the document; warnings are kept for the cabinet. */
  severity: 'error' | 'warning';
  message: string;
}

export type FlkStatus = 'passed' | 'failed';
export type CryptoStatus = 'verified' | 'unverified';

// Partitioned by month of received_at (migrations/0001_documents.sql).
export const documents = pgTable(
  'documents',
  {
    fnNumber: text('fn_number').notNull(),
    fdNumber: bigint('fd_number', { mode: 'number' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    formCode: smallint('form_code').notNull(),
    docTime: timestamp('doc_time', { mode: 'string' }),
    userInn: text('user_inn'),
    rnm: text('rnm'),
    kktSerial: text('kkt_serial'),
    shiftNumber: bigint('shift_number', { mode: 'number' }),
    operationType: smallint('operation_type'),
    cashTotal: bigint('cash_total', { mode: 'number' }),
    ecashTotal: bigint('ecash_total', { mode: 'number' }),
    prepaidTotal: bigint('prepaid_total', { mode: 'number' }),
    creditTotal: bigint('credit_total', { mode: 'number' }),
    provisionTotal: bigint('provision_total', { mode: 'number' }),
    totalSum: bigint('total_sum', { mode: 'number' }),
    cashier: text('cashier'),
    buyerContact: text('buyer_contact'),
    fiscalSign: bigint('fiscal_sign', { mode: 'number' }),
    ffdVersion: text('ffd_version'),
    flkStatus: text('flk_status').$type<FlkStatus>().notNull(),
    flkViolations: jsonb('flk_violations').$type<StoredViolation[]>().notNull(),
    cryptoStatus: text('crypto_status').$type<CryptoStatus>().notNull(),
    raw: bytea('raw').notNull(),
    document: jsonText<Record<string, unknown>>('document').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fnNumber, t.fdNumber, t.receivedAt] })],
);

/** One row per (FN, FD) over all partitions: the idempotency key. */
export const documentKeys = pgTable(
  'document_keys',
  {
    fnNumber: text('fn_number').notNull(),
    fdNumber: bigint('fd_number', { mode: 'number' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.fnNumber, t.fdNumber] })],
);

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocumentRow = typeof documents.$inferInsert;
