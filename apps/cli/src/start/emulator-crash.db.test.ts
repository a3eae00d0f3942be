import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rowsOf } from '@openofd/core';
import { createDataEnv, type DataEnv, exited, freePort, spawnGateway } from '@openofd/gateway/testing';
import { createFleet } from '@openofd/kkt-emulator';
import { sql } from 'drizzle-orm';

// End to end across apps: `openofd gateway` in a child process under the load
// of the ККТ emulator's fleet (closed loop, retransmitting queues), killed
// with SIGKILL and restarted on the same data.
const MASTER_KEY = 'emulator-crash-master-key';
let data: DataEnv;
before(async () => {
  data = await createDataEnv();
});
after(async () => {
  await data.cleanup();
});

test('kill -9 under the ККТ emulator fleet: every confirmed document is stored once', {
  timeout: 180_000,
}, async (t) => {
  const port = await freePort();
  const env = { ...data.env, OFD_GATEWAY_PORT: String(port), OFD_MASTER_KEY: MASTER_KEY };
  let gateway = await spawnGateway(env);
  const fleet = createFleet({
    host: '127.0.0.1',
    port,
    registers: 12,
    firstIndex: 100,
    rate: 0,
    durationSeconds: 12,
    drainSeconds: 60,
    masterKey: MASTER_KEY,
    seed: 'crash',
    ackTimeoutMs: 2000,
  });
  const run = fleet.run();
  try {
    const deadline = Date.now() + 8000;
    while (fleet.snapshot().confirmed < 300 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    gateway.kill('SIGKILL');
    await exited(gateway);
    gateway = await spawnGateway(env);
  } finally {
    const summary = await run;
    t.diagnostic(JSON.stringify(summary));
    gateway.kill('SIGTERM');
    assert.equal(await exited(gateway), 0, 'graceful stop');
    assert.equal(summary.unconfirmed, 0, 'the fleet drained its queues');
    assert.ok(summary.retransmitted > 0, 'the fleet retransmitted after the crash');
  }
  const database = await data.open();
  try {
    for (const register of fleet.registers) {
      const fn = register.drive.fnNumber;
      const rows = rowsOf<{ fd: string | number }>(
        await database.db.execute(
          sql`select fd_number as fd from documents where fn_number = ${fn} order by 1`,
        ),
      );
      const expected = Array.from({ length: register.drive.nextFdNumber - 1 }, (_, i) => i + 1);
      assert.deepEqual(
        rows.map((r) => Number(r.fd)),
        expected,
        `drive ${fn}: every document it saw confirmed, each once`,
      );
    }
  } finally {
    await database.close();
  }
});
