import { eq } from 'drizzle-orm';
import { uniqueViolation } from '../accounts/unique-violation.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { authorize } from './authorize.js';
import { detailsRow } from './create-organization.js';
import { type OrganizationRow, organizations } from './tables.js';
import { INN_TAKEN, type OrganizationDetails, validateDetails } from './validate-details.js';

/** Saves the organization details at once (permission organization.edit). */
export async function updateOrganization(
  db: Db,
  input: { userId: string; organizationId: string; details: OrganizationDetails },
): Promise<OrganizationRow> {
  await authorize(db, { ...input, permission: 'organization.edit' });
  validateDetails(input.details);
  try {
    const [row] = await db
      .update(organizations)
      .set({ ...detailsRow(input.details), updatedAt: new Date() })
      .where(eq(organizations.id, input.organizationId))
      .returning();
    return row!;
  } catch (err) {
    if (uniqueViolation(err) === null) throw err;
    throw new AppError('CONFLICT', INN_TAKEN, { fields: { inn: INN_TAKEN } });
  }
}
