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

const NEW = 'Brand-New-2027';

test('recovery by e-mail: single-use link, new password, every session ends', async () => {
  const old = await signedUpUser(h, 'rec@example.ru', '+79130000001');
  const c = h.client();
  assert.equal((await c.post('/api/auth/recovery/email', { email: 'rec@example.ru' })).status, 202);
  const unknown = await c.post('/api/auth/recovery/email', { email: 'nobody@example.ru' });
  assert.equal(unknown.status, 202, 'same answer for an unknown address');
  const letter = await h.lastMessage('rec@example.ru');
  assert.match(letter.subject ?? '', /Восстановление пароля/);
  const token = tokenOf(letter.links[0]!);
  assert.match(letter.links[0]!, /\/reset-password\?token=/);

  const weak = await c.post('/api/auth/recovery/reset', { token, password: 'weak' });
  assert.equal(weak.status, 400);
  assert.ok(weak.body.error.fields.password);
  assert.equal((await c.post('/api/auth/recovery/reset', { token, password: NEW })).status, 200);
  const reused = await c.post('/api/auth/recovery/reset', { token, password: NEW });
  assert.equal(reused.status, 400);
  assert.match(reused.body.error.message, /уже использована/);

  assert.equal((await old.get('/api/me')).status, 401, 'the old session ended');
  assert.equal(
    (await c.post('/api/auth/sign-in', { login: 'rec@example.ru', password: STRONG })).status,
    401,
  );
  assert.equal((await c.post('/api/auth/sign-in', { login: 'rec@example.ru', password: NEW })).status, 200);
  const events = (await c.get('/api/me/security-events')).body.events.map((e: { type: string }) => e.type);
  assert.ok(events.includes('password_reset') && events.includes('recovery_requested'));
});

test('recovery by phone: 6-digit SMS code, wrong code counts attempts, right code → reset token', async () => {
  const old = await signedUpUser(h, 'sms@example.ru', '+79130000002');
  const c = h.client();
  const r = await c.post('/api/auth/recovery/phone', { phone: '8 913 000-00-02' });
  assert.equal(r.status, 202);
  assert.deepEqual(r.body, { ok: true, codeLifetimeSeconds: 600, codeLength: 6 });
  const sms = await h.lastMessage('+79130000002');
  const code = /(\d{6})/.exec(sms.text)![1]!;
  assert.match(sms.text, /код для восстановления пароля/);

  const wrongCode = code === '000000' ? '000001' : '000000';
  const wrong = await c.post('/api/auth/recovery/phone/verify', { phone: '+79130000002', code: wrongCode });
  assert.equal(wrong.status, 400);
  assert.match(wrong.body.error.fields.code, /Осталось попыток: 4/);
  const malformed = await c.post('/api/auth/recovery/phone/verify', { phone: '+79130000002', code: '12ab' });
  assert.equal(malformed.status, 400);
  assert.match(malformed.body.error.fields.code, /6 цифр/);

  const ok = await c.post('/api/auth/recovery/phone/verify', { phone: '+79130000002', code });
  assert.equal(ok.status, 200);
  const reusedCode = await c.post('/api/auth/recovery/phone/verify', { phone: '+79130000002', code });
  assert.equal(reusedCode.status, 400);
  assert.equal(reusedCode.body.error.code, 'invalid_link');
  assert.equal(
    (await c.post('/api/auth/recovery/reset', { token: ok.body.resetToken, password: NEW })).status,
    200,
  );
  assert.equal((await old.get('/api/me')).status, 401);
  assert.equal((await c.post('/api/auth/sign-in', { login: '+79130000002', password: NEW })).status, 200);
});

test('SMS code: five wrong tries exhaust it; an old code expires after 10 minutes', async () => {
  await signedUpUser(h, 'sms2@example.ru', '+79130000003');
  const c = h.client();
  await c.post('/api/auth/recovery/phone', { phone: '+79130000003' });
  const code = /(\d{6})/.exec((await h.lastMessage('+79130000003')).text)![1]!;
  const wrongCode = code === '999999' ? '999998' : '999999';
  for (let i = 0; i < 5; i++)
    await c.post('/api/auth/recovery/phone/verify', { phone: '+79130000003', code: wrongCode });
  const after = await c.post('/api/auth/recovery/phone/verify', { phone: '+79130000003', code });
  assert.equal(after.status, 400);
  assert.match(after.body.error.message, /Слишком много неверных попыток/);

  await c.post('/api/auth/recovery/phone', { phone: '+79130000003' });
  const code2 = /(\d{6})/.exec((await h.lastMessage('+79130000003')).text)![1]!;
  h.clock.advance(11 * 60_000);
  try {
    const late = await c.post('/api/auth/recovery/phone/verify', { phone: '+79130000003', code: code2 });
    assert.equal(late.status, 400);
    assert.match(late.body.error.message, /Срок действия кода истёк/);
  } finally {
    h.clock.advance(-11 * 60_000);
  }
});

test('the dev outbox lists letters and SMS with their links', async () => {
  const list = await h.client().get('/api/dev/mail?to=%2B79130000002');
  assert.equal(list.status, 200);
  assert.equal(list.body.messages[0].kind, 'sms');
  const mail = await h.client().get('/api/dev/mail?to=rec@example.ru');
  assert.ok(
    mail.body.messages.some((m: { links: string[] }) =>
      m.links.some((l) => l.includes('/reset-password?token=')),
    ),
  );
});
