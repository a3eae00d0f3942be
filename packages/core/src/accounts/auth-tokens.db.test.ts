import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { createOrganization } from '../organizations/create-organization.js';
import { listAccessibleOrganizations } from '../organizations/list-accessible-organizations.js';
import { memberships } from '../organizations/tables.js';
import { createTestDatabase } from '../testing/test-database.js';
import { consumeAuthToken, issueAuthToken } from './auth-tokens.js';
import { users } from './tables.js';

let database: Database;
let userId: string;
before(async () => {
  database = await createTestDatabase();
  const [u] = await database.db
    .insert(users)
    .values({ email: 't@example.ru', phone: '+79170000001', passwordHash: 'x' })
    .returning({ id: users.id });
  userId = u!.id;
});
after(async () => {
  await database.close();
});

test('a link token is consumed exactly once, even by concurrent requests', async () => {
  const now = new Date();
  const token = await issueAuthToken(database.db, { userId, purpose: 'reset_password', now, ttlMs: 60_000 });
  const results = await Promise.allSettled(
    Array.from({ length: 5 }, () => consumeAuthToken(database.db, { token, purpose: 'reset_password', now })),
  );
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  for (const r of results) {
    if (r.status === 'rejected')
      assert.ok(r.reason instanceof AppError && /уже использована/.test(r.reason.message));
  }
});

test('a token works only for its purpose; a newer token retires the older one', async () => {
  const now = new Date();
  const first = await issueAuthToken(database.db, { userId, purpose: 'confirm_email', now, ttlMs: 60_000 });
  await assert.rejects(
    consumeAuthToken(database.db, { token: first, purpose: 'reset_password', now }),
    /неверна/,
  );
  const second = await issueAuthToken(database.db, { userId, purpose: 'confirm_email', now, ttlMs: 60_000 });
  await assert.rejects(
    consumeAuthToken(database.db, { token: first, purpose: 'confirm_email', now }),
    /уже использована/,
  );
  assert.equal(
    (await consumeAuthToken(database.db, { token: second, purpose: 'confirm_email', now })).userId,
    userId,
  );
});

test('accessible organizations follow the role: a cashier-viewer gets no revenue scope', async () => {
  const own = await createOrganization(database.db, { userId, details: { name: 'Своя', inn: '7707083893' } });
  const [other] = await database.db
    .insert(users)
    .values({ email: 'o@example.ru', phone: '+79170000002', passwordHash: 'x' })
    .returning({ id: users.id });
  const foreign = await createOrganization(database.db, {
    userId: other!.id,
    details: { name: 'Чужая', inn: '7736207543' },
  });
  await database.db
    .insert(memberships)
    .values({ organizationId: foreign.id, userId, role: 'cashier_viewer' });
  const docs = await listAccessibleOrganizations(database.db, { userId, permission: 'documents.view' });
  assert.deepEqual(docs.map((o) => o.inn).sort(), ['7707083893', '7736207543']);
  const revenue = await listAccessibleOrganizations(database.db, { userId, permission: 'revenue.view' });
  assert.deepEqual(
    revenue.map((o) => o.id),
    [own.id],
  );
});
