import type { Db } from '../db/database.js';
import type { RequestMeta } from './context.js';
import { recordSecurityEvent } from './record-security-event.js';
import { endSession } from './sessions.js';

export async function signOut(db: Db, session: { sessionId: string; userId: string }, meta: RequestMeta) {
  await endSession(db, session.sessionId);
  await recordSecurityEvent(db, { userId: session.userId, type: 'sign_out', meta });
}
