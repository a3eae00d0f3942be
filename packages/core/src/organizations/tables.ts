import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role } from './permissions.js';

// Mirrors migrations/0002_accounts.sql.
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  inn: text('inn').notNull(),
  kpp: text('kpp'),
  ogrn: text('ogrn'),
  directorName: text('director_name').notNull().default(''),
  legalAddress: text('legal_address').notNull().default(''),
  actualAddress: text('actual_address').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
export type OrganizationRow = typeof organizations.$inferSelect;

export const memberships = pgTable('memberships', {
  organizationId: uuid('organization_id').notNull(),
  userId: uuid('user_id').notNull(),
  role: text('role').$type<Role>().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  email: text('email').notNull(),
  role: text('role').$type<Role>().notNull(),
  tokenHash: text('token_hash').notNull(),
  invitedBy: uuid('invited_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  acceptedAt: ts('accepted_at'),
  acceptedBy: uuid('accepted_by'),
});
