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
  const server = await createServerDatabase(serverUrl, 'test');
  const database = await openDatabase({ url: server.url, poolSize: 10 });
  await migrate(database);
  return {
    ...database,
    async close() {
      await database.close();
      await server.drop();
    },
  };
}

export interface ServerDatabase {
  /** `serverUrl` with the new database's name as its path. */
  url: string;
  /** Drops the database, ending connections still open to it. */
  drop(): Promise<void>;
}

/** A new, empty database `<prefix>_<random hex>` on the PostgreSQL server at `serverUrl`. */
export async function createServerDatabase(serverUrl: string, prefix: string): Promise<ServerDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

/** One statement on a short-lived connection to the server's own database (the test database cannot host its own create or drop). */
async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
