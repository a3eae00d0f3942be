import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { rowsOf } from '../db/migrate.js';
import { createTestDatabase } from '../testing/test-database.js';
import { claimOutbox } from './claim-outbox.js';
import { completeOutbox } from './complete-outbox.js';
import { enqueueOutbox } from './enqueue-outbox.js';
import { failOutbox } from './fail-outbox.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.exec('truncate outbox restart identity');
});

const jobs = (n: number, topic = 'fns.relay') =>
  Array.from({ length: n }, (_, i) => ({ topic, payload: { n: i + 1 } }));

test('claims due jobs of one topic in order, and a claimed job is not handed out twice', async () => {
  const { db } = database;
  await enqueueOutbox({ db, messages: [...jobs(3), ...jobs(2, 'receipt.email')] });
  const first = await claimOutbox({ db, topic: 'fns.relay', limit: 2 });
  assert.deepEqual(
    first.map((j) => [j.payload.n, j.attempts]),
    [
      [1, 1],
      [2, 1],
    ],
  );
  const second = await claimOutbox({ db, topic: 'fns.relay', limit: 10 });
  assert.deepEqual(
    second.map((j) => j.payload.n),
    [3],
  );
  assert.deepEqual(await claimOutbox({ db, topic: 'fns.relay' }), []);
  assert.equal((await claimOutbox({ db, topic: 'receipt.email' })).length, 2);
});

test('concurrent claimers get disjoint jobs', async () => {
  const { db } = database;
  await enqueueOutbox({ db, messages: jobs(40) });
  const claims = await Promise.all(
    Array.from({ length: 4 }, () => claimOutbox({ db, topic: 'fns.relay', limit: 15 })),
  );
  const ids = claims.flat().map((j) => j.id);
  assert.equal(ids.length, 40);
  assert.equal(new Set(ids).size, 40);
});

test('completed jobs are done; failed ones come back after the delay; expired leases return', async () => {
  const { db } = database;
  await enqueueOutbox({ db, messages: jobs(3) });
  const [a, b, c] = await claimOutbox({ db, topic: 'fns.relay', leaseMs: 1 });
  assert.ok(a && b && c);
  assert.equal(await completeOutbox({ db, ids: [a.id] }), 1);
  assert.equal(await completeOutbox({ db, ids: [a.id] }), 0);
  await failOutbox({ db, id: b.id, error: 'ФНС недоступна', retryInMs: 60_000 });
  await new Promise((r) => setTimeout(r, 20));
  // c's 1 ms lease has expired: it is due again, with its attempt counted.
  const again = await claimOutbox({ db, topic: 'fns.relay' });
  assert.deepEqual(
    again.map((j) => [j.id, j.attempts]),
    [[c.id, 2]],
  );
  const [failed] = rowsOf<{ last_error: string; later: boolean }>(
    await db.execute(sql`select last_error, available_at > now() as later from outbox where id = ${b.id}`),
  );
  assert.deepEqual(failed, { last_error: 'ФНС недоступна', later: true });
});
