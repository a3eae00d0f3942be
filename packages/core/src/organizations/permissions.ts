/**
 * Roles and what each may do: the one table later features consult
 * (`can(role, 'revenue.view')`). Names match @openofd/contract `roles` and
 * `permissions`; core cannot import contract, so the API's tests check that
 * the two lists agree.
 */
export const ROLES = ['owner', 'administrator', 'accountant', 'cashier_viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'organization.view',
  'organization.edit',
  'members.view',
  'members.manage',
  'registers.view',
  'registers.manage',
  'documents.view',
  'documents.export',
  'revenue.view',
  'analytics.view',
  'market.order',
  'billing.view',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  administrator: PERMISSIONS.filter((p) => p !== 'members.manage'),
  accountant: [
    'organization.view',
    'members.view',
    'registers.view',
    'documents.view',
    'documents.export',
    'revenue.view',
    'analytics.view',
    'billing.view',
  ],
  // Sees registers and receipts, but no revenue figures, analytics or exports.
  cashier_viewer: ['organization.view', 'registers.view', 'documents.view'],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
