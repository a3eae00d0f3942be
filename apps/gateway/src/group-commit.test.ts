import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IngestDocumentInput, IngestOutcome } from '@openofd/core';
import { GroupCommitter } from './group-commit.js';

const doc = (fd: number) => ({ fdNumber: fd }) as IngestDocumentInput;

function recorder() {
  const batches: number[][] = [];
  let release: (() => void) | undefined;
  let gate: Promise<void> = Promise.resolve();
  return {
    batches,
    hold() {
      gate = new Promise((r) => {
        release = r;
      });
    },
    release: () => release?.(),
    store: async (docs: IngestDocumentInput[]): Promise<IngestOutcome[]> => {
      batches.push(docs.map((d) => d.fdNumber));
      await gate;
      return docs.map(() => 'stored');
    },
  };
}

test('documents arriving together share one transaction', async () => {
  const r = recorder();
  const c = new GroupCommitter({ store: r.store, maxBatch: 100, maxDelayMs: 5 });
  const outcomes = await Promise.all([1, 2, 3].map((fd) => c.submit(doc(fd))));
  assert.deepEqual(outcomes, ['stored', 'stored', 'stored']);
  assert.deepEqual(r.batches, [[1, 2, 3]]);
  // Default: no timer, the batch closes when the current I/O turn ends.
  const now = new GroupCommitter({ store: r.store });
  await Promise.all([4, 5].map((fd) => now.submit(doc(fd))));
  assert.deepEqual(r.batches[1], [4, 5]);
});

test('a full batch goes at once; what arrives during a commit waits for it and goes next', async () => {
  const r = recorder();
  const c = new GroupCommitter({ store: r.store, maxBatch: 2, maxDelayMs: 10_000 });
  r.hold();
  let settled = 0;
  const first = [c.submit(doc(1)), c.submit(doc(2))].map((p) => p.then(() => settled++));
  const later = [c.submit(doc(3)), c.submit(doc(4)), c.submit(doc(5))];
  await new Promise((res) => setTimeout(res, 20));
  // Nothing is resolved before its COMMIT resolves.
  assert.equal(settled, 0);
  assert.deepEqual(r.batches, [[1, 2]]);
  r.release();
  await Promise.all([...first, ...later.slice(0, 2)]);
  assert.deepEqual(r.batches.slice(0, 2), [
    [1, 2],
    [3, 4],
  ]);
  const closing = c.close();
  await later[2];
  await closing;
  assert.deepEqual(r.batches[2], [5]);
});

test('a failed transaction rejects every document of it and only those', async () => {
  let calls = 0;
  const c = new GroupCommitter({
    maxDelayMs: 1,
    store: async (docs) => {
      calls++;
      if (calls === 1) throw new Error('commit failed');
      return docs.map(() => 'duplicate');
    },
  });
  const failed = await Promise.allSettled([c.submit(doc(1)), c.submit(doc(2))]);
  assert.deepEqual(
    failed.map((f) => f.status),
    ['rejected', 'rejected'],
  );
  assert.equal(await c.submit(doc(1)), 'duplicate');
});

test('after close nothing new is accepted', async () => {
  const c = new GroupCommitter({ store: async (d) => d.map(() => 'stored') });
  await c.close();
  await assert.rejects(c.submit(doc(1)), /closed/);
});

test('a document failing on its data is isolated; the rest of its batch commits', async () => {
  const sizes: number[] = [];
  const c = new GroupCommitter({
    maxDelayMs: 5,
    store: async (docs) => {
      sizes.push(docs.length);
      if (docs.some((d) => d.fdNumber === 3)) {
        throw new Error('insert failed', {
          cause: Object.assign(new Error('out of range'), { code: '22003' }),
        });
      }
      return docs.map(() => 'stored');
    },
  });
  const results = await Promise.allSettled([1, 2, 3, 4, 5].map((fd) => c.submit(doc(fd))));
  assert.deepEqual(
    results.map((r) => r.status),
    ['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
  );
  assert.equal(sizes[0], 5);
});

test('a failure that is not about data (database down) fails the batch without retries', async () => {
  let calls = 0;
  const c = new GroupCommitter({
    maxDelayMs: 5,
    store: async () => {
      calls++;
      throw Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    },
  });
  const results = await Promise.allSettled([1, 2, 3].map((fd) => c.submit(doc(fd))));
  assert.ok(results.every((r) => r.status === 'rejected'));
  assert.equal(calls, 1);
});

test('a long queue saturates; it is relieved once drained to half', async () => {
  const r = recorder();
  const c = new GroupCommitter({ store: r.store, maxBatch: 2, maxQueued: 4 });
  r.hold();
  const all = [1, 2, 3, 4, 5, 6].map((fd) => c.submit(doc(fd)));
  await new Promise((res) => setImmediate(res));
  // [1, 2] in flight, 4 queued.
  assert.equal(c.saturated, true);
  assert.equal(c.pending, 6);
  let relieved = false;
  const relief = c.whenRelieved().then(() => {
    relieved = true;
  });
  r.release();
  await relief;
  assert.ok(relieved);
  await Promise.all(all);
  assert.equal(c.saturated, false);
});
