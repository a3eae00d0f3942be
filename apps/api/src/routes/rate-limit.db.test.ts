import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createHarness, type Harness } from '../testing/harness.js';

let h: Harness;
before(async () => {
  h = await createHarness({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
});
after(async () => {
  await h.close();
});

test('sign-in, sign-up, recovery and code checks are rate limited per address → 429 with Retry-After', async () => {
  const c = h.client();
  for (const [path, body] of [
    ['/api/auth/sign-in', { login: 'a@example.ru', password: 'x' }],
    ['/api/auth/sign-up', { email: 'bad', phone: '1', password: 'x' }],
    ['/api/auth/recovery/phone', { phone: '+79160000001' }],
    ['/api/auth/recovery/phone/verify', { phone: '+79160000001', code: '123456' }],
  ] as const) {
    for (let i = 0; i < 3; i++) assert.notEqual((await c.post(path, body)).status, 429, path);
    const r = await c.post(path, body);
    assert.equal(r.status, 429, path);
    assert.equal(r.body.error.code, 'rate_limited');
    assert.match(r.body.error.message, /Слишком много попыток/);
    assert.ok(Number(r.headers['retry-after']) > 0);
  }
  assert.equal((await c.get('/api/csrf')).status, 200, 'other endpoints are not limited');
});
