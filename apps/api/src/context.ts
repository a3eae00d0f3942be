import type { X509Certificate } from 'node:crypto';
import type { AccountsDeps, Database, Mailer, SessionInfo, SmsSender } from '@openofd/core';

export interface ApiOptions {
  database: Database;
  /** Base of links in letters (OFD_PUBLIC_URL). */
  publicUrl: string;
  mailer: Mailer;
  sms: SmsSender;
  /** Serve GET /api/dev/mail (only when letters go to the in-process sink). */
  devMailbox: boolean;
  /** Trusted CAs for certificate sign-in; read per attempt so a new CA file is picked up. */
  trustedCas: () => X509Certificate[];
  /** Built web app (apps/web/dist); served with SPA fallback when it exists. */
  webDist?: string | undefined;
  /** Per-IP limit on sign-in, sign-up, recovery and code checks. */
  rateLimit?: { max: number; timeWindowMs: number };
  logger?: boolean;
  now?: () => Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session, resolved from the ofd_session cookie (null: none). */
    auth: SessionInfo | null;
  }
}

export function accountsDeps(options: ApiOptions): AccountsDeps {
  return {
    db: options.database.db,
    mailer: options.mailer,
    sms: options.sms,
    publicUrl: options.publicUrl,
    ...(options.now ? { now: options.now } : {}),
  };
}
