import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { authorize } from './authorize.js';
import { type OrganizationRow, organizations } from './tables.js';

/** One organization the user belongs to (else NOT_FOUND). */
export async function getOrganization(
  db: Db,
  input: { userId: string; organizationId: string },
): Promise<OrganizationRow> {
  await authorize(db, input);
  const [row] = await db.select().from(organizations).where(eq(organizations.id, input.organizationId));
  return row!;
}
