import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { rowsOf } from '../db/migrate.js';
import { receiptInput } from '../testing/document-inputs.js';
import { createTestDatabase } from '../testing/test-database.js';
import { ensureDocumentPartitions } from './ensure-document-partitions.js';
import { ingestDocuments } from './ingest-documents.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database.close();
});

async function partitionOf(fd: number): Promise<string | undefined> {
  const rows = rowsOf<{ part: string }>(
    await database.db.execute(
      sql`select tableoid::regclass::text as part from documents where fd_number = ${fd}`,
    ),
  );
  return rows[0]?.part;
}

test('documents is partitioned by month of receipt, with months created ahead', async () => {
  const { db } = database;
  const [kind] = rowsOf<{ strategy: string }>(
    await db.execute(
      sql`select partstrat as strategy from pg_partitioned_table where partrelid = 'documents'::regclass`,
    ),
  );
  assert.equal(kind?.strategy, 'r');
  // The migration made the current month and two ahead; asking again creates nothing.
  assert.equal(await ensureDocumentPartitions({ db }), 0);
  const now = new Date();
  const month = `${now.getUTCFullYear()}_${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  await ingestDocuments({ db, documents: [receiptInput({ fd: 1, receivedAt: now })] });
  assert.equal(await partitionOf(1), `documents_${month}`);
});

test('a month without a partition lands in the default one until maintenance creates it', async () => {
  const { db } = database;
  await ingestDocuments({
    db,
    documents: [receiptInput({ fd: 2, receivedAt: new Date('2031-05-10T12:00:00Z') })],
  });
  assert.equal(await partitionOf(2), 'documents_default');
  assert.equal(await ensureDocumentPartitions({ db, from: new Date('2031-07-01T00:00:00Z'), months: 2 }), 2);
  await ingestDocuments({
    db,
    documents: [receiptInput({ fd: 3, receivedAt: new Date('2031-08-31T23:59:59Z') })],
  });
  assert.equal(await partitionOf(3), 'documents_2031_08');
});

test('the same (FN, FD) received in two different months is stored once', async () => {
  const { db } = database;
  await ensureDocumentPartitions({ db, from: new Date('2030-01-01T00:00:00Z'), months: 2 });
  const first = await ingestDocuments({
    db,
    documents: [receiptInput({ fd: 4, receivedAt: new Date('2030-01-31T23:59:59Z') })],
  });
  const again = await ingestDocuments({
    db,
    documents: [receiptInput({ fd: 4, receivedAt: new Date('2030-02-01T00:00:01Z') })],
  });
  assert.deepEqual([...first, ...again], ['stored', 'duplicate']);
  assert.equal(await partitionOf(4), 'documents_2030_01');
});

test('rows up to a page stay inline and uncompressed, in existing and newly created partitions', async () => {
  const { db } = database;
  await ensureDocumentPartitions({ db, from: new Date('2032-03-01T00:00:00Z'), months: 1 });
  // 2.8 kB of easily compressed text, in the cashier column and in the JSON.
  const long = 'Kassir '.repeat(400);
  for (const [fd, receivedAt] of [
    [5, new Date()],
    [6, new Date('2032-03-15T12:00:00Z')],
  ] as const) {
    await ingestDocuments({ db, documents: [receiptInput({ fd, receivedAt, cashier: long })] });
    const [row] = rowsOf<{ compression: string | null; toast: number; part: string }>(
      await db.execute(sql`select pg_column_compression(d.document) as compression,
        pg_relation_size(c.reltoastrelid)::int as toast, c.relname::text as part
        from documents d join pg_class c on c.oid = d.tableoid where d.fd_number = ${fd}`),
    );
    assert.deepEqual(
      { compression: row?.compression, toast: row?.toast },
      { compression: null, toast: 0 },
      row?.part,
    );
  }
});
