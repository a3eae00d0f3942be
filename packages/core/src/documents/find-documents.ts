import { and, desc, eq, getTableColumns, gte, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { documents } from '../db/schema/index.js';
import { AppError } from '../errors.js';

export interface FindDocumentsOptions {
  db: Db;
  fnNumber?: string;
  fdNumber?: number;
  userInn?: string;
  rnm?: string;
  formCode?: number;
  /** Receive instant range [from, to): prunes monthly partitions. */
  receivedFrom?: Date;
  receivedTo?: Date;
  /** Register-local date-time range [from, to), 'YYYY-MM-DD HH:MM:SS' or a prefix of it. */
  docTimeFrom?: string;
  docTimeTo?: string;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
  /** Page size, 1..1000 (default 100). */
  limit?: number;
}

/** A document without its raw bytes and JSON (see getDocument for those). */
export type DocumentSummary = Omit<typeof documents.$inferSelect, 'raw' | 'document'>;

export interface DocumentPage {
  items: DocumentSummary[];
  /** Present when more items may follow. */
  nextCursor?: string;
}

interface CursorValue {
  r: string; // received_at ISO
  f: string; // fn
  d: number; // fd
}

function encodeCursor(row: DocumentSummary): string {
  const v: CursorValue = { r: row.receivedAt.toISOString(), f: row.fnNumber, d: row.fdNumber };
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

function decodeCursor(cursor: string): CursorValue {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorValue;
    if (typeof v.r !== 'string' || typeof v.f !== 'string' || typeof v.d !== 'number') throw new Error();
    if (Number.isNaN(new Date(v.r).getTime())) throw new Error();
    return v;
  } catch {
    throw new AppError('INVALID_INPUT', 'malformed cursor');
  }
}

const { raw: _raw, document: _document, ...summaryColumns } = getTableColumns(documents);

/**
 * Documents matching the filters, newest received first, paged by a keyset
 * cursor on (received_at, fn, fd) so pages stay stable while documents arrive.
 */
export async function findDocuments(options: FindDocumentsOptions): Promise<DocumentPage> {
  const limit = options.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new AppError('INVALID_INPUT', 'limit must be an integer from 1 to 1000');
  }
  const where: SQL[] = [];
  const t = documents;
  if (options.fnNumber !== undefined) where.push(eq(t.fnNumber, options.fnNumber));
  if (options.fdNumber !== undefined) where.push(eq(t.fdNumber, options.fdNumber));
  if (options.userInn !== undefined) where.push(eq(t.userInn, options.userInn));
  if (options.rnm !== undefined) where.push(eq(t.rnm, options.rnm));
  if (options.formCode !== undefined) where.push(eq(t.formCode, options.formCode));
  if (options.receivedFrom) where.push(gte(t.receivedAt, options.receivedFrom));
  if (options.receivedTo) where.push(lt(t.receivedAt, options.receivedTo));
  if (options.docTimeFrom !== undefined) where.push(gte(t.docTime, options.docTimeFrom));
  if (options.docTimeTo !== undefined) where.push(lt(t.docTime, options.docTimeTo));
  if (options.cursor !== undefined) {
    const c = decodeCursor(options.cursor);
    const at = new Date(c.r);
    where.push(
      or(
        lt(t.receivedAt, at),
        and(eq(t.receivedAt, at), or(lt(t.fnNumber, c.f), and(eq(t.fnNumber, c.f), lt(t.fdNumber, c.d)))),
      ) as SQL,
    );
  }
  const rows = await options.db
    .select(summaryColumns)
    .from(t)
    .where(and(...where))
    .orderBy(desc(t.receivedAt), desc(t.fnNumber), desc(t.fdNumber))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return rows.length > limit && last ? { items, nextCursor: encodeCursor(last) } : { items };
}
