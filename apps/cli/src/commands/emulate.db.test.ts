// End to end: the emulator's fleet against the real gateway and database
// (PGlite in `npm test`, PostgreSQL in `npm run test:pg`).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Database, EmulatedFiscalCrypto, rowsOf } from '@openofd/core';
import { createTestDatabase } from '@openofd/core/testing';
import { type Gateway, startGateway } from '@openofd/gateway';
import { registerProfile, runEmulator, startDemoStream } from '@openofd/kkt-emulator';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { demoResumePoints } from '../start/emulator-service.js';
import { parseEmulateArgs } from './emulate.js';

const MASTER = 'e2e-master-key';
let database: Database;
let gateway: Gateway;

before(async () => {
  database = await createTestDatabase();
  gateway = await startGateway({
    database,
    crypto: new EmulatedFiscalCrypto(MASTER),
    logger: pino({ level: 'silent' }),
    ofdInn: '7704358518',
    port: 0,
    host: '127.0.0.1',
    metricsPort: null,
  });
});
after(async () => {
  await gateway.close();
  await database.close();
});

test('every document the emulator saw confirmed is stored once, verified and ФЛК-clean', async () => {
  const summary = await runEmulator({
    port: gateway.port,
    registers: 5,
    connections: 3,
    documentsPerRegister: 40,
    masterKey: MASTER,
    ackTimeoutMs: 5_000,
  });
  assert.equal(summary.confirmed, 200, JSON.stringify(summary));
  assert.equal(summary.rejected, 0);
  assert.equal(summary.unconfirmed, 0);
  const rows = rowsOf<{ fn: string; n: number; max: number; bad: number; unverified: number }>(
    await database.db.execute(sql`
      select fn_number as fn, count(*)::int as n, max(fd_number)::int as max,
             count(*) filter (where flk_status <> 'passed' or jsonb_array_length(flk_violations) > 0)::int as bad,
             count(*) filter (where crypto_status <> 'verified')::int as unverified
      from documents group by fn_number order by fn_number`),
  );
  assert.deepEqual(
    rows.map((r) => [r.fn, r.n, r.max, r.bad, r.unverified]),
    [0, 1, 2, 3, 4].map((i) => [registerProfile(i).fnNumber, 40, 40, 0, 0]),
  );
});

test('a fleet under another master key is refused and stores nothing', async () => {
  const summary = await runEmulator({
    port: gateway.port,
    registers: 1,
    firstIndex: 50,
    documentsPerRegister: 1,
    masterKey: 'not-the-operator-key',
    durationSeconds: 0.5,
    drainSeconds: 1,
  });
  assert.equal(summary.confirmed, 0);
  assert.equal(summary.unconfirmed, 1);
  const [row] = rowsOf<{ n: number }>(
    await database.db.execute(
      sql`select count(*)::int as n from documents where fn_number = ${registerProfile(50).fnNumber}`,
    ),
  );
  assert.equal(row?.n, 0);
});

test('emulate flags map onto the fleet options and bad ones are usage errors', () => {
  const o = parseEmulateArgs(
    [
      ...['--kkt', '7', '--docs=3', '--rate', '50', '--connections', '2', '--port', '9000', '--seed', 'x'],
      ...['--max-connecting', '16'],
    ],
    {},
  );
  assert.deepEqual(
    [o.registers, o.documentsPerRegister, o.rate, o.connections, o.port, o.seed, o.maxPendingConnects],
    [7, 3, 50, 2, 9000, 'x', 16],
  );
  assert.throws(() => parseEmulateArgs(['--max-connecting', '0'], {}), /--max-connecting/);
  assert.equal(o.masterKey, 'openofd-demo-master-key');
  assert.throws(() => parseEmulateArgs(['--kkt', '0'], {}), /--kkt/);
  assert.throws(() => parseEmulateArgs(['--bogus'], {}), /unknown option/);
  assert.throws(() => parseEmulateArgs(['--docs', '0'], {}), /--duration/);
  assert.throws(() => parseEmulateArgs(['--kkt', '10', '--first', '999995'], {}), /1000000/);
});

test('the demo stream resumes its drives from the database: no FD is reused, none skipped', async () => {
  const stored = async () =>
    rowsOf<{ fn: string; n: number; max: number }>(
      await database.db.execute(sql`
        select fn_number as fn, count(*)::int as n, max(fd_number)::int as max from documents
        where fn_number in (${registerProfile(0).fnNumber}, ${registerProfile(1).fnNumber})
        group by fn_number order by fn_number`),
    );
  let before = 0;
  for (const round of [1, 2]) {
    const resume = await demoResumePoints(database, 2);
    const stream = startDemoStream({
      port: gateway.port,
      masterKey: MASTER,
      registers: 2,
      rate: 100,
      resume,
    });
    await new Promise((r) => setTimeout(r, 800));
    stream.stop();
    const summary = await stream.done;
    assert.equal(summary.duplicateConfirmations, 0, `round ${round}`);
    const rows = await stored();
    const total = rows.reduce((n, r) => n + r.n, 0);
    assert.ok(total > before, `round ${round} stored new documents (${before} → ${total})`);
    for (const r of rows) assert.equal(r.n, r.max, `FN ${r.fn}: FDs 1..${r.max} each once`);
    before = total;
  }
});
