import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '@openofd/core';
import pg from 'pg';

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
  const name = `gw_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { OFD_DATABASE_URL: url.toString() },
    open: () => openDatabase({ url: url.toString() }),
    async cleanup() {
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
