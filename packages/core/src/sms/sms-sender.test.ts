import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createHttpSms } from './sms-sender.js';

test('the HTTP SMS adapter POSTs { to, text } as JSON; a non-2xx answer is an error', async () => {
  const received: unknown[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ method: req.method, type: req.headers['content-type'], body: JSON.parse(body) });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
    const sms = createHttpSms(url);
    await sms.send({ to: '+79120000001', text: 'код 123456' });
    assert.deepEqual(received, [
      { method: 'POST', type: 'application/json', body: { to: '+79120000001', text: 'код 123456' } },
    ]);
    status = 500;
    await assert.rejects(sms.send({ to: '+79120000001', text: 'x' }), /answered 500/);
  } finally {
    server.close();
  }
});
