import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { securityEvents } from './tables.js';

export interface SecurityEventView {
  id: string;
  type: string;
  at: Date;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, string>;
}

/** The user's own security events, newest first. */
export async function listSecurityEvents(
  db: Db,
  options: { userId: string; limit: number },
): Promise<SecurityEventView[]> {
  const rows = await db
    .select()
    .from(securityEvents)
    .where(eq(securityEvents.userId, options.userId))
    .orderBy(desc(securityEvents.at), desc(securityEvents.id))
    .limit(options.limit);
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}
