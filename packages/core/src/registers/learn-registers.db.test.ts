import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { rowsOf } from '../db/migrate.js';
import { ingestDocuments } from '../documents/ingest-documents.js';
import { receiptInput } from '../testing/document-inputs.js';
import { createTestDatabase } from '../testing/test-database.js';
import { listFiscalDrives } from './list-fiscal-drives.js';
import { listRegisters } from './list-registers.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.exec('truncate documents, document_keys, registers, fiscal_drives, outbox restart identity');
});

/** The row versions (xmin) of the drive and register: they change exactly when a row is written. */
async function versions(): Promise<string[]> {
  const rows = rowsOf<{ v: string }>(
    await database.db.execute(sql`select xmin::text as v from fiscal_drives
      union all select xmin::text from registers`),
  );
  return rows.map((r) => r.v);
}

function withAddress(fd: number, docTime: string, address: string) {
  const input = receiptInput({ fd, docTime });
  (input.document.receipt as Record<string, unknown>).retailPlaceAddress = address;
  return input;
}

test('a document that carries nothing new writes neither row; the last FD comes from the documents', async () => {
  const { db } = database;
  await ingestDocuments({ db, documents: [receiptInput({ fd: 1, docTime: '2026-12-04T10:00:00' })] });
  const before = await versions();
  assert.equal(before.length, 2);
  await ingestDocuments({ db, documents: [receiptInput({ fd: 2, docTime: '2026-12-04T10:05:00' })] });
  assert.deepEqual(await versions(), before);
  const [drive] = await listFiscalDrives({ db });
  const [register] = await listRegisters({ db });
  for (const row of [drive, register]) {
    assert.deepEqual([row?.lastFdNumber, row?.lastDocTime], [2, '2026-12-04 10:05:00']);
    assert.ok(row?.lastReceivedAt instanceof Date);
  }
  // A changed field is learned (and writes the rows again).
  await ingestDocuments({ db, documents: [withAddress(3, '2026-12-04T11:00:00', 'г. Тверь, ул. Новая, 2')] });
  assert.notDeepEqual(await versions(), before);
  assert.equal((await listRegisters({ db }))[0]?.address, 'г. Тверь, ул. Новая, 2');
});

test('a late document older than skipped ones only fills gaps', async () => {
  const { db } = database;
  const inn = (fd: number, userInn: string, docTime: string) => receiptInput({ fd, userInn, docTime });
  await ingestDocuments({
    db,
    documents: [
      withAddress(10, '2026-12-04T10:00:00', 'Адрес А'),
      inn(11, '7702203276', '2026-12-04T10:10:00'),
    ],
  });
  // FD 20 repeats what the rows hold: nothing is written, so the rows still
  // name FD 10/11 as their source. FD 15 arrives late with other values: it is
  // older than FD 20 (a stored document), so it must not overwrite them.
  await ingestDocuments({ db, documents: [withAddress(20, '2026-12-04T12:00:00', 'Адрес А')] });
  const late = withAddress(15, '2026-12-04T11:00:00', 'Адрес Б');
  (late.document.receipt as Record<string, unknown>).userInn = '7707083893';
  assert.deepEqual(await ingestDocuments({ db, documents: [late] }), ['stored']);
  const [drive] = await listFiscalDrives({ db });
  const [register] = await listRegisters({ db });
  assert.deepEqual([drive?.userInn, drive?.lastFdNumber], ['7702203276', 20]);
  assert.deepEqual(
    [register?.address, register?.userInn, register?.lastDocTime],
    ['Адрес А', '7702203276', '2026-12-04 12:00:00'],
  );
});
