import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { permissions as contractPermissions, roles as contractRoles } from '@openofd/contract';
import { PERMISSIONS, ROLES } from '@openofd/core';
import {
  type Client,
  createHarness,
  type Harness,
  STRONG,
  signedUpUser,
  tokenOf,
} from '../testing/harness.js';

let h: Harness;
let owner: Client;
let orgId: string;
before(async () => {
  h = await createHarness();
  owner = await signedUpUser(h, 'owner@example.ru', '+79140000001');
});
after(async () => {
  await h.close();
});

/** A valid 10-digit INN from 9 digits (standard check digit). */
function inn10(nine: string): string {
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = [...nine].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return `${nine}${(sum % 11) % 10}`;
}

const details = {
  name: 'ООО «Ромашка»',
  inn: inn10('770101001'),
  kpp: '770101001',
  directorName: 'Иванов Иван Иванович',
  legalAddress: 'Москва, ул. Тверская, 1',
  actualAddress: 'Москва, ул. Тверская, 1',
};

test('core and contract agree on roles and permissions', () => {
  assert.deepEqual([...ROLES], [...contractRoles]);
  assert.deepEqual([...PERMISSIONS], [...contractPermissions]);
});

test('profile: full name saved at once; /api/me lists organizations with role and permissions', async () => {
  const r = await owner.patch('/api/me/profile', { fullName: '  Иванов Иван Иванович ' });
  assert.equal(r.status, 200);
  assert.equal(r.body.user.fullName, 'Иванов Иван Иванович');

  const created = await owner.post('/api/organizations', details);
  assert.equal(created.status, 201);
  orgId = created.body.id;
  assert.equal(created.body.kpp, '770101001');
  const me = await owner.get('/api/me');
  assert.equal(me.body.organizations.length, 1);
  assert.equal(me.body.organizations[0].role, 'owner');
  assert.ok(me.body.organizations[0].permissions.includes('revenue.view'));
});

test('organization details: bad INN checksum and KPP format → 400 per field; nothing changes', async () => {
  const bad = await owner.put(`/api/organizations/${orgId}`, { ...details, inn: '7707083890', kpp: '77A' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.fields.kpp, 'КПП — 9 знаков, например 770401001');
  const badInn = await owner.put(`/api/organizations/${orgId}`, { ...details, inn: '7707083890' });
  assert.equal(badInn.status, 400);
  assert.match(badInn.body.error.fields.inn, /контрольное число/);
  const format = await owner.put(`/api/organizations/${orgId}`, { ...details, inn: '12345' });
  assert.match(format.body.error.fields.inn, /10 цифр/);
  const ok = await owner.put(`/api/organizations/${orgId}`, {
    ...details,
    directorName: 'Петров Пётр',
    kpp: '',
  });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.directorName, 'Петров Пётр');
  assert.equal(ok.body.kpp, null);
  assert.equal((await owner.get(`/api/organizations/${orgId}`)).body.inn, details.inn);
});

test("someone else's organization id (or a malformed one) → 404, never 403", async () => {
  const stranger = await signedUpUser(h, 'stranger@example.ru', '+79140000002');
  for (const path of [`/api/organizations/${orgId}`, `/api/organizations/${orgId}/members`]) {
    const r = await stranger.get(path);
    assert.equal(r.status, 404, path);
    assert.equal(r.body.error.code, 'not_found');
  }
  const put = await stranger.put(`/api/organizations/${orgId}`, { ...details, name: 'Захват' });
  assert.equal(put.status, 404);
  const invite = await stranger.post(`/api/organizations/${orgId}/invitations`, {
    email: 'x@example.ru',
    role: 'owner',
  });
  assert.equal(invite.status, 404);
  assert.equal((await stranger.get('/api/organizations/not-a-uuid')).status, 404);
  assert.equal((await owner.get(`/api/organizations/${orgId}`)).body.name, details.name);
  const taken = await stranger.post('/api/organizations', details);
  assert.equal(taken.status, 409);
  assert.match(taken.body.error.fields.inn, /уже зарегистрирована/);
});

test('invitation to a new user: letter → accept-new creates the account; cashier-viewer has no revenue', async () => {
  const inv = await owner.post(`/api/organizations/${orgId}/invitations`, {
    email: 'Cashier@example.ru',
    role: 'cashier_viewer',
  });
  assert.equal(inv.status, 201);
  const letter = await h.lastMessage('cashier@example.ru');
  assert.match(letter.subject ?? '', /Приглашение в «ООО «Ромашка»»/);
  const token = tokenOf(letter.links[0]!);
  const c = h.client();
  const info = await c.get(`/api/invitations/${token}`);
  assert.equal(info.status, 200);
  assert.deepEqual(
    { ...info.body, expiresAt: undefined },
    {
      organizationName: 'ООО «Ромашка»',
      role: 'cashier_viewer',
      email: 'cashier@example.ru',
      accountExists: false,
      expiresAt: undefined,
    },
  );
  const weak = await c.post('/api/invitations/accept-new', { token, phone: '+79140000003', password: '123' });
  assert.equal(weak.status, 400);
  const r = await c.post('/api/invitations/accept-new', {
    token,
    phone: '+79140000003',
    password: STRONG,
    fullName: 'Кассир',
  });
  assert.equal(r.status, 200);
  const m = r.body.organizations[0];
  assert.equal(m.role, 'cashier_viewer');
  assert.ok(!m.permissions.includes('revenue.view'));
  assert.ok(m.permissions.includes('documents.view'));
  assert.equal(
    (await c.post('/api/invitations/accept-new', { token, phone: '+79140000004', password: STRONG })).status,
    400,
  );
  const edit = await c.put(`/api/organizations/${orgId}`, details);
  assert.equal(
    edit.status,
    403,
    'a member without organization.edit is refused (the org is visible to them)',
  );
  assert.equal(
    (await c.post('/api/auth/sign-in', { login: 'cashier@example.ru', password: STRONG })).status,
    200,
  );
});

test('invitation to an existing user: must be signed in as the invited address', async () => {
  const acc = await signedUpUser(h, 'acc@example.ru', '+79140000005');
  const other = await signedUpUser(h, 'other2@example.ru', '+79140000006');
  await owner.post(`/api/organizations/${orgId}/invitations`, {
    email: 'acc@example.ru',
    role: 'accountant',
  });
  const token = tokenOf((await h.lastMessage('acc@example.ru')).links.at(-1)!);
  assert.equal((await h.client().get(`/api/invitations/${token}`)).body.accountExists, true);
  const wrong = await other.post('/api/invitations/accept', { token });
  assert.equal(wrong.status, 403);
  assert.match(wrong.body.error.message, /acc@example.ru/);
  const ok = await acc.post('/api/invitations/accept', { token });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.organizations[0].role, 'accountant');
  const members = await owner.get(`/api/organizations/${orgId}/members`);
  assert.deepEqual(
    members.body.members.map((x: { email: string; role: string }) => `${x.email}:${x.role}`),
    ['owner@example.ru:owner', 'cashier@example.ru:cashier_viewer', 'acc@example.ru:accountant'],
  );
  const dup = await owner.post(`/api/organizations/${orgId}/invitations`, {
    email: 'acc@example.ru',
    role: 'owner',
  });
  assert.equal(dup.status, 409);
  const byAccountant = await acc.post(`/api/organizations/${orgId}/invitations`, {
    email: 'z@example.ru',
    role: 'owner',
  });
  assert.equal(byAccountant.status, 403);
  assert.equal((await acc.get(`/api/organizations/${orgId}/members`)).body.invitations.length, 0);
});

test('e-mail change is confirmed by a letter to the new address; password change ends other sessions', async () => {
  const u = await signedUpUser(h, 'mover@example.ru', '+79140000007');
  const second = h.client();
  await second.post('/api/auth/sign-in', { login: 'mover@example.ru', password: STRONG });
  const wrongPw = await u.post('/api/me/email-change', { newEmail: 'moved@example.ru', password: 'nope' });
  assert.equal(wrongPw.status, 400);
  assert.ok(wrongPw.body.error.fields.password);
  const taken = await u.post('/api/me/email-change', { newEmail: 'owner@example.ru', password: STRONG });
  assert.equal(taken.status, 409);
  assert.equal(
    (await u.post('/api/me/email-change', { newEmail: 'Moved@example.ru', password: STRONG })).status,
    202,
  );
  assert.equal((await u.get('/api/me')).body.user.pendingEmail, 'moved@example.ru');
  const token = tokenOf((await h.lastMessage('moved@example.ru')).links[0]!);
  assert.equal((await h.client().post('/api/me/email-change/confirm', { token })).status, 200);
  assert.equal((await h.client().post('/api/me/email-change/confirm', { token })).status, 400);
  const me = (await u.get('/api/me')).body.user;
  assert.equal(me.email, 'moved@example.ru');
  assert.equal(me.pendingEmail, null);

  const bad = await u.post('/api/me/password', { currentPassword: 'wrong', newPassword: 'Another-2028' });
  assert.equal(bad.status, 400);
  assert.ok(bad.body.error.fields.currentPassword);
  assert.equal(
    (await u.post('/api/me/password', { currentPassword: STRONG, newPassword: 'Another-2028' })).status,
    200,
  );
  assert.equal((await u.get('/api/me')).status, 200, 'this session stays');
  assert.equal((await second.get('/api/me')).status, 401, 'the other session ended');
  const types = (await u.get('/api/me/security-events')).body.events.map((e: { type: string }) => e.type);
  for (const t of ['password_changed', 'email_changed', 'email_change_requested', 'sign_in', 'sign_up']) {
    assert.ok(types.includes(t), t);
  }
});
