import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '@openofd/core';
import { createServerDatabase } from '@openofd/core/testing';

export interface DataEnv {
  /** OFD_DATA_DIR or OFD_DATABASE_URL for a child process. */
  env: Record<string, string>;
  /** Opens the same data in this process (only while no child holds a PGlite directory). */
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

/**
 * Storage for a gateway child process: a fresh PGlite directory, or a fresh
 * database on the server of `npm run test:pg` (OFD_TEST_DATABASE_URL).
 */
export async function createDataEnv(): Promise<DataEnv> {
  const serverUrl = process.env.OFD_TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'openofd-gw-'));
    return {
      env: { OFD_DATA_DIR: dir },
      open: () => openDatabase({ dataDir: dir }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const server = await createServerDatabase(serverUrl, 'gw');
  return {
    env: { OFD_DATABASE_URL: server.url },
    open: () => openDatabase({ url: server.url }),
    cleanup: () => server.drop(),
  };
}
