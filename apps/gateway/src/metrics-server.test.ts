import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayMetrics } from './metrics.js';
import { startMetricsServer } from './metrics-server.js';

test('serves the gateway metrics as Prometheus text at /metrics only', async () => {
  const metrics = new GatewayMetrics();
  metrics.reject('bad_crc');
  metrics.batchSize.observe(42);
  const server = await startMetricsServer({ registry: metrics.registry, port: 0, host: '127.0.0.1' });
  try {
    const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.match(text, /^ofd_gateway_documents_rejected_total\{reason="bad_crc"\} 1$/m);
    assert.match(text, /^ofd_gateway_batch_size_sum 42$/m);
    assert.equal((await fetch(`http://127.0.0.1:${server.port}/`)).status, 404);
  } finally {
    await server.close();
  }
});
