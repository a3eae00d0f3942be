import { type AnyColumn, sql } from 'drizzle-orm';
import { documentKeys, documents } from '../db/schema/index.js';

/**
 * Select fields for the newest stored document of the drive in `fnColumn`:
 * read from document_keys (a backward probe of its primary key) and the
 * document's own row, because drives and registers are no longer written by
 * every document (migrations/0004_ingest_cost.sql).
 */
export function lastDocumentOf(fnColumn: AnyColumn) {
  const newest = sql`from document_keys k where k.fn_number = ${fnColumn} order by k.fd_number desc limit 1`;
  return {
    lastFdNumber: sql<number | null>`(select k.fd_number ${newest})`.mapWith(documentKeys.fdNumber),
    lastReceivedAt: sql<Date | null>`(select k.received_at ${newest})`.mapWith(documentKeys.receivedAt),
    lastDocTime: sql<string | null>`(select d.doc_time from documents d
      join (select k.fn_number, k.fd_number, k.received_at ${newest}) k
        on d.fn_number = k.fn_number and d.fd_number = k.fd_number and d.received_at = k.received_at)`.mapWith(
      documents.docTime,
    ),
  };
}
