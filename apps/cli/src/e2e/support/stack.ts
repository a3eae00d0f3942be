import { createHarness } from '@openofd/api/testing';
import type { Database, TestCa } from '@openofd/core';
import { ensureWebBuilt, webDist } from './web-dist.js';

export interface Stack {
  /** http://127.0.0.1:<random port> */
  url: string;
  database: Database;
  ca: TestCa;
  close(): Promise<void>;
}

/**
 * The real cabinet: the API test harness (buildApp with a fresh database,
 * letters over SMTP into the in-process dev sink, SMS into the dev outbox,
 * a throwaway test CA as the trusted root) on a random port, serving the built web app.
 */
export async function startStack(): Promise<Stack> {
  ensureWebBuilt();
  const { app, database, ca, close } = await createHarness({
    // Letters carry this origin; the dev mailbox page opens cabinet links on its own origin.
    publicUrl: 'http://cabinet.openofd.test',
    webDist,
    logger: false,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('API did not bind a TCP port');
  return { url: `http://127.0.0.1:${address.port}`, database, ca, close };
}
