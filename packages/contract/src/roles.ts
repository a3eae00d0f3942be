import { z } from 'zod';

export const roles = ['owner', 'administrator', 'accountant', 'cashier_viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  owner: 'Владелец',
  administrator: 'Администратор',
  accountant: 'Бухгалтер',
  cashier_viewer: 'Кассир (просмотр)',
};

/**
 * Permission names. Which role holds which is decided by the server
 * (core `rolePermissions`) and sent in `GET /api/me` per organization; the web
 * app hides what a permission is missing for (e.g. revenue figures without
 * `revenue.view`).
 */
export const permissions = [
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
export const permissionSchema = z.enum(permissions);
export type Permission = z.infer<typeof permissionSchema>;
