import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../db/database.js';
import { ingestDocuments } from '../documents/ingest-documents.js';
import { closeShiftInput, receiptInput } from '../testing/document-inputs.js';
import { createTestDatabase } from '../testing/test-database.js';
import { listFiscalDrives } from './list-fiscal-drives.js';
import { listRegisters } from './list-registers.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
  await ingestDocuments({
    db: database.db,
    documents: [
      receiptInput({ fd: 1, fn: '9999078900000002', rnm: '0000000002000001', userInn: '500100732259' }),
      receiptInput({ fd: 1, fn: '9999078900000001', rnm: '0000000005008570' }),
      closeShiftInput({ fd: 2, fn: '9999078900000001', docTime: '2026-12-04T21:00:00', backlog: 3 }),
    ],
  });
});
after(async () => {
  await database.close();
});

test('lists registers and fiscal drives, all or of one user', async () => {
  const { db } = database;
  assert.deepEqual(
    (await listRegisters({ db })).map((r) => [r.rnm, r.userInn, r.fnNumber]),
    [
      ['0000000002000001', '500100732259', '9999078900000002'],
      ['0000000005008570', '7702203276', '9999078900000001'],
    ],
  );
  assert.deepEqual(
    (await listRegisters({ db, userInn: '500100732259' })).map((r) => r.rnm),
    ['0000000002000001'],
  );
  const drives = await listFiscalDrives({ db, userInn: '7702203276' });
  assert.deepEqual(
    drives.map((d) => [d.fnNumber, d.lastFdNumber, d.backlogCount]),
    [['9999078900000001', 2, 3]],
  );
});
