import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { type RegisterRow, registers } from '../db/schema/index.js';

/** Registers learned from documents, optionally of one user (INN), by RNM. */
export async function listRegisters(options: { db: Db; userInn?: string }): Promise<RegisterRow[]> {
  const q = options.db.select().from(registers);
  const filtered = options.userInn === undefined ? q : q.where(eq(registers.userInn, options.userInn));
  return filtered.orderBy(asc(registers.rnm));
}
