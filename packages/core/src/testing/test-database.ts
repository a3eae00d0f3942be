import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default,
 * or a new database on the server named by OFD_TEST_DATABASE_URL (`npm run test:pg`).
 * `close()` drops it.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.OFD_TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase();
    await migrate(database);
    return database;
  }
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 10 });
  await migrate(database);
  return {
    ...database,
    async close() {
      await database.close();
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
