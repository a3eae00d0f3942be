import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rowsOf } from '@openofd/core';
import { sql } from 'drizzle-orm';
import { createDataEnv, type DataEnv } from './testing/data-env.js';
import { exited, freePort, spawnGateway } from './testing/gateway-process.js';
import { RegisterClient } from './testing/register-client.js';

// The gateway runs as a child process on a PGlite data directory, or on a
// fresh PostgreSQL database under `npm run test:pg`; it is killed with
// SIGKILL under load and restarted on the same data.
const MASTER_KEY = 'crash-test-master-key';
let data: DataEnv;
before(async () => {
  data = await createDataEnv();
});
after(async () => {
  await data.cleanup();
});

const total = (clients: RegisterClient[]) => clients.reduce((n, c) => n + c.confirmed.size, 0);

test('kill -9 under load: every confirmed document is stored, none twice', {
  timeout: 180_000,
}, async (t) => {
  const port = await freePort();
  const env = { ...data.env, OFD_GATEWAY_PORT: String(port), OFD_MASTER_KEY: MASTER_KEY };
  let gateway = await spawnGateway(env);
  const clients = Array.from(
    { length: 20 },
    (_, i) =>
      new RegisterClient({
        port,
        fn: `99990789${String(i).padStart(8, '0')}`,
        masterKey: MASTER_KEY,
        window: 4,
      }),
  );
  let producing = true;
  const producer = (async () => {
    while (producing) {
      for (const c of clients) if (c.unconfirmed.length < 20) c.produce(3);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  for (const c of clients) c.start();
  try {
    const deadline = Date.now() + 30_000;
    while (total(clients) < 400 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const beforeKill = total(clients);
    assert.ok(beforeKill > 0, 'documents were confirmed before the crash');
    gateway.kill('SIGKILL');
    await exited(gateway);
    const inFlight = clients.reduce((n, c) => n + c.unconfirmed.length, 0);
    gateway = await spawnGateway(env);
    await new Promise((r) => setTimeout(r, 1500));
    producing = false;
    await producer;
    await Promise.all(clients.map((c) => c.drain(60_000)));
    t.diagnostic(
      `confirmed before kill ${beforeKill}, unconfirmed at kill ${inFlight}, ` +
        `resent ${clients.reduce((n, c) => n + c.resent, 0)}, confirmed in all ${total(clients)}`,
    );
    assert.ok(inFlight > 0, 'some documents were unconfirmed at the crash');
    assert.ok(
      clients.some((c) => c.resent > 0),
      'registers retransmitted after the restart',
    );
  } finally {
    producing = false;
    await Promise.all(clients.map((c) => c.stop()));
    gateway.kill('SIGTERM');
    assert.equal(await exited(gateway), 0, 'graceful stop');
  }

  const database = await data.open();
  try {
    const rows = rowsOf<{ fn: string; fd: string | number }>(
      await database.db.execute(sql`select fn_number as fn, fd_number as fd from documents`),
    );
    const stored = new Set(rows.map((r) => `${r.fn}/${Number(r.fd)}`));
    assert.equal(stored.size, rows.length, 'no document stored twice');
    const confirmed = clients.flatMap((c, i) =>
      [...c.confirmed].map((fd) => `99990789${String(i).padStart(8, '0')}/${fd}`),
    );
    const missing = confirmed.filter((k) => !stored.has(k));
    assert.deepEqual(missing, [], 'every confirmed document is stored');
    // Everything stored was eventually confirmed too (the registers resent it).
    assert.equal(rows.length, confirmed.length);
    const [keys] = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from document_keys`),
    );
    assert.equal(keys?.n, rows.length);
  } finally {
    await database.close();
  }
});
