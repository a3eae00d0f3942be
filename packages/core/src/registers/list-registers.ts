import { asc, eq, getTableColumns } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { type RegisterRow, registers } from '../db/schema/index.js';
import { lastDocumentOf } from './last-document.js';

/** A register as learned, with the newest stored document of its current FN. */
export interface Register extends RegisterRow {
  lastFdNumber: number | null;
  lastDocTime: string | null;
  lastReceivedAt: Date | null;
}

/** Registers learned from documents, optionally of one user (INN), by RNM. */
export async function listRegisters(options: { db: Db; userInn?: string }): Promise<Register[]> {
  const q = options.db
    .select({ ...getTableColumns(registers), ...lastDocumentOf(registers.fnNumber) })
    .from(registers);
  const filtered = options.userInn === undefined ? q : q.where(eq(registers.userInn, options.userInn));
  return filtered.orderBy(asc(registers.rnm));
}
