import { desc, eq, sql } from 'drizzle-orm';
import { bigserial, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database.js';

export const devMailbox = pgTable('dev_mailbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').$type<'email' | 'sms'>().notNull(),
  recipient: text('recipient').notNull(),
  subject: text('subject'),
  bodyText: text('body_text').notNull(),
  bodyHtml: text('body_html'),
  receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export interface DevMessageView {
  id: string;
  kind: 'email' | 'sms';
  to: string;
  subject: string | null;
  text: string;
  html: string | null;
  links: string[];
  receivedAt: Date;
}

export async function storeDevMessage(
  db: Db,
  message: { kind: 'email' | 'sms'; to: string; subject: string | null; text: string; html: string | null },
): Promise<void> {
  await db.insert(devMailbox).values({
    kind: message.kind,
    recipient: message.to.toLowerCase(),
    subject: message.subject,
    bodyText: message.text,
    bodyHtml: message.html,
  });
}

/** Dev outbox, newest first; `to` filters by recipient (case-insensitive). */
export async function listDevMessages(
  db: Db,
  options: { to?: string | undefined; limit?: number } = {},
): Promise<DevMessageView[]> {
  const rows = await db
    .select()
    .from(devMailbox)
    .where(options.to ? eq(devMailbox.recipient, options.to.trim().toLowerCase()) : sql`true`)
    .orderBy(desc(devMailbox.id))
    .limit(options.limit ?? 200);
  return rows.map((r) => ({
    id: String(r.id),
    kind: r.kind,
    to: r.recipient,
    subject: r.subject,
    text: r.bodyText,
    html: r.bodyHtml,
    links: [...r.bodyText.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]),
    receivedAt: r.receivedAt,
  }));
}
