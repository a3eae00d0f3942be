import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf } from '../db/migrate.js';

export interface ClaimedJob {
  id: number;
  topic: string;
  payload: Record<string, unknown>;
  attempts: number;
  createdAt: Date;
}

export interface ClaimOutboxOptions {
  db: Db;
  topic: string;
  limit?: number;
  /** How long the claim holds before another worker may take the job (a crashed worker's jobs return). */
  leaseMs?: number;
}

/**
 * Claims up to `limit` due jobs of one topic for this worker. Concurrent
 * claimers skip each other's rows (`for update skip locked`) and the lease
 * keeps a claimed job away from others until it is completed, failed or expires.
 */
export async function claimOutbox(options: ClaimOutboxOptions): Promise<ClaimedJob[]> {
  const { db, topic, limit = 100, leaseMs = 60_000 } = options;
  const result = await db.execute(sql`
    update outbox o
       set locked_until = now() + ${leaseMs} * interval '1 millisecond',
           attempts = o.attempts + 1
      from (
        select id from outbox
         where topic = ${topic} and done_at is null and available_at <= now()
           and (locked_until is null or locked_until < now())
         order by id
         limit ${limit}
         for update skip locked
      ) due
     where o.id = due.id
    returning o.id, o.topic, o.payload, o.attempts, o.created_at`);
  return rowsOf<{
    id: string | number;
    topic: string;
    payload: unknown;
    attempts: number;
    created_at: unknown;
  }>(result)
    .map((r) => ({
      id: Number(r.id),
      topic: r.topic,
      payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
      attempts: r.attempts,
      createdAt: r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at)),
    }))
    .sort((a, b) => a.id - b.id);
}
