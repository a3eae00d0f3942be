import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { receiptInput } from '../testing/document-inputs.js';
import { createTestDatabase } from '../testing/test-database.js';
import { findDocuments } from './find-documents.js';
import { ingestDocuments } from './ingest-documents.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
  const base = Date.now() - 60_000;
  // 25 receipts of one drive, one per second, plus 5 of another drive and user.
  await ingestDocuments({
    db: database.db,
    documents: [
      ...Array.from({ length: 25 }, (_, i) =>
        receiptInput({
          fd: i + 1,
          receivedAt: new Date(base + i * 1000),
          docTime: `2026-12-0${1 + (i % 3)}T12:00:00`,
        }),
      ),
      ...Array.from({ length: 5 }, (_, i) =>
        receiptInput({
          fn: '9999078900000002',
          fd: i + 1,
          userInn: '500100732259',
          receivedAt: new Date(base),
        }),
      ),
    ],
  });
});
after(async () => {
  await database.close();
});

test('pages through one drive newest first with a cursor, without gaps or repeats', async () => {
  const seen: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await findDocuments({
      db: database.db,
      fnNumber: '9999078900000001',
      limit: 10,
      ...(cursor ? { cursor } : {}),
    });
    seen.push(...page.items.map((d) => d.fdNumber));
    cursor = page.nextCursor;
  } while (cursor);
  assert.deepEqual(
    seen,
    Array.from({ length: 25 }, (_, i) => 25 - i),
  );
});

test('filters by FD number, user INN and register-local period', async () => {
  const { db } = database;
  const one = await findDocuments({ db, fnNumber: '9999078900000001', fdNumber: 7 });
  assert.deepEqual(
    one.items.map((d) => [d.fnNumber, d.fdNumber]),
    [['9999078900000001', 7]],
  );
  assert.equal((await findDocuments({ db, userInn: '500100732259' })).items.length, 5);
  const day = await findDocuments({
    db,
    fnNumber: '9999078900000001',
    docTimeFrom: '2026-12-02',
    docTimeTo: '2026-12-03',
  });
  assert.equal(day.items.length, 8);
  assert.ok(day.items.every((d) => d.docTime === '2026-12-02 12:00:00'));
});

test('a malformed cursor or limit is a clear INVALID_INPUT', async () => {
  const { db } = database;
  const invalid = (err: unknown) => err instanceof AppError && err.code === 'INVALID_INPUT';
  await assert.rejects(findDocuments({ db, cursor: 'not-a-cursor' }), invalid);
  await assert.rejects(findDocuments({ db, limit: 0 }), invalid);
});
