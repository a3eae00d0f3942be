import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../db/database.js';
import { listMemberships } from '../organizations/list-memberships.js';
import { createTestDatabase } from '../testing/test-database.js';
import { noMeta } from './context.js';
import { ensureDemoAccount } from './ensure-demo-account.js';
import { signIn } from './sign-in.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database.close();
});

const demo = {
  email: 'demo@openofd.local',
  phone: '+79990000000',
  password: 'Demo-2026',
  fullName: 'Демо',
  organizations: [
    { name: 'ООО "Ромашка"', inn: '7708123453', kpp: '770801001', address: 'Москва' },
    { name: 'ИП Соколова', inn: '500100732259' },
  ],
};

test('the demo account is created confirmed, owns the demo organizations, and a second run changes nothing', async () => {
  const first = await ensureDemoAccount(database.db, demo);
  assert.equal(first.created, true);
  const again = await ensureDemoAccount(database.db, { ...demo, password: 'Other-2026' });
  assert.deepEqual(again, { userId: first.userId, created: false });
  const memberships = await listMemberships(database.db, first.userId);
  assert.deepEqual(memberships.map((m) => [m.organization.inn, m.role]).sort(), [
    ['500100732259', 'owner'],
    ['7708123453', 'owner'],
  ]);
  const deps = {
    db: database.db,
    mailer: { send: async () => {}, close() {} },
    sms: { send: async () => {} },
    publicUrl: 'http://localhost:8080',
  };
  const session = await signIn(deps, { login: demo.email, password: demo.password }, noMeta);
  assert.equal(session.userId, first.userId, 'the original password still works: restarts do not reset it');
});
