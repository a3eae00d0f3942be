import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { type Permission, type Role, rolePermissions } from './permissions.js';
import { memberships, type OrganizationRow, organizations } from './tables.js';

export interface MembershipView {
  organization: OrganizationRow;
  role: Role;
  permissions: Permission[];
}

/** Every organization the user belongs to, with role and permissions, by name. */
export async function listMemberships(db: Db, userId: string): Promise<MembershipView[]> {
  const rows = await db
    .select({ organization: organizations, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name), asc(organizations.id));
  return rows.map((r) => ({ ...r, permissions: [...rolePermissions[r.role]] }));
}
