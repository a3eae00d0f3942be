import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { outbox } from '../db/schema/index.js';

/** Marks claimed jobs done; returns how many were marked. */
export async function completeOutbox(options: { db: Db; ids: readonly number[] }): Promise<number> {
  if (options.ids.length === 0) return 0;
  const done = await options.db
    .update(outbox)
    .set({ doneAt: sql`now()`, lockedUntil: null })
    .where(and(inArray(outbox.id, [...options.ids]), isNull(outbox.doneAt)))
    .returning({ id: outbox.id });
  return done.length;
}
