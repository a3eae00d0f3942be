import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emailSchema, newPasswordSchema, normalizePhone, passwordProblems, phoneSchema } from './fields.js';
import { organizationDetailsRequestSchema } from './organizations.js';
import { apiPath, apiRoutes } from './routes.js';

test('phones in common spellings normalise to +7XXXXXXXXXX; others are refused', () => {
  for (const p of ['+7 912 345-67-89', '8 (912) 345 67 89', '89123456789', '9123456789', '7 912 3456789']) {
    assert.equal(normalizePhone(p), '+79123456789', p);
  }
  for (const p of ['', '+7 495 123-45-67', '12345', '+1 912 345 67 89', '8912345678', 'abc']) {
    assert.equal(normalizePhone(p), null, p);
  }
  assert.equal(phoneSchema.parse('8-912-345-67-89'), '+79123456789');
  const bad = phoneSchema.safeParse('123');
  assert.equal(bad.success, false);
  assert.match(bad.error?.issues[0]?.message ?? '', /мобильный номер/);
});

test('passwords must meet every rule; the message names what is missing', () => {
  assert.deepEqual(passwordProblems('Secret123'), []);
  assert.deepEqual(
    passwordProblems('short').map((r) => r.id),
    ['length', 'letters', 'digit'],
  );
  const r = newPasswordSchema.safeParse('password');
  assert.equal(r.success, false);
  assert.match(r.error?.issues[0]?.message ?? '', /строчные и заглавные буквы, хотя бы одна цифра/);
  assert.equal(newPasswordSchema.safeParse('Пароль2026').success, true);
});

test('e-mail is trimmed and lower-cased', () => {
  assert.equal(emailSchema.parse('  Ivan@Example.RU '), 'ivan@example.ru');
  assert.equal(emailSchema.safeParse('ivan@').success, false);
});

test('organization details check INN and KPP formats', () => {
  const r = organizationDetailsRequestSchema.safeParse({ name: 'ООО', inn: '123', kpp: '77-01' });
  assert.equal(r.success, false);
  const paths = r.error?.issues.map((i) => i.path.join('.'));
  assert.deepEqual(paths?.sort(), ['inn', 'kpp']);
  assert.equal(
    organizationDetailsRequestSchema.safeParse({ name: 'ООО', inn: '7707083893', kpp: '' }).success,
    true,
  );
});

test('apiPath fills parameters', () => {
  assert.equal(apiPath(apiRoutes.members, { organizationId: 'a b' }), '/api/organizations/a%20b/members');
  assert.throws(() => apiPath(apiRoutes.members, {}));
});
