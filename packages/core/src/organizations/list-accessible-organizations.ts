import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { can, type Permission, type Role } from './permissions.js';
import { memberships, organizations } from './tables.js';

export interface AccessibleOrganization {
  id: string;
  inn: string;
  role: Role;
}

/**
 * The organizations whose data the user may read under `permission` — the
 * scope later features filter by (e.g. documents by user INN, tag 1018).
 */
export async function listAccessibleOrganizations(
  db: Db,
  options: { userId: string; permission: Permission },
): Promise<AccessibleOrganization[]> {
  const rows = await db
    .select({ id: organizations.id, inn: organizations.inn, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, options.userId));
  return rows.filter((r) => can(r.role, options.permission));
}
