import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../db/database.js';
import { storeDevMessage } from './dev-mailbox.js';
import { parseMail } from './mime.js';

export interface DevMailSink {
  /** smtp://127.0.0.1:<port> — give it to createSmtpMailer. */
  url: string;
  close(): Promise<void>;
}

const MAX_LETTER = 1024 * 1024;

/**
 * An in-process SMTP server on a random loopback port that stores every
 * letter it receives in `dev_mailbox` (one row per recipient). Used when no
 * OFD_SMTP_URL is configured, so letters travel over real SMTP in the demo
 * and in tests.
 */
export async function startDevMailSink(db: Db): Promise<DevMailSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_LETTER,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_LETTER) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (size > MAX_LETTER) return callback(new Error('letter too large'));
        const mail = parseMail(Buffer.concat(chunks).toString('utf8'));
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        Promise.all(
          recipients.map((to) =>
            storeDevMessage(db, {
              kind: 'email',
              to,
              subject: mail.subject,
              text: mail.text,
              html: mail.html,
            }),
          ),
        ).then(
          () => callback(),
          (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => {});
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
