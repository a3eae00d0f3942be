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
  });
  readonly stored = new Counter({
    name: 'ofd_gateway_documents_stored_total',
    help: 'Documents newly stored',
    registers: [this.registry],
  });
  readonly duplicates = new Counter({
    name: 'ofd_gateway_documents_duplicate_total',
    help: 'Retransmitted documents already stored (confirmed again)',
    registers: [this.registry],
  });
  readonly answered = new Counter({
    name: 'ofd_gateway_confirmations_total',
    help: 'Confirmations sent, by response code (1022: 0 accepted, 11 unrecognised, 14 ФЛК failed)',
    labelNames: ['code'] as const,
    registers: [this.registry],
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
}
