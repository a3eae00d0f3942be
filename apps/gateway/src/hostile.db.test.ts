import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { type Database, EmulatedFiscalCrypto, rowsOf } from '@openofd/core';
import { createTestDatabase } from '@openofd/core/testing';
import { encodeMessage } from '@openofd/protocol';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { type Gateway, startGateway } from './start-gateway.js';
import { buildMessage, GOLDEN } from './testing/messages.js';
import { RegisterClient } from './testing/register-client.js';

const MASTER_KEY = 'hostile-test-master-key';
const HOSTILE_FN = '9999000000000666';
let database: Database;
let gateway: Gateway;

before(async () => {
  database = await createTestDatabase();
  gateway = await startGateway({
    database,
    crypto: new EmulatedFiscalCrypto(MASTER_KEY),
    logger: pino({ level: 'silent' }),
    ofdInn: '7704358518',
    port: 0,
    host: '127.0.0.1',
    metricsPort: null,
    limits: { messageTimeoutMs: 300, idleTimeoutMs: 1000 },
  });
});
after(async () => {
  await gateway.close();
  await database.close();
});

const random = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(Math.random() * 256));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

/** One hostile connection: writes `bytes`, optionally half-closes, waits until the server lets go. */
function attack(bytes: Uint8Array, end: boolean): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect({ port: gateway.port, host: '127.0.0.1' }, () => {
      socket.write(bytes);
      if (end) socket.end();
    });
    socket.on('data', () => {});
    socket.on('error', () => {});
    socket.on('close', () => resolve());
    setTimeout(() => socket.destroy(), 3000).unref();
  });
}

const signed = buildMessage({ fn: HOSTILE_FN, fd: 1, masterKey: MASTER_KEY });
const KINDS: (() => [Uint8Array, boolean])[] = [
  () => [random(1 + Math.floor(Math.random() * 3000)), Math.random() < 0.5],
  () => [GOLDEN.subarray(0, 1 + Math.floor(Math.random() * (GOLDEN.length - 1))), true],
  () => [signed.subarray(0, 31 + Math.floor(Math.random() * 200)), false],
  () => {
    const huge = GOLDEN.slice(0, 30);
    huge[24] = 0xff;
    huge[25] = 0xff;
    return [huge, false];
  },
  () => {
    const flipped = signed.slice();
    const bit = Math.floor(Math.random() * flipped.length * 8);
    flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
    return [flipped, Math.random() < 0.5];
  },
  // A well-formed frame (CRC right) around junk or an unsigned document.
  () => [
    encodeMessage({ aVersion: 1, fnNumber: HOSTILE_FN, documentType: 3, fdNumber: 9, body: random(50) }),
    true,
  ],
  () => [buildMessage({ fn: HOSTILE_FN, fd: 2 }), true],
];

test('hostile traffic on many connections: good registers lose nothing and the server stays up', {
  timeout: 120_000,
}, async (t) => {
  const fns = Array.from({ length: 5 }, (_, i) => `99990789111111${String(i).padStart(2, '0')}`);
  const good = fns.map(
    (fn) => new RegisterClient({ port: gateway.port, fn, masterKey: MASTER_KEY, window: 3 }),
  );
  for (const c of good) {
    c.produce(60);
    c.start();
  }
  let attacks = 0;
  const until = Date.now() + 4000;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < until) {
        const [bytes, end] = pick(KINDS)();
        await attack(bytes, end);
        attacks++;
      }
    }),
  );
  await Promise.all(good.map((c) => c.drain(60_000)));
  await Promise.all(good.map((c) => c.stop()));

  const rows = rowsOf<{ fn: string; n: number }>(
    await database.db.execute(
      sql`select fn_number as fn, count(*)::int as n from documents where fn_number <> ${HOSTILE_FN} group by 1 order by 1`,
    ),
  );
  assert.deepEqual(
    rows,
    fns.map((fn) => ({ fn, n: 60 })),
  );
  assert.ok(good.every((c) => c.confirmed.size === 60));

  const { values } = await gateway.metrics.rejected.get();
  const reasons = Object.fromEntries(values.map((v) => [v.labels.reason, v.value]));
  t.diagnostic(`${attacks} hostile connections; rejections ${JSON.stringify(reasons)}`);
  for (const reason of [
    'bad_signature',
    'frame_too_large',
    'truncated',
    'message_timeout',
    'bad_fiscal_sign',
  ]) {
    assert.ok((reasons[reason] ?? 0) > 0, `some ${reason} rejections`);
  }

  // Still serving: a new register is confirmed after the storm.
  const late = new RegisterClient({ port: gateway.port, fn: '9999078922222222', masterKey: MASTER_KEY });
  late.produce(3);
  late.start();
  await late.drain(10_000);
  await late.stop();
});
