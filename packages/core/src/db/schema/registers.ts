import { bigint, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Cash registers (ККТ) learned from their documents, keyed by RNM (1037). */
export const registers = pgTable('registers', {
  rnm: text('rnm').primaryKey(),
  kktSerial: text('kkt_serial'),
  userInn: text('user_inn'),
  userName: text('user_name'),
  address: text('address'),
  place: text('place'),
  kktVersion: text('kkt_version'),
  fnNumber: text('fn_number'),
  ffdVersion: text('ffd_version'),
  /** Register time of the newest document the fields above were learned from. */
  learnedDocTime: timestamp('learned_doc_time', { mode: 'string' }),
  firstSeenAt: timestamp('first_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Fiscal drives (ФН) learned from their documents, keyed by FN number (1041). */
export const fiscalDrives = pgTable('fiscal_drives', {
  fnNumber: text('fn_number').primaryKey(),
  rnm: text('rnm'),
  userInn: text('user_inn'),
  /** FD number of the newest document the fields were learned from. */
  learnedFdNumber: bigint('learned_fd_number', { mode: 'number' }).notNull(),
  backlogCount: bigint('backlog_count', { mode: 'number' }),
  backlogOldestTime: timestamp('backlog_oldest_time', { mode: 'string' }),
  backlogFirstFd: bigint('backlog_first_fd', { mode: 'number' }),
  backlogReportedFd: bigint('backlog_reported_fd', { mode: 'number' }),
  keyResourceDays: integer('key_resource_days'),
  expiresOn: date('expires_on', { mode: 'string' }),
  registeredAt: timestamp('registered_at', { mode: 'string' }),
  closedAt: timestamp('closed_at', { mode: 'string' }),
  firstSeenAt: timestamp('first_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export type RegisterRow = typeof registers.$inferSelect;
export type FiscalDriveRow = typeof fiscalDrives.$inferSelect;
