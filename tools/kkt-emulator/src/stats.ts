// Counters and confirmation latencies of a fleet run, and the JSON summary
// `openofd emulate` prints.
import { LatencyHistogram } from './latency-histogram.js';

export interface EmulatorSummary {
  registers: number;
  connections: number;
  /** Documents the drives produced. */
  generated: number;
  /** Messages written to the wire (first sends and retransmissions). */
  sent: number;
  /** Documents confirmed as accepted. */
  confirmed: number;
  /** Messages sent again: after a lost connection, a timeout, or an unsigned reply. */
  retransmitted: number;
  /** Documents confirmed with a ФЛК error flag or a non-zero 1022 (delivered, but refused). */
  rejected: number;
  /** Confirmations for documents no longer waiting (answers to retransmissions). */
  duplicateConfirmations: number;
  /** Connection failures, reply timeouts, undecodable replies, replies without a valid ФПО. */
  errors: number;
  /** Documents still unconfirmed when the run ended. */
  unconfirmed: number;
  elapsedSeconds: number;
  documentsPerSecond: number;
  /** Send-to-confirmation time, ms (fixed buckets: within 0.2 %, max exact). */
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Time from opening a connection to its being established, ms (reconnections included). */
  connectMs: { p50: number; p99: number; max: number };
}

export class RunStats {
  generated = 0;
  sent = 0;
  confirmed = 0;
  retransmitted = 0;
  rejected = 0;
  duplicateConfirmations = 0;
  errors = 0;
  private readonly latencies = new LatencyHistogram();
  private readonly connects = new LatencyHistogram();
  readonly startedAt = performance.now();
  firstSendAt: number | undefined;
  lastAckAt: number | undefined;

  latency(ms: number): void {
    this.latencies.record(ms);
  }

  connected(ms: number): void {
    this.connects.record(ms);
  }

  summary(registers: number, connections: number, unconfirmed: number): EmulatorSummary {
    const pct = (p: number) => round(this.latencies.percentile(p));
    const connect = (p: number) => round(this.connects.percentile(p));
    const end = this.lastAckAt ?? performance.now();
    const elapsed = (end - (this.firstSendAt ?? this.startedAt)) / 1000;
    const delivered = this.confirmed + this.rejected;
    return {
      registers,
      connections,
      generated: this.generated,
      sent: this.sent,
      confirmed: this.confirmed,
      retransmitted: this.retransmitted,
      rejected: this.rejected,
      duplicateConfirmations: this.duplicateConfirmations,
      errors: this.errors,
      unconfirmed,
      elapsedSeconds: round(elapsed),
      documentsPerSecond: elapsed > 0 ? Math.round(delivered / elapsed) : 0,
      latencyMs: { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), max: pct(1) },
      connectMs: { p50: connect(0.5), p99: connect(0.99), max: connect(1) },
    };
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
