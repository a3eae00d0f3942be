import { and, asc, eq, getTableColumns, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { type FiscalDriveRow, fiscalDrives } from '../db/schema/index.js';
import { lastDocumentOf } from './last-document.js';

/** A drive as learned, with its newest stored document (null fields when none is stored). */
export interface FiscalDrive extends FiscalDriveRow {
  lastFdNumber: number | null;
  lastDocTime: string | null;
  lastReceivedAt: Date | null;
}

/** Fiscal drives learned from documents (backlog, expiry), filtered by user INN or RNM. */
export async function listFiscalDrives(options: {
  db: Db;
  userInn?: string;
  rnm?: string;
}): Promise<FiscalDrive[]> {
  const where: SQL[] = [];
  if (options.userInn !== undefined) where.push(eq(fiscalDrives.userInn, options.userInn));
  if (options.rnm !== undefined) where.push(eq(fiscalDrives.rnm, options.rnm));
  return options.db
    .select({ ...getTableColumns(fiscalDrives), ...lastDocumentOf(fiscalDrives.fnNumber) })
    .from(fiscalDrives)
    .where(and(...where))
    .orderBy(asc(fiscalDrives.fnNumber));
}
