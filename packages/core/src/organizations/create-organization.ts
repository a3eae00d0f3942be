import { uniqueViolation } from '../accounts/unique-violation.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { memberships, type OrganizationRow, organizations } from './tables.js';
import { INN_TAKEN, type OrganizationDetails, validateDetails } from './validate-details.js';

export function detailsRow(d: OrganizationDetails) {
  return {
    name: d.name.trim(),
    inn: d.inn,
    kpp: d.kpp ? d.kpp : null,
    ogrn: d.ogrn ? d.ogrn : null,
    directorName: d.directorName?.trim() ?? '',
    legalAddress: d.legalAddress?.trim() ?? '',
    actualAddress: d.actualAddress?.trim() ?? '',
  };
}

/** Adds an organization; the user becomes its owner. INN is unique across the operator. */
export async function createOrganization(
  db: Db,
  input: { userId: string; details: OrganizationDetails },
): Promise<OrganizationRow> {
  validateDetails(input.details);
  return db
    .transaction(async (tx) => {
      const [org] = await tx.insert(organizations).values(detailsRow(input.details)).returning();
      await tx.insert(memberships).values({ organizationId: org!.id, userId: input.userId, role: 'owner' });
      return org!;
    })
    .catch((err: unknown) => {
      if (uniqueViolation(err) === null) throw err;
      throw new AppError('CONFLICT', INN_TAKEN, { fields: { inn: INN_TAKEN } });
    });
}
