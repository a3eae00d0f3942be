import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database, Db } from './database.js';

// Migrations are plain SQL files (packages/core/migrations/NNNN_name.sql), applied
// in name order, each once, inside a transaction. Hand-written rather than
// generated: partitioned tables and their indexes are beyond drizzle-kit, and the
// same file must run unchanged on PGlite and PostgreSQL 15.
const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
}

export function listMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(`${dir}/${name}`, 'utf8') }));
}

/** Applies pending migrations; returns the names applied. Safe to run concurrently. */
export async function migrate(
  database: Database,
  migrations: Migration[] = listMigrations(),
): Promise<string[]> {
  const { db } = database;
  await database.exec(
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
  );
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    // Serialises concurrent migrators (several processes starting at once).
    await tx.execute(sql`select pg_advisory_xact_lock(7777001)`);
    const rows = await tx.execute<{ name: string }>(sql`select name from schema_migrations`);
    const done = new Set(rowsOf<{ name: string }>(rows).map((r) => r.name));
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await execScript(database, tx, m.sql);
      await tx.execute(sql`insert into schema_migrations (name) values (${m.name})`);
      applied.push(m.name);
    }
  });
  return applied;
}

// A migration holds several statements. node-postgres runs a parameterless query
// through the simple protocol, which allows that; PGlite's query() uses the
// extended protocol, which does not, so on PGlite the script goes through the
// transaction client's exec().
async function execScript(database: Database, tx: Db, script: string): Promise<void> {
  if (database.kind === 'pglite') {
    const { client } = (tx as unknown as { session: { client: { exec(q: string): Promise<unknown> } } })
      .session;
    await client.exec(script);
    return;
  }
  await tx.execute(sql.raw(script));
}

/** node-postgres returns { rows }, PGlite returns { rows } too; normalise defensively. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
