import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IngestOutcome } from '@openofd/core';
import { decodeMessage } from '@openofd/protocol';
import { pino } from 'pino';
import type { MessageOutcome } from './handle-message.js';
import { GatewayMetrics } from './metrics.js';
import { Session } from './session.js';
import { duplexPair } from './testing/duplex-pair.js';
import { createHarness } from './testing/harness.js';
import { buildMessage, concat } from './testing/messages.js';

const stored = async (documents: unknown[]): Promise<IngestOutcome[]> => documents.map(() => 'stored');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('activity keeps a connection open past the idle timeout; quiet closes it one timeout after the last', async () => {
  const h = createHarness({ store: stored, limits: { idleTimeoutMs: 150, messageTimeoutMs: 1000 } });
  const c = h.connect();
  const started = Date.now();
  for (let fd = 1; fd <= 6; fd++) {
    c.toServer.write(buildMessage({ fd }));
    await c.reader.waitFor(fd);
    await sleep(80);
  }
  const lastActivity = Date.now();
  assert.equal(c.reader.ended, false, 'closed while messages kept coming');
  assert.ok(lastActivity - started > 450);
  await c.reader.waitEnd(2000);
  const quiet = Date.now() - lastActivity;
  assert.ok(quiet >= 60 && quiet < 1000, `closed ${quiet} ms after the last activity`);
  assert.equal(c.reader.replies.length, 6);
});

test('a connection waiting on its own commit is not idle', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const h = createHarness({
    store: async (documents) => {
      await gate;
      return stored(documents);
    },
    limits: { idleTimeoutMs: 100 },
  });
  const c = h.connect();
  c.toServer.write(buildMessage({ fd: 1 }));
  await sleep(350);
  assert.equal(c.reader.ended, false);
  release();
  const [reply] = await c.reader.waitFor(1);
  assert.equal(reply?.fd, 1);
  await c.reader.waitEnd(2000);
});

test('answers go out in arrival order when handlers settle out of order', async () => {
  const pending: ((outcome: MessageOutcome) => void)[] = [];
  const reply = (fd: number): MessageOutcome => ({
    kind: 'confirm',
    reply: buildMessage({ fd: 100 + fd }),
    code: 0,
    stored: 'stored',
    fnNumber: 'x',
    fdNumber: fd,
  });
  const { server, toServer, fromServer } = duplexPair();
  const session = new Session(server, {
    idleTimeoutMs: 5000,
    messageTimeoutMs: 5000,
    maxPending: 16,
    handle: () => new Promise((resolve) => pending.push(resolve)),
    logger: pino({ level: 'silent' }),
    metrics: new GatewayMetrics(),
  });
  const fds: number[] = [];
  fromServer.on('data', (chunk: Buffer) => fds.push(decodeMessage(chunk).container.fdNumber));
  toServer.write(concat(buildMessage({ fd: 1 }), buildMessage({ fd: 2 }), buildMessage({ fd: 3 })));
  await sleep(20);
  assert.equal(pending.length, 3);
  pending[2]!(reply(3));
  pending[1]!(reply(2));
  await sleep(20);
  assert.deepEqual(fds, [], 'nothing may overtake the first message');
  pending[0]!(reply(1));
  await sleep(20);
  assert.deepEqual(fds, [101, 102, 103]);
  toServer.end();
  await session.done;
});
