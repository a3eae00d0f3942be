import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { outbox } from '../db/schema/index.js';

/** Releases a claimed job after a failure; it becomes due again after `retryInMs`. */
export async function failOutbox(options: {
  db: Db;
  id: number;
  error: string;
  retryInMs: number;
}): Promise<void> {
  await options.db
    .update(outbox)
    .set({
      lockedUntil: null,
      lastError: options.error.slice(0, 2000),
      availableAt: sql`now() + ${options.retryInMs} * interval '1 millisecond'`,
    })
    .where(and(eq(outbox.id, options.id), isNull(outbox.doneAt)));
}
