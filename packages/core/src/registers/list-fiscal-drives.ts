import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { type FiscalDriveRow, fiscalDrives } from '../db/schema/index.js';

/** Fiscal drives learned from documents (backlog, expiry), filtered by user INN or RNM. */
export async function listFiscalDrives(options: {
  db: Db;
  userInn?: string;
  rnm?: string;
}): Promise<FiscalDriveRow[]> {
  const where: SQL[] = [];
  if (options.userInn !== undefined) where.push(eq(fiscalDrives.userInn, options.userInn));
  if (options.rnm !== undefined) where.push(eq(fiscalDrives.rnm, options.rnm));
  return options.db
    .select()
    .from(fiscalDrives)
    .where(and(...where))
    .orderBy(asc(fiscalDrives.fnNumber));
}
