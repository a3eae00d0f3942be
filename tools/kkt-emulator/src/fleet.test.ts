import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runEmulator } from './fleet.js';
import { type ConfirmingServer, startConfirmingServer } from './testing/confirming-server.js';

const MASTER = 'fleet-test';

/** Every register's FDs arrived as 1..n, in order, each once. */
function assertContiguous(server: ConfirmingServer, registers: number, perRegister: number): void {
  assert.equal(server.stored.size, registers);
  for (const [fn, fds] of server.stored) {
    assert.deepEqual(
      fds,
      Array.from({ length: perRegister }, (_, i) => i + 1),
      `FN ${fn}`,
    );
  }
}

test('a fleet delivers every document once, in FD order, several per connection', async () => {
  const server = await startConfirmingServer({ masterKey: MASTER });
  try {
    const summary = await runEmulator({
      port: server.port,
      registers: 6,
      connections: 2,
      documentsPerRegister: 40,
      masterKey: MASTER,
    });
    assert.equal(summary.confirmed, 240);
    assert.equal(summary.sent, 240);
    assert.equal(summary.retransmitted, 0);
    assert.equal(summary.unconfirmed, 0);
    assert.equal(summary.connections, 2);
    assert.ok(summary.latencyMs.p99 >= summary.latencyMs.p50);
    assertContiguous(server, 6, 40);
  } finally {
    await server.close();
  }
});

test('dropped confirmations are retransmitted after the timeout; no FD is skipped', async () => {
  const server = await startConfirmingServer({ masterKey: MASTER, drop: (_m, seen) => seen % 7 === 3 });
  try {
    const summary = await runEmulator({
      port: server.port,
      registers: 3,
      documentsPerRegister: 30,
      masterKey: MASTER,
      ackTimeoutMs: 150,
    });
    assert.equal(summary.confirmed, 90);
    assert.ok(summary.retransmitted > 0, 'something was sent again');
    assert.ok(summary.errors > 0, 'timeouts are counted');
    assertContiguous(server, 3, 30);
  } finally {
    await server.close();
  }
});

test('connections cut mid-stream reconnect and resend the oldest unconfirmed document', async () => {
  const server = await startConfirmingServer({ masterKey: MASTER, cut: (_m, seen) => seen % 11 === 5 });
  try {
    const summary = await runEmulator({
      port: server.port,
      registers: 4,
      documentsPerRegister: 25,
      masterKey: MASTER,
      rate: 400,
    });
    assert.equal(summary.confirmed, 100);
    assert.ok(summary.retransmitted > 0);
    assertContiguous(server, 4, 25);
  } finally {
    await server.close();
  }
});

test('a server restart loses nothing: documents queued meanwhile are sent after reconnecting', async () => {
  const first = await startConfirmingServer({ masterKey: MASTER });
  const port = first.port;
  const stored = first.stored;
  const run = runEmulator({ port, registers: 3, documentsPerRegister: 60, masterKey: MASTER, rate: 300 });
  await new Promise((r) => setTimeout(r, 200));
  await first.close();
  await new Promise((r) => setTimeout(r, 300));
  const second = await startConfirmingServer({ masterKey: MASTER, port });
  try {
    const summary = await run;
    assert.equal(summary.confirmed, 180);
    assert.ok(summary.errors > 0, 'the outage is visible');
    // Union of what both server lives stored: every FD of every register, in order.
    const fns = new Set([...stored.keys(), ...second.stored.keys()]);
    assert.equal(fns.size, 3);
    for (const fn of fns) {
      const before = stored.get(fn) ?? [];
      const all = [...before, ...(second.stored.get(fn) ?? []).filter((fd) => !before.includes(fd))];
      assert.deepEqual(
        all,
        Array.from({ length: 60 }, (_, i) => i + 1),
        `FN ${fn}`,
      );
    }
  } finally {
    await second.close();
  }
});

test('pregenerated documents released at a rate arrive at that rate, all of them', async () => {
  const server = await startConfirmingServer({ masterKey: MASTER });
  try {
    const summary = await runEmulator({
      port: server.port,
      registers: 5,
      documentsPerRegister: 20,
      masterKey: MASTER,
      pregenerate: true,
      rate: 200,
    });
    assert.equal(summary.generated, 100);
    assert.equal(summary.confirmed, 100);
    assert.ok(summary.elapsedSeconds > 0.35, `100 documents at 200/s took ${summary.elapsedSeconds} s`);
    assert.ok(summary.documentsPerSecond < 300, `${summary.documentsPerSecond}/s`);
    assertContiguous(server, 5, 20);
  } finally {
    await server.close();
  }
});

test('replies cut into 7-byte pieces, several registers to a connection, are put back together', async () => {
  const server = await startConfirmingServer({ masterKey: MASTER, splitReplies: 7 });
  try {
    const summary = await runEmulator({
      port: server.port,
      registers: 3,
      connections: 1,
      documentsPerRegister: 8,
      masterKey: MASTER,
    });
    assert.equal(summary.confirmed, 24);
    assert.equal(summary.errors, 0);
    assert.equal(summary.retransmitted, 0);
    assertContiguous(server, 3, 8);
  } finally {
    await server.close();
  }
});

test('a reply that fails its container CRC confirms nothing: the connection is reopened and the document sent again', async () => {
  const server = await startConfirmingServer({ masterKey: MASTER, corrupt: (_m, seen) => seen === 3 });
  try {
    const summary = await runEmulator({
      port: server.port,
      registers: 2,
      documentsPerRegister: 5,
      masterKey: MASTER,
    });
    assert.equal(summary.confirmed, 10);
    assert.equal(summary.duplicateConfirmations, 0);
    assert.ok(summary.errors >= 1);
    assert.equal(summary.retransmitted, 1, 'the document of the bad reply, sent again');
    assertContiguous(server, 2, 5);
  } finally {
    await server.close();
  }
});
