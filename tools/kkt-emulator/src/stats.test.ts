import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LatencyHistogram } from './latency-histogram.js';
import { RunStats } from './stats.js';

/** Within the histogram's resolution (0.2 % of the value, or 1 µs). */
function near(actual: number, expected: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= Math.max(0.001, expected * 0.002),
    `${what}: ${actual}, expected ${expected}`,
  );
}

test('latency percentiles and delivered counts in the summary', () => {
  const stats = new RunStats();
  for (let ms = 100; ms >= 1; ms--) stats.latency(ms);
  stats.generated = 103;
  stats.confirmed = 99;
  stats.rejected = 1;
  const s = stats.summary(4, 2, 3);
  near(s.latencyMs.p50, 51, 'p50');
  near(s.latencyMs.p95, 96, 'p95');
  assert.equal(s.latencyMs.p99, 100);
  assert.equal(s.latencyMs.max, 100);
  assert.deepEqual([s.registers, s.connections, s.unconfirmed, s.confirmed, s.rejected], [4, 2, 3, 99, 1]);
});

test('percentiles match sorting every sample, to 0.2 %, from microseconds to minutes', () => {
  const h = new LatencyHistogram();
  const samples: number[] = [];
  let x = 12345;
  for (let i = 0; i < 20_000; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    // Log-uniform from 1 µs to ~10 min.
    const ms = Math.round(10 ** ((x / 2 ** 31) * 8.8 - 3) * 1000) / 1000;
    samples.push(ms);
    h.record(ms);
  }
  samples.sort((a, b) => a - b);
  for (const p of [0, 0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 1]) {
    const exact = samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
    near(h.percentile(p), exact, `p${p * 100}`);
  }
  assert.equal(h.percentile(1), samples.at(-1));
  assert.equal(h.count, 20_000);
});

test('small latencies are exact to the microsecond; an empty histogram reports 0', () => {
  const h = new LatencyHistogram();
  assert.equal(h.percentile(0.5), 0);
  for (const ms of [0.003, 0.25, 0.511, 0.042]) h.record(ms);
  assert.equal(h.percentile(0.5), 0.25);
  assert.equal(h.percentile(0.25), 0.042);
  assert.equal(h.percentile(1), 0.511);
});

test('memory is fixed: a stream of days keeps every sample counted', () => {
  const stats = new RunStats();
  for (let i = 0; i < (1 << 20) + 1000; i++) stats.latency(i < 1 << 20 ? 1 : 5000);
  const s = stats.summary(1, 1, 0);
  assert.equal(s.latencyMs.max, 5000);
  assert.equal(s.latencyMs.p50, 1);
  // The last 1000 of 1 049 576 samples are past the 99.9th percentile.
  assert.equal(s.latencyMs.p99, 1);
});
