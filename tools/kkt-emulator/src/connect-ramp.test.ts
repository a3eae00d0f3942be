import assert from 'node:assert/strict';
import { createConnection, type Socket } from 'node:net';
import { test } from 'node:test';
import { ConnectRamp } from './connect-ramp.js';
import { runEmulator } from './fleet.js';
import type { OpenSocket } from './link.js';
import { startConfirmingServer } from './testing/confirming-server.js';

const MASTER = 'ramp-test';

test('the ramp runs at most `limit` starts at once, the rest in order as slots free up', () => {
  const ramp = new ConnectRamp(2);
  const started: number[] = [];
  for (let i = 0; i < 5; i++) ramp.acquire(() => started.push(i));
  assert.deepEqual(started, [0, 1]);
  assert.deepEqual([ramp.pending, ramp.queued], [2, 3]);
  ramp.release();
  assert.deepEqual(started, [0, 1, 2]);
  ramp.release();
  ramp.release();
  assert.deepEqual(started, [0, 1, 2, 3, 4]);
  assert.deepEqual([ramp.pending, ramp.queued], [2, 0]);
  ramp.release();
  ramp.release();
  assert.equal(ramp.pending, 0);
  ramp.acquire(() => started.push(5));
  assert.deepEqual(started, [0, 1, 2, 3, 4, 5]);
  assert.throws(() => new ConnectRamp(0), /positive integer/);
});

/** Opens real sockets and watches them: connects in progress (peak) and when each connected and first wrote. */
function watchedSockets() {
  const watch = {
    inProgress: 0,
    peak: 0,
    opened: 0,
    connectedAt: [] as number[],
    firstWriteAt: [] as number[],
  };
  const open: OpenSocket = (options) => {
    const socket: Socket = createConnection(options);
    watch.opened++;
    watch.peak = Math.max(watch.peak, ++watch.inProgress);
    let settled = false;
    const settle = () => {
      if (!settled) watch.inProgress--;
      settled = true;
    };
    socket.once('connect', () => {
      settle();
      watch.connectedAt.push(performance.now());
    });
    socket.once('close', settle);
    const write = socket.write.bind(socket) as (chunk: Uint8Array) => boolean;
    let wrote = false;
    socket.write = ((chunk: Uint8Array) => {
      if (!wrote) watch.firstWriteAt.push(performance.now());
      wrote = true;
      return write(chunk);
    }) as Socket['write'];
    return socket;
  };
  return { watch, open };
}

test('a fleet never has more than maxPendingConnects connections being opened', async () => {
  const server = await startConfirmingServer({ masterKey: MASTER });
  const { watch, open } = watchedSockets();
  try {
    const summary = await runEmulator({
      port: server.port,
      registers: 40,
      documentsPerRegister: 2,
      masterKey: MASTER,
      maxPendingConnects: 3,
      openSocket: open,
    });
    assert.equal(summary.confirmed, 80);
    assert.equal(watch.opened, 40);
    assert.equal(watch.peak, 3, 'the ramp is full but never over');
  } finally {
    await server.close();
  }
});

test('a pregenerated fleet sends its first document only once every connection is open', async () => {
  const server = await startConfirmingServer({ masterKey: MASTER });
  const { watch, open } = watchedSockets();
  const startedAt: number[] = [];
  try {
    const summary = await runEmulator({
      port: server.port,
      registers: 30,
      documentsPerRegister: 3,
      masterKey: MASTER,
      pregenerate: true,
      maxPendingConnects: 2,
      openSocket: open,
      onSendingStarted: () => startedAt.push(performance.now()),
    });
    assert.equal(startedAt.length, 1);
    assert.ok(
      startedAt[0]! >= Math.max(...watch.connectedAt) && startedAt[0]! <= Math.min(...watch.firstWriteAt),
    );
    assert.equal(summary.confirmed, 90);
    assert.equal(watch.connectedAt.length, 30);
    assert.equal(watch.firstWriteAt.length, 30);
    assert.ok(
      Math.min(...watch.firstWriteAt) >= Math.max(...watch.connectedAt),
      'no register sent while others were still connecting',
    );
    assert.equal(summary.connectMs.max >= summary.connectMs.p50, true);
  } finally {
    await server.close();
  }
});

test('a streaming fleet sends as each register connects (connectBeforeSending off)', async () => {
  const server = await startConfirmingServer({ masterKey: MASTER });
  const { watch, open } = watchedSockets();
  try {
    const summary = await runEmulator({
      port: server.port,
      registers: 30,
      documentsPerRegister: 3,
      masterKey: MASTER,
      maxPendingConnects: 1,
      openSocket: open,
    });
    assert.equal(summary.confirmed, 90);
    assert.ok(Math.min(...watch.firstWriteAt) < Math.max(...watch.connectedAt));
  } finally {
    await server.close();
  }
});

test('registers still not connected after connectWaitMs do not hold the others back', async () => {
  const server = await startConfirmingServer({ masterKey: MASTER });
  // A port nobody listens on: the second link's first connects are refused.
  const dead = await startConfirmingServer({ masterKey: MASTER });
  const deadPort = dead.port;
  await dead.close();
  let calls = 0;
  const firstWriteAt: number[] = [];
  let lateConnectAt = 0;
  const open: OpenSocket = (options) => {
    calls++;
    const late = calls >= 2 && calls <= 4;
    const socket = createConnection({ ...options, ...(late ? { port: deadPort } : {}) });
    if (calls === 5) socket.once('connect', () => (lateConnectAt = performance.now()));
    const write = socket.write.bind(socket) as (chunk: Uint8Array) => boolean;
    socket.write = ((chunk: Uint8Array) => {
      firstWriteAt.push(performance.now());
      socket.write = write as Socket['write'];
      return write(chunk);
    }) as Socket['write'];
    return socket;
  };
  try {
    const summary = await runEmulator({
      port: server.port,
      registers: 2,
      documentsPerRegister: 3,
      masterKey: MASTER,
      pregenerate: true,
      connectWaitMs: 50,
      openSocket: open,
    });
    assert.equal(summary.confirmed, 6);
    assert.equal(calls, 5, 'one connect for the first link, four for the second');
    assert.ok(lateConnectAt > 0);
    assert.ok(Math.min(...firstWriteAt) < lateConnectAt, 'the first link sent before the second connected');
  } finally {
    await server.close();
  }
});
