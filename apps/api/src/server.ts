import { fileURLToPath } from 'node:url';
import {
  type Config,
  createDevSms,
  createHttpSms,
  createSmtpMailer,
  type Database,
  type DevMailSink,
  loadTrustedCas,
  startDevMailSink,
} from '@openofd/core';
import { buildApp } from './app.js';

export interface ApiServer {
  url: string;
  /** Where letters go: the configured SMTP, or the in-process sink. */
  mail: 'smtp' | 'dev-sink';
  close(): Promise<void>;
}

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * Runs the API on config.httpPort: mail through OFD_SMTP_URL, or an
 * in-process SMTP sink feeding the dev mailbox; SMS through OFD_SMS_URL or
 * the dev mailbox.
 */
export async function startApiServer(options: {
  config: Config;
  database: Database;
  host?: string;
  logger?: boolean;
}): Promise<ApiServer> {
  const { config, database } = options;
  let sink: DevMailSink | undefined;
  if (!config.smtpUrl) sink = await startDevMailSink(database.db);
  const mailer = createSmtpMailer(config.smtpUrl ?? sink!.url);
  const app = await buildApp({
    database,
    publicUrl: config.publicUrl,
    mailer,
    sms: config.smsUrl ? createHttpSms(config.smsUrl) : createDevSms(database.db),
    devMailbox: sink !== undefined,
    trustedCas: () => loadTrustedCas({ trustedCa: config.trustedCa, dataDir: config.dataDir }),
    webDist: WEB_DIST,
    logger: options.logger ?? false,
  });
  const url = await app.listen({ port: config.httpPort, host: options.host ?? '0.0.0.0' });
  return {
    url,
    mail: sink ? 'dev-sink' : 'smtp',
    async close() {
      await app.close();
      mailer.close();
      await sink?.close();
    },
  };
}
