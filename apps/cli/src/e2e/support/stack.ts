import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '@openofd/api';
import {
  createDevSms,
  createSmtpMailer,
  type Database,
  initTestCa,
  startDevMailSink,
  type TestCa,
} from '@openofd/core';
import { createTestDatabase } from '@openofd/core/testing';
import { ensureWebBuilt, webDist } from './web-dist.js';

export interface Stack {
  /** http://127.0.0.1:<random port> */
  url: string;
  database: Database;
  ca: TestCa;
  close(): Promise<void>;
}

/**
 * The real cabinet: API from buildApp on a random port with a fresh database,
 * letters over SMTP into the in-process dev sink, SMS into the dev outbox,
 * a throwaway test CA as the trusted root, and the built web app.
 */
export async function startStack(): Promise<Stack> {
  ensureWebBuilt();
  const database = await createTestDatabase();
  const sink = await startDevMailSink(database.db);
  const mailer = createSmtpMailer(sink.url);
  const caDir = mkdtempSync(join(tmpdir(), 'openofd-ca-'));
  const ca = await initTestCa(caDir);
  const trusted = new X509Certificate(ca.certificate.toString('pem'));
  const app = await buildApp({
    database,
    // Letters carry this origin; the dev mailbox page opens cabinet links on its own origin.
    publicUrl: 'http://cabinet.openofd.test',
    mailer,
    sms: createDevSms(database.db),
    devMailbox: true,
    trustedCas: () => [trusted],
    webDist,
    rateLimit: { max: 1000, timeWindowMs: 60_000 },
    logger: false,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('API did not bind a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    database,
    ca,
    async close() {
      await app.close();
      mailer.close();
      await sink.close();
      await database.close();
      rmSync(caDir, { recursive: true, force: true });
    },
  };
}
