import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Why a connection was closed without (further) confirmations. */
export type RejectReason =
  | 'bad_signature'
  | 'bad_version'
  | 'bad_crc'
  | 'frame_too_large'
  | 'length_mismatch'
  | 'bad_field'
  | 'truncated'
  | 'malformed_frame'
  | 'bad_fiscal_sign'
  | 'header_mismatch'
  | 'commit_failed'
  | 'message_timeout'
  | 'too_many_connections'
  | 'internal';

/**
 * The gateway's Prometheus metrics, in a registry of its own (no global
 * state): `/metrics` of the gateway serves it, and the API may merge it.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  // Per-document counts are plain numbers folded into the counters when they
  // are read (prom-client `collect`): an `inc` per document allocates its
  // label objects and hashes them, thousands of times a second.
  #received = 0;
  #stored = 0;
  #duplicates = 0;
  /** Confirmations by response code (1022 is a byte) not yet folded into `answered`. */
  readonly #answered = new Float64Array(256);
  readonly connections = new Gauge({
    name: 'ofd_gateway_connections',
    help: 'Open register connections',
    registers: [this.registry],
  });
  readonly connectionsTotal = new Counter({
    name: 'ofd_gateway_connections_total',
    help: 'Register connections accepted',
    registers: [this.registry],
  });
  readonly received = new Counter({
    name: 'ofd_gateway_documents_received_total',
    help: 'Whole messages received',
    registers: [this.registry],
    collect: () => {
      this.received.inc(this.#received);
      this.#received = 0;
    },
  });
  readonly stored = new Counter({
    name: 'ofd_gateway_documents_stored_total',
    help: 'Documents newly stored',
    registers: [this.registry],
    collect: () => {
      this.stored.inc(this.#stored);
      this.#stored = 0;
    },
  });
  readonly duplicates = new Counter({
    name: 'ofd_gateway_documents_duplicate_total',
    help: 'Retransmitted documents already stored (confirmed again)',
    registers: [this.registry],
    collect: () => {
      this.duplicates.inc(this.#duplicates);
      this.#duplicates = 0;
    },
  });
  readonly answered = new Counter({
    name: 'ofd_gateway_confirmations_total',
    help: 'Confirmations sent, by response code (1022: 0 accepted, 11 unrecognised, 14 ФЛК failed)',
    labelNames: ['code'] as const,
    registers: [this.registry],
    collect: () => {
      this.#answered.forEach((n, code) => {
        if (n > 0) this.answered.inc({ code: String(code) }, n);
      });
      this.#answered.fill(0);
    },
  });
  readonly rejected = new Counter({
    name: 'ofd_gateway_documents_rejected_total',
    help: 'Messages or connections refused without a confirmation, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly batchSize = new Histogram({
    name: 'ofd_gateway_batch_size',
    help: 'Documents per group-commit transaction',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers: [this.registry],
  });
  readonly commitSeconds = new Histogram({
    name: 'ofd_gateway_commit_seconds',
    help: 'Group-commit transaction latency',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2],
    registers: [this.registry],
  });
  readonly confirmSeconds = new Histogram({
    name: 'ofd_gateway_confirm_seconds',
    help: 'From a whole message received to its confirmation written',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2],
    registers: [this.registry],
  });

  reject(reason: RejectReason): void {
    this.rejected.inc({ reason });
  }

  /** A whole message was read (`ofd_gateway_documents_received_total`). */
  countReceived(): void {
    this.#received++;
  }

  /** A message's commit settled: newly stored, a duplicate, or not stored at all. */
  countStored(outcome: 'stored' | 'duplicate' | 'not-stored'): void {
    if (outcome === 'stored') this.#stored++;
    else if (outcome === 'duplicate') this.#duplicates++;
  }

  /** A confirmation with response `code` was written `seconds` after its message was whole. */
  countAnswered(code: number, seconds: number): void {
    this.#answered[code & 255]!++;
    this.confirmSeconds.observe(seconds);
  }
}
