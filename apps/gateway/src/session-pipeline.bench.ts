// The gateway's own CPU per document, without sockets or a database: sessions
// over in-memory streams, the real message handler (emulated ФПС/ФПД check,
// decode, ФЛК, ФПО, reply frame) and group committer, with a store that
// answers at once. One message in flight per connection, as a ФН sends.
// Complements the end-to-end bench (apps/cli/src/bench/gateway.bench.ts),
// whose gateway figure also holds the socket system calls, the batch encoding
// and the pg driver; this one is steady on a shared machine (CPU time).
//   node --import tsx apps/gateway/src/session-pipeline.bench.ts
// OFD_BENCH_PROFILE=<file>: a V8 CPU profile of the measured rounds only (not the set-up).
import { writeFileSync } from 'node:fs';
import { Session as Inspector } from 'node:inspector/promises';
import type { IngestOutcome } from '@openofd/core';
import { EmulatedFiscalCrypto } from '@openofd/core';
import { pino } from 'pino';
import { GroupCommitter } from './group-commit.js';
import { createMessageHandler } from './handle-message.js';
import { GatewayMetrics } from './metrics.js';
import { Session } from './session.js';
import { duplexPair } from './testing/duplex-pair.js';
import { buildMessage } from './testing/messages.js';

const MASTER = 'bench-master-key';
const CONNECTIONS = 100;
const PER_CONNECTION = 40;
const ROUNDS = Number(process.env.OFD_BENCH_ROUNDS ?? 8);

const fnOf = (c: number) => `99990789${String(c).padStart(8, '0')}`;
const messages = Array.from({ length: CONNECTIONS }, (_, c) =>
  Array.from({ length: PER_CONNECTION }, (_, i) =>
    buildMessage({ fn: fnOf(c), fd: i + 1, masterKey: MASTER }),
  ),
);

const metrics = new GatewayMetrics();
const committer = new GroupCommitter({
  store: async (documents) => documents.map((): IngestOutcome => 'stored'),
  maxBatch: 500,
  concurrency: 4,
});
const handle = createMessageHandler({
  crypto: new EmulatedFiscalCrypto(MASTER),
  commit: (document) => committer.submit(document),
  ofdInn: '7704358518',
});
const logger = pino({ level: 'info' }, pino.destination('/dev/null'));

/** One round: every connection sends its messages one at a time, each after the previous reply. */
async function round(): Promise<number> {
  let replies = 0;
  await Promise.all(
    messages.map(async (own) => {
      const { server, toServer, fromServer } = duplexPair();
      const session = new Session(server, {
        idleTimeoutMs: 120_000,
        messageTimeoutMs: 30_000,
        maxPending: 64,
        handle,
        logger,
        metrics,
      });
      await new Promise<void>((resolve) => {
        let next = 0;
        fromServer.on('data', () => {
          replies++;
          if (next < own.length) toServer.write(own[next++]);
          else resolve();
        });
        toServer.write(own[next++]);
      });
      toServer.end();
      await session.done;
    }),
  );
  return replies;
}

await round(); // warm-up: JIT, drive keys
const profileFile = process.env.OFD_BENCH_PROFILE;
const inspector = profileFile ? new Inspector() : undefined;
if (inspector) {
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
}
const results: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const before = process.cpuUsage();
  const n = await round();
  const used = process.cpuUsage(before);
  results.push((used.user + used.system) / n);
}
if (inspector && profileFile) {
  const { profile } = await inspector.post('Profiler.stop');
  writeFileSync(profileFile, JSON.stringify(profile));
}
results.sort((a, b) => a - b);
const median = results[results.length >> 1]!;
console.log(
  `gateway pipeline (in-memory streams, no database): ${median.toFixed(1)} µs CPU per document ` +
    `(median of ${ROUNDS} rounds of ${CONNECTIONS * PER_CONNECTION}; min ${results[0]!.toFixed(1)}, max ${results.at(-1)!.toFixed(1)})`,
);
