import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { test } from 'node:test';
import { NoFiscalCrypto } from '@openofd/core';
import { FrameDecoder } from '@openofd/protocol';
import { pino } from 'pino';
import { createMessageHandler, type MessageHandler } from './handle-message.js';
import { GatewayMetrics } from './metrics.js';
import { startGatewayServer } from './server.js';
import { buildMessage } from './testing/messages.js';
import { toReply } from './testing/replies.js';

const logger = pino({ level: 'silent' });

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
  });
}

const closed = (s: Socket) => new Promise<void>((resolve) => s.once('close', () => resolve()));

test('connections past the limit are closed on accept and counted', async () => {
  const metrics = new GatewayMetrics();
  const handle: MessageHandler = async () => ({ kind: 'reject', reason: 'internal', detail: 'unused' });
  const server = await startGatewayServer({
    handle,
    logger,
    metrics,
    port: 0,
    host: '127.0.0.1',
    maxConnections: 2,
  });
  const a = await open(server.port);
  const b = await open(server.port);
  const c = await open(server.port);
  await closed(c);
  const { values } = await metrics.rejected.get();
  assert.equal(values.find((v) => v.labels.reason === 'too_many_connections')?.value, 1);
  assert.equal(server.connections, 2);
  a.destroy();
  b.destroy();
  await server.close();
});

test('graceful close: a message in flight is still confirmed, then the server stops', async () => {
  const metrics = new GatewayMetrics();
  let release!: () => void;
  const committed = new Promise<void>((r) => {
    release = r;
  });
  const message = buildMessage({ fd: 77 });
  const handle = createMessageHandler({
    crypto: new NoFiscalCrypto(),
    ofdInn: '7704358518',
    commit: async () => {
      await committed;
      return 'stored';
    },
  });
  const server = await startGatewayServer({ handle, logger, metrics, port: 0, host: '127.0.0.1' });
  const socket = await open(server.port);
  const replies: number[] = [];
  const decoder = new FrameDecoder();
  socket.on('data', (chunk: Buffer) => {
    for (const m of decoder.push(chunk)) replies.push(toReply(m).fd);
  });
  const socketClosed = closed(socket);
  socket.write(message);
  await new Promise((r) => setTimeout(r, 50));
  const stopping = server.close();
  // No new connections once closing.
  await assert.rejects(open(server.port));
  release();
  await stopping;
  await socketClosed;
  assert.deepEqual(replies, [77]);
});
