import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

// Both engines expose the same drizzle surface; queries are written once.
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Runs raw SQL (several statements allowed); used by migrations. */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… ; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; `memory://` or absent for an in-memory database. */
  dataDir?: string | undefined;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 20 });
    // A dropped idle connection must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    await pool.query('select 1');
    return {
      db: drizzleNodePg(pool) as unknown as Db,
      kind: 'postgres',
      async exec(sqlText) {
        await pool.query(sqlText);
      },
      async close() {
        await pool.end();
      },
    };
  }
  const client =
    options.dataDir && options.dataDir !== 'memory://' ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  return {
    db: drizzlePglite(client) as unknown as Db,
    kind: 'pglite',
    async exec(sqlText) {
      await client.exec(sqlText);
    },
    async close() {
      await client.close();
    },
  };
}
