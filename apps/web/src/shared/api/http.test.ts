import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ApiError } from './api-error';
import { http, readCookie } from './http';

interface Call {
  url: string;
  init: RequestInit;
}

let calls: Call[] = [];
const headersOf = (i: number) => (calls[i]?.init.headers ?? {}) as Record<string, string>;
let replies: Response[] = [];
const realFetch = globalThis.fetch;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(() => {
  calls = [];
  replies = [];
  (globalThis as { document?: unknown }).document = { cookie: 'other=1; ofd_csrf=tok%2B123' };
  globalThis.fetch = (async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    const r = replies.shift();
    if (!r) throw new TypeError('network down');
    return r;
  }) as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
  delete (globalThis as { document?: unknown }).document;
});

describe('http client', () => {
  it('reads a cookie by exact name and decodes it', () => {
    assert.equal(readCookie('ofd_csrf', 'a=1; ofd_csrf_x=2; ofd_csrf=v%3D1'), 'v=1');
    assert.equal(readCookie('missing', 'a=1'), undefined);
  });

  it('echoes the CSRF cookie on state-changing requests only', async () => {
    replies.push(json(200, { ok: true }), json(200, { ok: true }));
    await http.get('/api/me');
    await http.post('/api/auth/sign-out', { a: 1 });
    assert.equal(headersOf(0)['x-csrf-token'], undefined);
    assert.equal(headersOf(1)['x-csrf-token'], 'tok+123');
    assert.equal(calls[1]?.init.body, '{"a":1}');
    assert.equal(calls[1]?.init.credentials, 'same-origin');
  });

  it('fetches the CSRF token first when the browser has no cookie yet', async () => {
    (globalThis as { document?: unknown }).document = { cookie: '' };
    replies.push(json(200, { csrfToken: 'fresh' }), json(200, { ok: true }));
    await http.post('/api/auth/sign-in', {});
    assert.equal(calls[0]?.url, '/api/csrf');
    assert.equal(headersOf(1)['x-csrf-token'], 'fresh');
  });

  it('turns the contract error body into an ApiError with fields and lock time', async () => {
    replies.push(
      json(400, {
        error: { code: 'validation', message: 'Проверьте поля', fields: { inn: 'Неверный ИНН' } },
      }),
      json(423, {
        error: { code: 'account_locked', message: 'Заблокирован', lockedUntil: '2030-01-01T10:00:00Z' },
      }),
    );
    await assert.rejects(http.put('/api/organizations/x', {}), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.status, 400);
      assert.equal(e.code, 'validation');
      assert.deepEqual(e.fields, { inn: 'Неверный ИНН' });
      return true;
    });
    await assert.rejects(http.post('/api/auth/sign-in', {}), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.lockedUntil?.toISOString(), '2030-01-01T10:00:00.000Z');
      return true;
    });
  });

  it('gives a Russian message for network failures and non-contract answers', async () => {
    await assert.rejects(http.get('/api/me'), (e: unknown) => e instanceof ApiError && e.code === 'network');
    replies.push(new Response('<html>Bad gateway</html>', { status: 502 }));
    await assert.rejects(http.get('/api/me'), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.status, 502);
      assert.match(e.message, /Ошибка сервера/);
      return true;
    });
  });

  it('validates answers with the response schema', async () => {
    replies.push(json(200, { unexpected: true }));
    const schema = {
      parse(v: unknown) {
        if (!(v as { ok?: unknown }).ok) throw new Error('bad');
        return v as { ok: true };
      },
    };
    await assert.rejects(http.get('/api/x', { response: schema }), (e: unknown) => {
      return e instanceof ApiError && e.code === 'bad_response';
    });
  });
});
