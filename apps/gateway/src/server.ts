import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from 'pino';
import type { MessageHandler } from './handle-message.js';
import type { GatewayMetrics } from './metrics.js';
import { type Backpressure, Session, type SessionLimits } from './session.js';

export interface GatewayServerOptions extends Partial<SessionLimits> {
  handle: MessageHandler;
  backpressure?: Backpressure;
  logger: Logger;
  metrics: GatewayMetrics;
  port: number;
  host?: string;
  /** Connections beyond this are closed on accept. */
  maxConnections?: number;
}

export interface GatewayServer {
  readonly port: number;
  readonly connections: number;
  /** Stops accepting, lets every connection confirm what is in flight, then resolves. */
  close(): Promise<void>;
}

export const DEFAULT_LIMITS: SessionLimits & { maxConnections: number } = {
  idleTimeoutMs: 120_000,
  messageTimeoutMs: 30_000,
  maxPending: 64,
  maxConnections: 10_000,
};

/** The thin node:net adapter: accepts sockets, applies limits, runs a Session on each. */
export async function startGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const limits = {
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_LIMITS.idleTimeoutMs,
    messageTimeoutMs: options.messageTimeoutMs ?? DEFAULT_LIMITS.messageTimeoutMs,
    maxPending: options.maxPending ?? DEFAULT_LIMITS.maxPending,
  };
  const maxConnections = options.maxConnections ?? DEFAULT_LIMITS.maxConnections;
  const { logger, metrics } = options;
  const sessions = new Set<Session>();
  let nextId = 1;

  // allowHalfOpen: a register may send one message and half-close; the
  // confirmation must still go back on the open half (protocol.md §1.7).
  const server: Server = createServer({ allowHalfOpen: true, noDelay: true }, (socket: Socket) => {
    const id = nextId++;
    const log = logger.child({ conn: id, remote: `${socket.remoteAddress}:${socket.remotePort}` });
    if (sessions.size >= maxConnections) {
      metrics.reject('too_many_connections');
      log.warn({ reason: 'too_many_connections', limit: maxConnections }, 'rejected');
      socket.destroy();
      return;
    }
    metrics.connectionsTotal.inc();
    metrics.connections.inc();
    const session = new Session(socket, {
      ...limits,
      handle: options.handle,
      logger: log,
      metrics,
      ...(options.backpressure ? { backpressure: options.backpressure } : {}),
    });
    sessions.add(session);
    log.debug('connected');
    void session.done.then(() => {
      sessions.delete(session);
      metrics.connections.dec();
      log.debug('disconnected');
    });
  });
  server.on('error', (err) => logger.error({ err }, 'gateway listener error'));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A fleet reconnecting at once (after a restart, or while a PGlite commit
    // holds the event loop) must not overflow the accept queue (Node's default
    // 511): dropped SYNs come back only after 1, 3, 7 s. The kernel caps it
    // at net.core.somaxconn.
    server.listen({ port: options.port, host: options.host ?? '0.0.0.0', backlog: 4096 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  logger.info({ port, ...limits, maxConnections }, 'gateway listening');

  return {
    port,
    get connections() {
      return sessions.size;
    },
    async close() {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...sessions].map((s) => s.shutdown()));
      await stopped;
    },
  };
}
