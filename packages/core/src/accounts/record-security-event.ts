import type { Db } from '../db/database.js';
import type { RequestMeta } from './context.js';
import type { SecurityEventType } from './security-event-types.js';
import { securityEvents } from './tables.js';

/** Appends one row to the audit log of security events. */
export async function recordSecurityEvent(
  db: Db,
  event: {
    userId: string | null;
    type: SecurityEventType;
    meta: RequestMeta;
    details?: Record<string, string>;
  },
): Promise<void> {
  await db.insert(securityEvents).values({
    userId: event.userId,
    type: event.type,
    ip: event.meta.ip,
    userAgent: event.meta.userAgent?.slice(0, 500) ?? null,
    details: event.details ?? {},
  });
}
