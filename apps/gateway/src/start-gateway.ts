import { type Database, ensureDocumentPartitions, type FiscalCrypto, ingestDocuments } from '@openofd/core';
import type { Logger } from 'pino';
import { GroupCommitter, type StoreBatch } from './group-commit.js';
import { createMessageHandler } from './handle-message.js';
import { GatewayMetrics } from './metrics.js';
import { startMetricsServer } from './metrics-server.js';
import { type GatewayServerOptions, startGatewayServer } from './server.js';

export interface GatewayOptions {
  database: Database;
  crypto: FiscalCrypto;
  logger: Logger;
  /** Operator INN for tag 1017 of confirmations. */
  ofdInn: string;
  port: number;
  host?: string;
  /** Port of the /metrics listener; null for none (the API serves `metrics.registry` itself). */
  metricsPort: number | null;
  limits?: Pick<GatewayServerOptions, 'idleTimeoutMs' | 'messageTimeoutMs' | 'maxPending' | 'maxConnections'>;
  batch?: { maxBatch?: number; maxDelayMs?: number; concurrency?: number };
  /** Replaces the database commit (tests inject failures here). */
  store?: StoreBatch;
}

export interface Gateway {
  readonly port: number;
  readonly metricsPort: number | null;
  readonly metrics: GatewayMetrics;
  /** Graceful: stop accepting, confirm what is committed, close connections, finish batches. */
  close(): Promise<void>;
}

const DAY_MS = 24 * 3600 * 1000;

/** The gateway with its group committer, partition upkeep and metrics, on one database. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { database, logger } = options;
  const db = database.db;
  const upkeep = async () => {
    const created = await ensureDocumentPartitions({ db });
    if (created > 0) logger.info({ created }, 'document partitions created');
  };
  await upkeep();
  const timer = setInterval(() => {
    upkeep().catch((err: unknown) => logger.error({ err }, 'partition upkeep failed'));
  }, DAY_MS);
  timer.unref();

  const metrics = new GatewayMetrics();
  const committer = new GroupCommitter({
    store: options.store ?? ((documents) => ingestDocuments({ db, documents })),
    maxBatch: options.batch?.maxBatch ?? 500,
    maxDelayMs: options.batch?.maxDelayMs ?? 0,
    // PGlite is one connection; PostgreSQL overlaps a few transactions.
    concurrency: options.batch?.concurrency ?? (database.kind === 'postgres' ? 4 : 1),
    onBatch(size, seconds, ok) {
      metrics.batchSize.observe(size);
      metrics.commitSeconds.observe(seconds);
      if (!ok) logger.error({ size }, 'group-commit transaction failed: none of its documents is confirmed');
    },
  });
  const handle = createMessageHandler({
    crypto: options.crypto,
    commit: (document) => committer.submit(document),
    ofdInn: options.ofdInn,
  });
  const server = await startGatewayServer({
    ...options.limits,
    handle,
    backpressure: committer,
    logger,
    metrics,
    port: options.port,
    ...(options.host !== undefined ? { host: options.host } : {}),
  });
  const metricsServer =
    options.metricsPort === null
      ? undefined
      : await startMetricsServer({ registry: metrics.registry, port: options.metricsPort });

  return {
    port: server.port,
    metricsPort: metricsServer?.port ?? null,
    metrics,
    async close() {
      await server.close();
      await committer.close();
      clearInterval(timer);
      await metricsServer?.close();
      logger.info('gateway stopped');
    },
  };
}
