import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf } from '../db/migrate.js';

/**
 * Creates the monthly partitions of `documents` from the month of `from`
 * (default: now) for `months` months (default 3), if missing; returns how
 * many were created. Run at start and daily, so a month's partition exists
 * before its first document and `documents_default` stays empty.
 */
export async function ensureDocumentPartitions(options: {
  db: Db;
  from?: Date;
  months?: number;
}): Promise<number> {
  const from = (options.from ?? new Date()).toISOString().slice(0, 10);
  const months = options.months ?? 3;
  const result = await options.db.execute(
    sql`select ensure_document_partitions(${from}::date, ${months}::int) as created`,
  );
  return Number(rowsOf<{ created: number }>(result)[0]?.created ?? 0);
}
