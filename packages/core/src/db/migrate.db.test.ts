import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../testing/test-database.js';
import type { Database } from './database.js';
import { listMigrations, migrate, rowsOf } from './migrate.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database.close();
});

test('all migrations are applied once, and a second run applies nothing', async () => {
  const rows = rowsOf<{ name: string }>(
    await database.db.execute(sql`select name from schema_migrations order by name`),
  );
  assert.deepEqual(
    rows.map((r) => r.name),
    listMigrations().map((m) => m.name),
  );
  assert.deepEqual(await migrate(database), []);
});

test('a failing migration rolls back entirely', async () => {
  await assert.rejects(
    migrate(database, [
      ...listMigrations(),
      { name: '9999_broken.sql', sql: 'create table half_done (id int); select * from no_such_table;' },
    ]),
  );
  const rows = rowsOf<{ n: number }>(
    await database.db.execute(
      sql`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`,
    ),
  );
  assert.equal(rows[0]?.n, 0);
});
