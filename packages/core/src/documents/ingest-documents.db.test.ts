import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Database } from '../db/database.js';
import { rowsOf } from '../db/migrate.js';
import { AppError } from '../errors.js';
import { listFiscalDrives } from '../registers/list-fiscal-drives.js';
import { listRegisters } from '../registers/list-registers.js';
import { closeShiftInput, receiptInput } from '../testing/document-inputs.js';
import { createTestDatabase } from '../testing/test-database.js';
import { getDocument } from './get-document.js';
import { ingestDocuments } from './ingest-documents.js';

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

async function count(table: string): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)),
  );
  return rows[0]?.n ?? -1;
}

/** The (FN/FD) keys listed by the fns.relay jobs, in job order: one job per batch that stored any. */
async function relayed(): Promise<string[][]> {
  const jobs = rowsOf<{ payload: { documents: [string, number][] } }>(
    await database.db.execute(sql`select payload from outbox where topic = 'fns.relay' order by id`),
  );
  return jobs.map((j) => j.payload.documents.map(([fn, fd]) => `${fn}/${fd}`));
}
const FN = '9999078900000001';

test('stores new documents once and reports retransmissions as duplicates', async () => {
  const { db } = database;
  const batch = [receiptInput({ fd: 1 }), receiptInput({ fd: 2 })];
  assert.deepEqual(await ingestDocuments({ db, documents: batch }), ['stored', 'stored']);
  assert.deepEqual(await ingestDocuments({ db, documents: [receiptInput({ fd: 2 })] }), ['duplicate']);
  assert.equal(await count('documents'), 2);
  assert.equal(await count('document_keys'), 2);
});

test('a batch with repeats inside and against stored documents stores each key once', async () => {
  const { db } = database;
  await ingestDocuments({ db, documents: [receiptInput({ fd: 5 })] });
  const outcomes = await ingestDocuments({
    db,
    documents: [
      receiptInput({ fd: 6 }),
      receiptInput({ fd: 5 }),
      receiptInput({ fd: 6 }),
      receiptInput({ fd: 7 }),
    ],
  });
  assert.deepEqual(outcomes, ['stored', 'duplicate', 'duplicate', 'stored']);
  assert.equal(await count('documents'), 3);
  assert.deepEqual(await relayed(), [[`${FN}/5`], [`${FN}/6`, `${FN}/7`]]);
});

test('any mix of repeats and stored keys: each key stored once, reported stored at its first new occurrence only', async () => {
  const { db } = database;
  let run = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 6 })), { maxLength: 6 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 6 })), {
        minLength: 1,
        maxLength: 14,
      }),
      async (before, batch) => {
        // Fresh FNs per run; FN order differs from input order (…9 < …10 as text is false).
        const fnOf = (f: number) => `99990789${String(run * 10 + [10, 9, 2][f]!).padStart(8, '0')}`;
        run++;
        const input = (keys: [number, number][]) => keys.map(([f, fd]) => receiptInput({ fn: fnOf(f), fd }));
        await ingestDocuments({ db, documents: input(before) });
        const seen = new Set(before.map(([f, fd]) => `${f}/${fd}`));
        const expected = batch.map(([f, fd]) => {
          const k = `${f}/${fd}`;
          if (seen.has(k)) return 'duplicate';
          seen.add(k);
          return 'stored';
        });
        assert.deepEqual(await ingestDocuments({ db, documents: input(batch) }), expected);
      },
    ),
    { numRuns: 15 },
  );
  assert.equal(await count('documents'), await count('document_keys'));
});

test('keeps the raw bytes verbatim, the JSON, and the query columns', async () => {
  const { db } = database;
  const input = receiptInput({
    fd: 9,
    cash: 12345,
    ecash: 678,
    docTime: '2026-12-04T23:59:58',
    buyer: 'buyer@example.com',
    cashier: 'Петров П.',
  });
  await ingestDocuments({ db, documents: [input] });
  const row = await getDocument({ db, fnNumber: input.fnNumber, fdNumber: 9 });
  assert.deepEqual(new Uint8Array(row.raw), input.raw);
  assert.deepEqual(row.document, input.document);
  assert.equal(row.docTime, '2026-12-04 23:59:58');
  assert.equal(row.receivedAt.getTime(), input.receivedAt.getTime());
  assert.equal(row.cashTotal, 12345);
  assert.equal(row.ecashTotal, 678);
  assert.equal(row.totalSum, 13023);
  assert.equal(row.prepaidTotal, 0);
  assert.equal(row.operationType, 1);
  assert.equal(row.cashier, 'Петров П.');
  assert.equal(row.rnm, '0000000005008570');
  assert.equal(row.userInn, '7702203276');
  assert.equal(row.ffdVersion, '1.2');
  assert.equal(row.fiscalSign, 2853205313);
  assert.equal(row.flkStatus, 'passed');
  assert.equal(row.cryptoStatus, 'verified');
});

test('the stored document is the exact JSON.stringify text; quoted, escaped and non-ASCII columns arrive intact', async () => {
  const { db } = database;
  // Quotes, backslashes, a comma and braces (array-literal syntax), Cyrillic and an astral character.
  const cashier = 'Кассир "Петров\\" {1,2} 😀';
  const input = receiptInput({ fd: 12, cashier, buyer: 'a"b@example.ru' });
  const body = input.document.receipt as Record<string, unknown>;
  body.items = [{ name: 'Кофе "Арабика" 1\\2 😀\n', price: 159900, quantity: 1.25, sum: 199875 }];
  const plain = receiptInput({ fd: 13 });
  await ingestDocuments({ db, documents: [input, plain] });
  const rows = rowsOf<{
    fd: number;
    text: string;
    cashier: string;
    buyer: string | null;
    violations: string;
  }>(
    await database.db.execute(sql`select fd_number::int as fd, document as text, cashier, buyer_contact as buyer,
      flk_violations::text as violations from documents order by fd_number`),
  );
  assert.deepEqual(
    rows.map((r) => [r.fd, r.text, r.cashier, r.buyer, r.violations]),
    [
      [12, JSON.stringify(input.document), cashier, 'a"b@example.ru', '[]'],
      [13, JSON.stringify(plain.document), 'Иванова А.', null, '[]'],
    ],
  );
});

test('ФЛК-failed documents are stored with their violations', async () => {
  const { db } = database;
  const input = {
    ...receiptInput({ fd: 3 }),
    flkViolations: [
      { tag: 1020, path: [3, 1020], rule: 'total', severity: 'error' as const, message: 'Сумма не сходится' },
    ],
  };
  await ingestDocuments({ db, documents: [input] });
  const row = await getDocument({ db, fnNumber: input.fnNumber, fdNumber: 3 });
  assert.equal(row.flkStatus, 'failed');
  assert.deepEqual(row.flkViolations, input.flkViolations);
  const warned = {
    ...receiptInput({ fd: 4 }),
    flkViolations: [
      { tag: 1203, path: [3, 1203], rule: 'inn', severity: 'warning' as const, message: 'ИНН' },
    ],
  };
  await ingestDocuments({ db, documents: [warned] });
  assert.equal((await getDocument({ db, fnNumber: warned.fnNumber, fdNumber: 4 })).flkStatus, 'passed');
});

test('outbox: one relay job per batch listing its stored keys, an e-receipt job per document with 1008', async () => {
  const { db } = database;
  const buyer = receiptInput({ fd: 1, buyer: '+79990001122' });
  await ingestDocuments({ db, documents: [receiptInput({ fd: 2 }), buyer] });
  // A batch of retransmissions only stores nothing and enqueues nothing.
  await ingestDocuments({ db, documents: [receiptInput({ fd: 1, buyer: '+79990001122' })] });
  assert.deepEqual(await relayed(), [[`${FN}/1`, `${FN}/2`]]);
  const mail = rowsOf<{ payload: Record<string, unknown> }>(
    await db.execute(sql`select payload from outbox where topic = 'receipt.email' order by id`),
  );
  assert.equal(mail.length, 1);
  const { receivedAt, ...rest } = mail[0]?.payload ?? {};
  assert.deepEqual(rest, { fnNumber: FN, fdNumber: 1, contact: '+79990001122' });
  assert.equal(new Date(String(receivedAt)).getTime(), buyer.receivedAt.getTime());
});

test('a failing batch leaves no documents, keys, registers or outbox rows', async () => {
  const { db } = database;
  const poisoned = receiptInput({ fd: 2 });
  // 1e300 kopecks does not fit bigint: the database fails after the key rows were inserted.
  (poisoned.document.receipt as Record<string, unknown>).totalSum = 1e300;
  await assert.rejects(
    ingestDocuments({ db, documents: [receiptInput({ fd: 1, buyer: 'a@b.ru' }), poisoned] }),
    (err: unknown) => err instanceof AppError && err.code === 'UNAVAILABLE',
  );
  for (const table of ['documents', 'document_keys', 'registers', 'fiscal_drives', 'outbox']) {
    assert.equal(await count(table), 0, table);
  }
  assert.deepEqual(await ingestDocuments({ db, documents: [receiptInput({ fd: 1 })] }), ['stored']);
});

test('invalid input is refused before anything is written', async () => {
  const { db } = database;
  await assert.rejects(
    ingestDocuments({
      db,
      documents: [receiptInput({ fd: 1 }), { ...receiptInput({ fd: 2 }), fnNumber: '12ab' }],
    }),
    (err: unknown) => err instanceof AppError && err.code === 'INVALID_INPUT',
  );
  assert.equal(await count('documents'), 0);
});

test('registers and fiscal drives are learned, and late documents do not roll them back', async () => {
  const { db } = database;
  await ingestDocuments({
    db,
    documents: [
      receiptInput({ fd: 10, docTime: '2026-12-04T10:00:00' }),
      closeShiftInput({
        fd: 11,
        docTime: '2026-12-04T20:00:00',
        backlog: 4,
        backlogOldest: '2026-12-03T09:00:00',
        backlogFirstFd: 7,
        keyResourceDays: 30,
      }),
    ],
  });
  // A late retransmission of an older document.
  await ingestDocuments({ db, documents: [receiptInput({ fd: 8, docTime: '2026-12-03T09:00:00' })] });
  const [d] = await listFiscalDrives({ db });
  assert.deepEqual(
    d && {
      fd: d.lastFdNumber,
      t: d.lastDocTime,
      backlog: d.backlogCount,
      oldest: d.backlogOldestTime,
      first_fd: d.backlogFirstFd,
      days: d.keyResourceDays,
      expires: d.expiresOn,
      rnm: d.rnm,
      user_inn: d.userInn,
    },
    {
      fd: 11,
      t: '2026-12-04 20:00:00',
      backlog: 4,
      oldest: '2026-12-03 09:00:00',
      first_fd: 7,
      days: 30,
      expires: '2027-01-03',
      rnm: '0000000005008570',
      user_inn: '7702203276',
    },
  );
  const [r] = await listRegisters({ db });
  assert.deepEqual(
    r && {
      rnm: r.rnm,
      kkt_serial: r.kktSerial,
      user_name: r.userName,
      address: r.address,
      fn_number: r.fnNumber,
      fd: r.lastFdNumber,
      t: r.lastDocTime,
      ffd_version: r.ffdVersion,
    },
    {
      rnm: '0000000005008570',
      kkt_serial: '000000000002',
      user_name: 'ООО Ромашка',
      address: 'г. Москва, ул. Тверская, 1',
      fn_number: '9999078900000001',
      fd: 11,
      t: '2026-12-04 20:00:00',
      ffd_version: '1.2',
    },
  );
  // A later shift close with an empty backlog clears it.
  await ingestDocuments({
    db,
    documents: [closeShiftInput({ fd: 20, docTime: '2026-12-05T20:00:00', backlog: 0 })],
  });
  const [after] = rowsOf<{ backlog: number; first_fd: number | null }>(
    await db.execute(
      sql`select backlog_count::int as backlog, backlog_first_fd::int as first_fd from fiscal_drives`,
    ),
  );
  assert.deepEqual(after, { backlog: 0, first_fd: null });
});

test('a NUL character in a decoded string does not break the batch; the raw bytes keep it', async () => {
  const { db } = database;
  const input = receiptInput({ fd: 50, cashier: 'Иванов\u0000' });
  assert.deepEqual(await ingestDocuments({ db, documents: [input, receiptInput({ fd: 51 })] }), [
    'stored',
    'stored',
  ]);
  const row = await getDocument({ db, fnNumber: input.fnNumber, fdNumber: 50 });
  assert.equal(row.cashier, 'Иванов\ufffd');
  assert.equal((row.document.receipt as Record<string, unknown>).operator, 'Иванов\ufffd');
  assert.deepEqual(new Uint8Array(row.raw), input.raw);
});

test('a retransmission in the same batch as new documents teaches the drive nothing', async () => {
  const { db } = database;
  await ingestDocuments({
    db,
    documents: [
      receiptInput({ fd: 3, userInn: '7707083893' }),
      receiptInput({ fd: 5, userInn: '7702203276' }),
    ],
  });
  // FD 3 again (already stored) beside a new FD 7 that carries no user INN:
  // the drive keeps FD 5's INN rather than taking the retransmitted FD 3's.
  const fresh = receiptInput({ fd: 7 });
  delete (fresh.document.receipt as Record<string, unknown>).userInn;
  assert.deepEqual(
    await ingestDocuments({ db, documents: [receiptInput({ fd: 3, userInn: '7707083893' }), fresh] }),
    ['duplicate', 'stored'],
  );
  const [drive] = await listFiscalDrives({ db });
  assert.deepEqual([drive?.lastFdNumber, drive?.userInn], [7, '7702203276']);
  assert.deepEqual(await relayed(), [[`${FN}/3`, `${FN}/5`], [`${FN}/7`]]);
});

test("inside a caller's transaction the batch commits or rolls back with it", async () => {
  const { db } = database;
  await assert.rejects(
    db.transaction(async (tx) => {
      assert.deepEqual(await ingestDocuments({ db: tx, documents: [receiptInput({ fd: 60 })] }), ['stored']);
      throw new Error('caller gives up');
    }),
    /caller gives up/,
  );
  assert.equal(await count('documents'), 0);
  const input = receiptInput({ fd: 61, buyer: 'a@b.ru' });
  await db.transaction(async (tx) => {
    assert.deepEqual(await ingestDocuments({ db: tx, documents: [input] }), ['stored']);
  });
  const row = await getDocument({ db, fnNumber: input.fnNumber, fdNumber: 61 });
  assert.deepEqual(new Uint8Array(row.raw), input.raw);
  assert.deepEqual(row.document, input.document);
  assert.deepEqual(await relayed(), [[`${FN}/61`]]);
});
