import assert from 'node:assert/strict';
import { test } from 'node:test';
import { can, PERMISSIONS, ROLES, rolePermissions } from './permissions.js';

test('owner can do everything; only the owner manages members', () => {
  assert.deepEqual([...rolePermissions.owner], [...PERMISSIONS]);
  for (const role of ROLES) assert.equal(can(role, 'members.manage'), role === 'owner', role);
});

test('cashier-viewers see registers and receipts but no revenue, analytics or exports', () => {
  assert.ok(can('cashier_viewer', 'documents.view'));
  assert.ok(can('cashier_viewer', 'registers.view'));
  for (const p of ['revenue.view', 'analytics.view', 'documents.export', 'organization.edit'] as const) {
    assert.equal(can('cashier_viewer', p), false, p);
  }
  assert.ok(can('accountant', 'revenue.view'));
  assert.equal(can('accountant', 'organization.edit'), false);
});

test('every role holds only known permissions, without duplicates', () => {
  for (const role of ROLES) {
    const list = rolePermissions[role];
    assert.equal(new Set(list).size, list.length);
    for (const p of list) assert.ok(PERMISSIONS.includes(p));
  }
});
