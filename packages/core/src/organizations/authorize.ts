import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { can, type Permission, type Role } from './permissions.js';
import { memberships } from './tables.js';

export const ORGANIZATION_NOT_FOUND = 'Организация не найдена';

/**
 * The user's role in the organization. Not a member (or no such organization)
 * → NOT_FOUND, so another organization's existence is not revealed; a member
 * without `permission` → FORBIDDEN.
 */
export async function authorize(
  db: Db,
  options: { userId: string; organizationId: string; permission?: Permission },
): Promise<Role> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(eq(memberships.userId, options.userId), eq(memberships.organizationId, options.organizationId)),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', ORGANIZATION_NOT_FOUND);
  if (options.permission && !can(row.role, options.permission)) {
    throw new AppError('FORBIDDEN', 'Вашей роли это действие недоступно');
  }
  return row.role;
}
