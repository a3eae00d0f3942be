import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RunStats } from './stats.js';

test('latency percentiles and delivered counts in the summary', () => {
  const stats = new RunStats();
  for (let ms = 100; ms >= 1; ms--) stats.latency(ms);
  stats.generated = 103;
  stats.confirmed = 99;
  stats.rejected = 1;
  const s = stats.summary(4, 2, 3);
  assert.deepEqual(s.latencyMs, { p50: 51, p95: 96, p99: 100, max: 100 });
  assert.deepEqual([s.registers, s.connections, s.unconfirmed, s.confirmed, s.rejected], [4, 2, 3, 99, 1]);
});

test('past a million samples the oldest are overwritten, so a stream of days stays bounded', () => {
  const stats = new RunStats();
  for (let i = 0; i < (1 << 20) + 1000; i++) stats.latency(i < 1 << 20 ? 1 : 5000);
  const s = stats.summary(1, 1, 0);
  assert.equal(s.latencyMs.max, 5000);
  assert.equal(s.latencyMs.p50, 1);
});
