import type { Db } from '../db/database.js';
import { storeDevMessage } from '../mail/dev-mailbox.js';

export interface SmsSender {
  send(message: { to: string; text: string }): Promise<void>;
}

/**
 * A simple HTTP SMS provider: POST JSON `{ to, text }` to `url`; any 2xx is
 * success. Most gateways can be fronted by a small adapter of this shape.
 */
export function createHttpSms(url: string, fetchImpl: typeof fetch = fetch): SmsSender {
  return {
    async send(message) {
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: message.to, text: message.text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS provider answered ${res.status}`);
    },
  };
}

/** No provider configured: SMS land in the dev outbox beside the letters. */
export function createDevSms(db: Db): SmsSender {
  return {
    async send(message) {
      await storeDevMessage(db, {
        kind: 'sms',
        to: message.to,
        subject: null,
        text: message.text,
        html: null,
      });
    },
  };
}
