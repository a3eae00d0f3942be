import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { type Database, getDocument, type IngestDocumentInput, rowsOf } from '@openofd/core';
import { createTestDatabase } from '@openofd/core/testing';
import { decodeDocumentTags, decodeMessage, encodeMessage, splitDocument } from '@openofd/protocol';
import { sql } from 'drizzle-orm';
import { createHarness, MASTER_KEY } from './testing/harness.js';
import { buildMessage, concat, GOLDEN, GOLDEN_FN } from './testing/messages.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.exec('truncate documents, document_keys, registers, fiscal_drives, outbox');
});

async function storedCount(): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await database.db.execute(sql`select count(*)::int as n from documents`),
  );
  return row?.n ?? -1;
}

test('the real golden message is stored verbatim, unverified, and confirmed with 1022 = 0', async () => {
  const h = createHarness({ database, crypto: 'none' });
  const c = h.connect();
  c.toServer.write(GOLDEN);
  const [reply] = await c.reader.waitFor(1);
  assert.deepEqual([reply?.fn, reply?.fd, reply?.code, reply?.fpo], [GOLDEN_FN, 1, 0, false]);
  const row = await getDocument({ db: database.db, fnNumber: GOLDEN_FN, fdNumber: 1 });
  assert.deepEqual(new Uint8Array(row.raw), GOLDEN);
  assert.equal(row.cryptoStatus, 'unverified');
  assert.equal(row.formCode, 11);
  assert.equal(row.rnm, '0000000005008570');
  assert.equal(row.docTime, '2017-03-03 11:38:00');
  assert.equal(row.ffdVersion, '1.05');
  // The reply echoes the request's headers (protocol.md §1.6).
  const request = decodeMessage(GOLDEN);
  assert.equal(reply?.message.session.aVersion, request.session.aVersion);
  assert.deepEqual(reply?.message.container.service1, request.container.service1);
  assert.equal(reply?.message.container.documentType, 7);
});

test('several messages on one connection are stored and confirmed in order; retransmissions once', async () => {
  const h = createHarness({ database });
  const c = h.connect();
  const messages = [1, 2, 3, 4, 5].map((fd) => buildMessage({ fd }));
  c.toServer.write(concat(...messages, messages[1]!));
  const replies = await c.reader.waitFor(6);
  assert.deepEqual(
    replies.map((r) => [r.fd, r.code]),
    [
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 0],
      [2, 0],
    ],
  );
  // The same document again on a new connection: confirmed again, not stored twice.
  const again = h.connect();
  again.toServer.write(messages[0]!);
  assert.equal((await again.reader.waitFor(1))[0]?.code, 0);
  assert.equal(await storedCount(), 5);
  const { values } = await h.metrics.duplicates.get();
  assert.equal(values[0]?.value, 2);
});

test('one message then close: the confirmation still goes out on the open half', async () => {
  const h = createHarness({ database });
  const c = h.connect();
  c.toServer.end(buildMessage({ fd: 42 }));
  const [reply] = await c.reader.waitFor(1);
  assert.equal(reply?.fd, 42);
  await c.reader.waitEnd();
  await c.session.done;
});

test('a message split at every byte offset is decoded and confirmed', async () => {
  const outcomes: IngestDocumentInput[] = [];
  const h = createHarness({
    store: async (docs) => {
      outcomes.push(...docs);
      return docs.map(() => 'stored' as const);
    },
  });
  for (let cut = 1; cut < GOLDEN.length; cut++) {
    const c = h.connect();
    c.toServer.write(GOLDEN.subarray(0, cut));
    await new Promise((r) => setImmediate(r));
    c.toServer.write(GOLDEN.subarray(cut));
    const [reply] = await c.reader.waitFor(1);
    assert.equal(reply?.code, 0, `cut at ${cut}`);
    c.toServer.end();
  }
  assert.equal(outcomes.length, GOLDEN.length - 1);
  assert.ok(outcomes.every((d) => d.raw.length === GOLDEN.length && d.fdNumber === 1));
});

test('a document failing ФЛК is stored with its violations and answered with 14', async () => {
  const h = createHarness({ database });
  const c = h.connect();
  c.toServer.write(
    buildMessage({
      fd: 7,
      edit: (f) => {
        delete f.kktRegId;
      },
    }),
  );
  const [reply] = await c.reader.waitFor(1);
  assert.equal(reply?.code, 14);
  const row = await getDocument({ db: database.db, fnNumber: GOLDEN_FN, fdNumber: 7 });
  assert.equal(row.flkStatus, 'failed');
  assert.ok(row.flkViolations.some((v) => v.tag === 1037 && v.severity === 'error'));
});

test('a document the container mislabels is answered with 11 and not stored', async () => {
  const h = createHarness({ database });
  const c = h.connect();
  const good = decodeMessage(buildMessage({ fd: 8 }));
  const mislabelled = encodeMessage({
    aVersion: good.session.aVersion,
    fnNumber: GOLDEN_FN,
    documentType: 3,
    fdNumber: 8,
    body: good.body,
  });
  c.toServer.write(mislabelled);
  assert.equal((await c.reader.waitFor(1))[0]?.code, 11);
  assert.equal(await storedCount(), 0);
});

test('garbage gets a specific rejection and a closed connection; earlier messages are still confirmed', async () => {
  const h = createHarness({ database });
  const c = h.connect();
  // Separate chunks: the garbage arrives while the first message is still being committed.
  c.toServer.write(buildMessage({ fd: 1 }));
  await new Promise((r) => setImmediate(r));
  c.toServer.write(Uint8Array.from([0x2a, 0x08, 0x41, 0x0b, 1, 2, 3]));
  await c.reader.waitEnd();
  assert.deepEqual(
    c.reader.replies.map((r) => r.fd),
    [1],
  );
  assert.equal(await h.rejected('bad_signature'), 1);
  await c.session.done;
});

test('sound messages ahead of garbage in the same chunk are stored and confirmed, then the connection closes', async () => {
  const h = createHarness({ database });
  const c = h.connect();
  c.toServer.write(
    concat(
      buildMessage({ fd: 1 }),
      buildMessage({ fd: 2 }),
      Uint8Array.from([0x2a, 0x08, 0x41, 0x0b, 1, 2, 3]),
    ),
  );
  await c.reader.waitEnd();
  assert.deepEqual(
    c.reader.replies.map((r) => [r.fd, r.code]),
    [
      [1, 0],
      [2, 0],
    ],
  );
  assert.equal(await storedCount(), 2);
  assert.equal(await h.rejected('bad_signature'), 1);
  await c.session.done;
});

test('a bad CRC and an oversized frame are rejected as such', async () => {
  const h = createHarness({ database });
  const bad = buildMessage({ fd: 3 });
  bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0xff;
  const c1 = h.connect();
  c1.toServer.write(bad);
  await c1.reader.waitEnd();
  assert.equal(await h.rejected('bad_crc'), 1);
  // A session header announcing a 60000-byte body is refused from its 30 bytes alone.
  const huge = GOLDEN.slice(0, 30);
  huge[24] = 60000 & 0xff;
  huge[25] = 60000 >> 8;
  const c2 = h.connect();
  c2.toServer.write(huge);
  await c2.reader.waitEnd();
  assert.equal(await h.rejected('frame_too_large'), 1);
  assert.equal(c1.reader.replies.length + c2.reader.replies.length, 0);
  assert.equal(await storedCount(), 0);
});

test('slow loris: a message trickling in past its deadline is cut off', async () => {
  const h = createHarness({ database, limits: { messageTimeoutMs: 150, idleTimeoutMs: 1000 } });
  const c = h.connect();
  const message = buildMessage({ fd: 9 });
  let i = 0;
  const drip = setInterval(() => {
    if (!c.reader.ended && i < message.length) c.toServer.write(message.subarray(i, ++i));
  }, 10);
  await c.reader.waitEnd(3000);
  clearInterval(drip);
  assert.equal(await h.rejected('message_timeout'), 1);
  assert.equal(c.reader.replies.length, 0);
});

test('an idle connection is closed', async () => {
  const h = createHarness({ database, limits: { idleTimeoutMs: 100 } });
  const c = h.connect();
  await c.reader.waitEnd(2000);
  await c.session.done;
});

test('nothing is confirmed when the commit fails', async () => {
  const h = createHarness({
    store: async () => {
      throw new Error('disk on fire');
    },
  });
  const c = h.connect();
  c.toServer.write(concat(buildMessage({ fd: 1 }), buildMessage({ fd: 2 })));
  await c.reader.waitEnd();
  assert.equal(c.reader.replies.length, 0);
  assert.equal(await h.rejected('commit_failed'), 1);
});

test('emulated crypto: a signed message is verified and answered with a ФПО; a tampered one is refused', async () => {
  const h = createHarness({ database, crypto: 'emulated' });
  const c = h.connect();
  c.toServer.write(buildMessage({ fd: 21, masterKey: MASTER_KEY }));
  const [reply] = await c.reader.waitFor(1);
  assert.deepEqual([reply?.code, reply?.fpo], [0, true]);
  assert.equal(
    (await getDocument({ db: database.db, fnNumber: GOLDEN_FN, fdNumber: 21 })).cryptoStatus,
    'verified',
  );
  // Signed with another master key: the ФПС does not verify. The frame itself is fine (CRC recomputed).
  const forged = h.connect();
  forged.toServer.write(buildMessage({ fd: 22, masterKey: 'someone else' }));
  await forged.reader.waitEnd();
  assert.equal(forged.reader.replies.length, 0);
  assert.equal(await h.rejected('bad_fiscal_sign'), 1);
  assert.equal(await storedCount(), 1);
});

test('shutdown confirms what is in flight and closes', async () => {
  const h = createHarness({ database });
  const c = h.connect();
  c.toServer.write(buildMessage({ fd: 30 }));
  c.toServer.write(buildMessage({ fd: 31 }).subarray(0, 100));
  await new Promise((r) => setTimeout(r, 0));
  await c.session.shutdown();
  await h.committer.close();
  assert.deepEqual(
    c.reader.replies.map((r) => r.fd),
    [30],
  );
  assert.equal(await storedCount(), 1);
});

test('a document under headers naming another FD is refused and not stored', async () => {
  const h = createHarness({ database, crypto: 'emulated' });
  const real = decodeMessage(buildMessage({ fd: 5, masterKey: MASTER_KEY }));
  const replayed = encodeMessage({
    aVersion: real.session.aVersion,
    fnNumber: GOLDEN_FN,
    documentType: 11,
    fdNumber: 6,
    body: real.body,
  });
  const c = h.connect();
  c.toServer.write(replayed);
  await c.reader.waitEnd();
  assert.equal(c.reader.replies.length, 0);
  assert.equal(await h.rejected('header_mismatch'), 1);
  assert.equal(await storedCount(), 0);
});

test('a session header naming another FN than the container is refused and not stored', async () => {
  const h = createHarness({ database, crypto: 'emulated' });
  const message = buildMessage({ fd: 7, masterKey: MASTER_KEY }).slice();
  // Bytes 8..23 of the session header: the FN in ASCII (protocol.md §1.2). Not covered by any CRC.
  message.set(new TextEncoder().encode('9999078900009999'), 8);
  const c = h.connect();
  c.toServer.write(message);
  await c.reader.waitEnd();
  assert.equal(c.reader.replies.length, 0);
  assert.equal(await h.rejected('header_mismatch'), 1);
  assert.equal(await storedCount(), 0);
});

test('an undecodable document in a sound frame is answered with 11 and not stored', async () => {
  const h = createHarness({ database, crypto: 'none' });
  const c = h.connect();
  // Form 3 whose only child claims 0xffff bytes of value.
  const body = Uint8Array.from([3, 0, 4, 0, 0x10, 0x04, 0xff, 0xff]);
  c.toServer.write(encodeMessage({ aVersion: 1, fnNumber: GOLDEN_FN, documentType: 3, fdNumber: 12, body }));
  const [reply] = await c.reader.waitFor(1);
  assert.deepEqual([reply?.fd, reply?.code], [12, 11]);
  assert.equal(await storedCount(), 0);
});

test('a ФФД 1.2 document is answered in 1.2 form: ФЛК failure as bit 2 of 1206, no 1068', async () => {
  const h = createHarness({ database });
  const c = h.connect();
  c.toServer.write(
    buildMessage({
      fd: 13,
      edit: (f) => {
        f.fiscalDocumentFormatVer = 4;
        delete f.kktRegId;
      },
    }),
  );
  const [reply] = await c.reader.waitFor(1);
  assert.equal(reply?.code, 14);
  const { document } = splitDocument(reply!.message.body);
  const ack = decodeDocumentTags(document)['7'] as Record<string, unknown>;
  assert.equal(ack['1068'], undefined);
  assert.equal((ack['1206'] as number) & 2, 2);
  assert.equal((await getDocument({ db: database.db, fnNumber: GOLDEN_FN, fdNumber: 13 })).ffdVersion, '1.2');
});

test('a failing crypto box refuses the message without breaking the session', async () => {
  const h = createHarness({
    database,
    crypto: {
      name: 'broken',
      verifyMessage: async () => ({ status: 'verified' }),
      operatorSign: async () => {
        throw new Error('crypto box unreachable');
      },
    },
  });
  const c = h.connect();
  c.toServer.write(concat(buildMessage({ fd: 40 }), buildMessage({ fd: 41 })));
  await c.reader.waitEnd();
  await c.session.done;
  assert.equal(c.reader.replies.length, 0);
  assert.equal(await h.rejected('internal'), 1);
});
