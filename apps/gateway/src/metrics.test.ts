import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayMetrics } from './metrics.js';

test('per-document counts appear in /metrics text when read, once each', async () => {
  const metrics = new GatewayMetrics();
  for (let i = 0; i < 3; i++) metrics.countReceived();
  metrics.countStored('stored');
  metrics.countStored('stored');
  metrics.countStored('duplicate');
  metrics.countStored('not-stored');
  metrics.countAnswered(0, 0.004);
  metrics.countAnswered(0, 0.03);
  metrics.countAnswered(14, 0.004);
  const text = await metrics.registry.metrics();
  assert.match(text, /^ofd_gateway_documents_received_total 3$/m);
  assert.match(text, /^ofd_gateway_documents_stored_total 2$/m);
  assert.match(text, /^ofd_gateway_documents_duplicate_total 1$/m);
  assert.match(text, /^ofd_gateway_confirmations_total\{code="0"\} 2$/m);
  assert.match(text, /^ofd_gateway_confirmations_total\{code="14"\} 1$/m);
  assert.match(text, /^ofd_gateway_confirm_seconds_bucket\{le="0.005"\} 2$/m);
  assert.match(text, /^ofd_gateway_confirm_seconds_count 3$/m);
  // A second read neither loses nor doubles what the first one folded in.
  metrics.countReceived();
  const again = await metrics.registry.metrics();
  assert.match(again, /^ofd_gateway_documents_received_total 4$/m);
  assert.match(again, /^ofd_gateway_documents_stored_total 2$/m);
  assert.match(again, /^ofd_gateway_confirmations_total\{code="0"\} 2$/m);
  // The counters read one by one (as `openofd start` prints its figures) fold in too.
  metrics.countStored('stored');
  assert.equal((await metrics.stored.get()).values[0]?.value, 3);
});
