import {
  type Database,
  EmulatedFiscalCrypto,
  type FiscalCrypto,
  ingestDocuments,
  NoFiscalCrypto,
} from '@openofd/core';
import { pino } from 'pino';
import { GroupCommitter, type StoreBatch } from '../group-commit.js';
import { createMessageHandler } from '../handle-message.js';
import { GatewayMetrics, type RejectReason } from '../metrics.js';
import { Session, type SessionLimits } from '../session.js';
import { duplexPair } from './duplex-pair.js';
import { ReplyReader } from './replies.js';

export const OFD_INN = '7704358518';
export const MASTER_KEY = 'test-master-key';

export interface HarnessOptions {
  database?: Database;
  store?: StoreBatch;
  crypto?: 'none' | 'emulated' | FiscalCrypto;
  limits?: Partial<SessionLimits>;
}

/** Sessions over in-memory duplexes sharing one group committer, as the server wires them. */
export function createHarness(options: HarnessOptions) {
  const metrics = new GatewayMetrics();
  const store: StoreBatch =
    options.store ??
    ((documents) => {
      if (!options.database) throw new Error('a database or a store is needed');
      return ingestDocuments({ db: options.database.db, documents });
    });
  const committer = new GroupCommitter({ store, maxBatch: 100, maxDelayMs: 1 });
  const crypto =
    options.crypto === 'emulated'
      ? new EmulatedFiscalCrypto(MASTER_KEY)
      : options.crypto === 'none' || options.crypto === undefined
        ? new NoFiscalCrypto()
        : options.crypto;
  const handle = createMessageHandler({ crypto, commit: (d) => committer.submit(d), ofdInn: OFD_INN });
  const logger = pino({ level: 'silent' });
  const limits: SessionLimits = {
    idleTimeoutMs: 5000,
    messageTimeoutMs: 2000,
    maxPending: 16,
    ...options.limits,
  };
  return {
    metrics,
    committer,
    connect() {
      const { server, toServer, fromServer } = duplexPair();
      const session = new Session(server, { ...limits, handle, logger, metrics });
      return { session, toServer, reader: new ReplyReader(fromServer) };
    },
    async rejected(reason: RejectReason): Promise<number> {
      const { values } = await metrics.rejected.get();
      return values.find((v) => v.labels.reason === reason)?.value ?? 0;
    },
  };
}
