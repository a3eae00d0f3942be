// Counters and confirmation latencies of a fleet run, and the JSON summary
// `openofd emulate` prints.

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
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

/** Latency samples kept for the percentiles (8 MiB). */
const MAX_SAMPLES = 1 << 20;

export class RunStats {
  generated = 0;
  sent = 0;
  confirmed = 0;
  retransmitted = 0;
  rejected = 0;
  duplicateConfirmations = 0;
  errors = 0;
  private latencies = new Float64Array(1024);
  private count = 0;
  /** Samples ever taken; past MAX_SAMPLES the oldest are overwritten (a streaming fleet runs for days). */
  private taken = 0;
  readonly startedAt = performance.now();
  firstSendAt: number | undefined;
  lastAckAt: number | undefined;

  latency(ms: number): void {
    if (this.count === this.latencies.length && this.count < MAX_SAMPLES) {
      const grown = new Float64Array(Math.min(MAX_SAMPLES, this.latencies.length * 2));
      grown.set(this.latencies);
      this.latencies = grown;
    }
    if (this.count < this.latencies.length) this.latencies[this.count++] = ms;
    else this.latencies[this.taken % MAX_SAMPLES] = ms;
    this.taken++;
  }

  summary(registers: number, connections: number, unconfirmed: number): EmulatorSummary {
    const sorted = this.latencies.slice(0, this.count).sort();
    const pct = (p: number) =>
      sorted.length === 0 ? 0 : round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!);
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
    };
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
