import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createHarness, type Harness, STRONG, signedUpUser, tokenOf } from '../testing/harness.js';

let h: Harness;
before(async () => {
  h = await createHarness();
});
after(async () => {
  await h.close();
});

test('sign-up sends a confirmation letter over SMTP; the link works once; then sign-in by e-mail and by phone', async () => {
  const c = h.client();
  const r = await c.post('/api/auth/sign-up', {
    email: ' Ivan@Example.RU ',
    phone: '8 (912) 000-00-01',
    password: STRONG,
  });
  assert.equal(r.status, 201);
  assert.deepEqual(r.body, { email: 'ivan@example.ru', phone: '+79120000001' });

  const early = await c.post('/api/auth/sign-in', { login: 'ivan@example.ru', password: STRONG });
  assert.equal(early.status, 403);
  assert.equal(early.body.error.code, 'email_not_confirmed');
  assert.match(early.body.error.message, /не подтверждён/);

  const letter = await h.lastMessage('ivan@example.ru');
  assert.match(letter.subject ?? '', /Подтвердите адрес/);
  assert.match(letter.text, /активировать учётную запись/);
  assert.match(letter.links[0]!, /^http:\/\/localhost:8080\/confirm-email\?token=/);
  const token = tokenOf(letter.links[0]!);

  const ok = await c.post('/api/auth/confirm-email', { token });
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.body, { email: 'ivan@example.ru' });
  const again = await c.post('/api/auth/confirm-email', { token });
  assert.equal(again.status, 400);
  assert.equal(again.body.error.code, 'invalid_link');
  assert.match(again.body.error.message, /уже использована/);

  const byEmail = await c.post('/api/auth/sign-in', { login: 'IVAN@example.ru', password: STRONG });
  assert.equal(byEmail.status, 200);
  assert.equal(byEmail.body.user.email, 'ivan@example.ru');
  assert.equal(byEmail.body.signedInWith, 'password');
  const setCookie = String(byEmail.headers['set-cookie']);
  assert.match(setCookie, /ofd_session=[^;]+;.*HttpOnly/i);
  assert.match(setCookie, /SameSite=Lax/i);

  const me = await c.get('/api/me');
  assert.equal(me.status, 200);
  assert.equal(me.body.user.phone, '+79120000001');

  const byPhone = await h.client().post('/api/auth/sign-in', { login: '+7 912 000 00 01', password: STRONG });
  assert.equal(byPhone.status, 200);

  assert.equal((await c.post('/api/auth/sign-out')).status, 204);
  assert.equal((await c.get('/api/me')).status, 401);
});

test('bad sign-up input: weak password, bad phone, bad e-mail → 400 with Russian per-field messages', async () => {
  const r = await h.client().post('/api/auth/sign-up', { email: 'nope', phone: '123', password: 'password' });
  assert.equal(r.status, 400);
  assert.equal(r.body.error.code, 'validation');
  assert.match(r.body.error.fields.email, /адрес электронной почты/);
  assert.match(r.body.error.fields.phone, /мобильный номер/);
  assert.match(r.body.error.fields.password, /Пароль слишком простой: .*заглавные.*цифра/);
  const missing = await h.client().post('/api/auth/sign-up', {});
  assert.equal(missing.status, 400);
  assert.ok(
    missing.body.error.fields.email && missing.body.error.fields.phone && missing.body.error.fields.password,
  );
});

test('duplicate e-mail or phone → 409 naming the field; nothing is created', async () => {
  await signedUpUser(h, 'dup@example.ru', '+79120000002');
  const r = await h
    .client()
    .post('/api/auth/sign-up', { email: 'DUP@example.ru', phone: '+79120000003', password: STRONG });
  assert.equal(r.status, 409);
  assert.match(r.body.error.fields.email, /уже зарегистрирован/);
  const p = await h
    .client()
    .post('/api/auth/sign-up', { email: 'other@example.ru', phone: '89120000002', password: STRONG });
  assert.equal(p.status, 409);
  assert.ok(p.body.error.fields.phone);
  const signIn = await h.client().post('/api/auth/sign-in', { login: 'other@example.ru', password: STRONG });
  assert.equal(signIn.status, 401);
});

test('an expired confirmation link is refused; a resent letter works', async () => {
  const c = h.client();
  await c.post('/api/auth/sign-up', { email: 'late@example.ru', phone: '+79120000004', password: STRONG });
  const token = tokenOf((await h.lastMessage('late@example.ru')).links[0]!);
  h.clock.advance(49 * 3600_000);
  try {
    const r = await c.post('/api/auth/confirm-email', { token });
    assert.equal(r.status, 400);
    assert.match(r.body.error.message, /Срок действия ссылки истёк/);
    assert.equal((await c.post('/api/auth/resend-confirmation', { email: 'late@example.ru' })).status, 202);
    const fresh = tokenOf((await h.lastMessage('late@example.ru')).links[0]!);
    assert.notEqual(fresh, token);
    assert.equal((await c.post('/api/auth/confirm-email', { token: fresh })).status, 200);
  } finally {
    h.clock.advance(-49 * 3600_000);
  }
  assert.equal(
    (await c.post('/api/auth/confirm-email', { token: 'x'.repeat(40) })).body.error.code,
    'invalid_link',
  );
});

test('wrong password → 401; five in a row lock the account with a clear message and the unlock time', async () => {
  await signedUpUser(h, 'lock@example.ru', '+79120000005');
  const c = h.client();
  for (let i = 0; i < 4; i++) {
    const r = await c.post('/api/auth/sign-in', { login: 'lock@example.ru', password: 'Wrong-2026' });
    assert.equal(r.status, 401);
    assert.equal(r.body.error.message, 'Неверный логин или пароль');
  }
  const fifth = await c.post('/api/auth/sign-in', { login: 'lock@example.ru', password: 'Wrong-2026' });
  assert.equal(fifth.status, 423);
  assert.equal(fifth.body.error.code, 'account_locked');
  assert.match(fifth.body.error.message, /заблокирован на 15 мин \(до \d\d:\d\d МСК\)/);
  assert.ok(Date.parse(fifth.body.error.lockedUntil) > Date.now());
  const right = await c.post('/api/auth/sign-in', { login: 'lock@example.ru', password: STRONG });
  assert.equal(right.status, 423, 'even the right password waits for the lock');
  h.clock.advance(16 * 60_000);
  try {
    assert.equal(
      (await c.post('/api/auth/sign-in', { login: 'lock@example.ru', password: STRONG })).status,
      200,
    );
  } finally {
    h.clock.advance(-16 * 60_000);
  }
  const unknown = await c.post('/api/auth/sign-in', { login: 'ghost@example.ru', password: STRONG });
  assert.equal(unknown.status, 401);
  assert.equal(unknown.body.error.message, 'Неверный логин или пароль');
});

test('state-changing requests without the CSRF header (or with a wrong one) → 403 csrf', async () => {
  const c = h.client();
  c.csrf = false;
  const r = await c.post('/api/auth/sign-in', { login: 'a@b.ru', password: 'x' });
  assert.equal(r.status, 403);
  assert.equal(r.body.error.code, 'csrf');
  assert.match(r.body.error.message, /CSRF/);
  const signedIn = await signedUpUser(h, 'csrf@example.ru', '+79120000006');
  signedIn.csrf = false;
  const patch = await signedIn.patch('/api/me/profile', { fullName: 'Хакер' });
  assert.equal(patch.status, 403);
  signedIn.csrf = true;
  assert.equal((await signedIn.get('/api/me')).body.user.fullName, '');
});

test('the session cookie expires after a week idle; use slides it forward', async () => {
  const c = await signedUpUser(h, 'slide@example.ru', '+79120000007');
  h.clock.advance(6 * 86_400_000);
  try {
    assert.equal((await c.get('/api/me')).status, 200);
    h.clock.advance(6 * 86_400_000);
    assert.equal((await c.get('/api/me')).status, 200, 'used 6 days ago: still alive');
    h.clock.advance(8 * 86_400_000);
    assert.equal((await c.get('/api/me')).status, 401);
  } finally {
    h.clock.advance(-20 * 86_400_000);
  }
});

test('OpenAPI is generated from the contract and the docs UI is served', async () => {
  const c = h.client();
  const doc = await c.get('/api/openapi.json');
  assert.equal(doc.status, 200);
  assert.ok(doc.body.paths['/api/auth/sign-up'].post.requestBody);
  assert.ok(doc.body.paths['/api/organizations/{organizationId}'].put);
  const me = await c.get('/api/me');
  assert.equal(me.headers['cache-control'], 'no-store');
  assert.equal(me.headers['referrer-policy'], 'no-referrer');
  assert.equal(me.headers['x-frame-options'], 'DENY');
  const ui = await c.get('/api/docs/');
  assert.equal(ui.status, 200);
  assert.equal((await c.get('/healthz')).body.ok, true);
});

test('serves the built web app with an SPA fallback; unknown /api paths stay JSON 404', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dist = mkdtempSync(join(tmpdir(), 'ofd-web-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>ЛК</title>');
  writeFileSync(join(dist, 'app.js'), 'console.log(1)');
  const web = await createHarness({ webDist: dist });
  try {
    const c = web.client();
    assert.match(String((await c.get('/')).body), /ЛК/);
    assert.match(String((await c.get('/profile/organizations')).body), /ЛК/);
    assert.equal((await c.get('/app.js')).body, 'console.log(1)');
    const api = await c.get('/api/nope');
    assert.equal(api.status, 404);
    assert.equal(api.body.error.code, 'not_found');
  } finally {
    await web.close();
    rmSync(dist, { recursive: true, force: true });
  }
});

test('a letter that cannot be sent → 503 unavailable; the account stays and the letter can be resent', async () => {
  let fail = true;
  const broken = await createHarness({
    mailer: {
      async send() {
        if (fail) throw new Error('connect ECONNREFUSED');
      },
      close() {},
    },
  });
  try {
    const c = broken.client();
    const r = await c.post('/api/auth/sign-up', {
      email: 'nomail@example.ru',
      phone: '+79120000099',
      password: STRONG,
    });
    assert.equal(r.status, 503);
    assert.equal(r.body.error.code, 'unavailable');
    assert.match(r.body.error.message, /Не удалось отправить письмо/);
    fail = false;
    assert.equal((await c.post('/api/auth/resend-confirmation', { email: 'nomail@example.ru' })).status, 202);
    const again = await c.post('/api/auth/sign-up', {
      email: 'nomail@example.ru',
      phone: '+79120000099',
      password: STRONG,
    });
    assert.equal(again.status, 409);
  } finally {
    await broken.close();
  }
});

test('with a real SMTP server configured there is no dev outbox: /api/dev/mail → 404', async () => {
  const prod = await createHarness({ devMailbox: false });
  try {
    const r = await prod.client().get('/api/dev/mail');
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'not_found');
  } finally {
    await prod.close();
  }
});
