import type { Db } from '../db/database.js';
import { outbox } from '../db/schema/index.js';

export interface OutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
  /** Not before this instant (default: now). */
  availableAt?: Date;
}

/** Topics written by document ingestion. */
export const OUTBOX_TOPICS = {
  /**
   * Relay to the ФНС: one job per ingest batch that stored anything, payload
   * `{ documents: [[fnNumber, fdNumber], …] }` (the stored keys, in key order;
   * `document_keys` gives each one's partition).
   */
  fnsRelay: 'fns.relay',
  /**
   * A stored document with a buyer phone or e-mail (1008), one job each.
   * Payload `{ fnNumber, fdNumber, receivedAt, contact }`.
   */
  receiptEmail: 'receipt.email',
} as const;

/** Adds jobs inside the caller's transaction: they exist exactly when its data does. */
export async function enqueueOutbox(options: { db: Db; messages: readonly OutboxMessage[] }): Promise<void> {
  if (options.messages.length === 0) return;
  await options.db.insert(outbox).values(
    options.messages.map((m) => ({
      topic: m.topic,
      payload: m.payload,
      ...(m.availableAt ? { availableAt: m.availableAt } : {}),
    })),
  );
}
