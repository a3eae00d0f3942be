import type { Db } from '../db/database.js';
import type { Mailer } from '../mail/mailer.js';
import type { SmsSender } from '../sms/sms-sender.js';

/** What the account use cases need; built once by the composition root. */
export interface AccountsDeps {
  db: Db;
  mailer: Mailer;
  sms: SmsSender;
  /** Base of the links in letters, e.g. http://localhost:8080 (OFD_PUBLIC_URL). */
  publicUrl: string;
  /** Injected clock, for expiry tests. */
  now?: () => Date;
}

/** Who is asking: recorded in the audit log and in sessions. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export const noMeta: RequestMeta = { ip: null, userAgent: null };

export function nowOf(deps: { now?: () => Date }): Date {
  return deps.now ? deps.now() : new Date();
}

/** Lifetimes and limits of the security model (ARCHITECTURE.md "Accounts"). */
export const policy = {
  sessionIdleMs: 7 * 24 * 3600_000,
  /** A session's expiry slides forward at most this often (one write per interval). */
  sessionTouchMs: 5 * 60_000,
  confirmEmailMs: 48 * 3600_000,
  resetPasswordMs: 60 * 60_000,
  changeEmailMs: 24 * 3600_000,
  invitationMs: 7 * 24 * 3600_000,
  recoveryCodeMs: 10 * 60_000,
  recoveryCodeAttempts: 5,
  maxFailedSignIns: 5,
  lockoutMs: 15 * 60_000,
  challengeMs: 5 * 60_000,
} as const;
