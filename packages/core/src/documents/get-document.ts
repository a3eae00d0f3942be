import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { documentKeys, documents } from '../db/schema/index.js';
import { AppError } from '../errors.js';

export type StoredDocument = typeof documents.$inferSelect;

/** One document with its raw bytes and JSON; NOT_FOUND when absent. */
export async function getDocument(options: {
  db: Db;
  fnNumber: string;
  fdNumber: number;
}): Promise<StoredDocument> {
  const { db, fnNumber, fdNumber } = options;
  // The key row names the partition (received_at), so only one month is read.
  const [key] = await db
    .select({ receivedAt: documentKeys.receivedAt })
    .from(documentKeys)
    .where(and(eq(documentKeys.fnNumber, fnNumber), eq(documentKeys.fdNumber, fdNumber)));
  const [row] = key
    ? await db
        .select()
        .from(documents)
        .where(
          and(
            eq(documents.fnNumber, fnNumber),
            eq(documents.fdNumber, fdNumber),
            eq(documents.receivedAt, key.receivedAt),
          ),
        )
    : [];
  if (!row) throw new AppError('NOT_FOUND', `document ${fnNumber}/${fdNumber} is not stored`);
  return row;
}
