import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { memberships, organizations } from '../organizations/tables.js';
import { findUserByEmail } from './find-user.js';
import { hashPassword } from './secrets.js';
import { users } from './tables.js';

export interface DemoAccount {
  email: string;
  phone: string;
  password: string;
  fullName: string;
  organizations: { name: string; inn: string; kpp?: string; ogrn?: string; address?: string }[];
}

/**
 * Creates the demo account (confirmed) and makes it the owner of the given
 * organizations; idempotent: an existing account, organization or membership
 * is left as it is (its password too, if the user changed it).
 */
export async function ensureDemoAccount(
  db: Db,
  demo: DemoAccount,
): Promise<{ userId: string; created: boolean }> {
  let user = await findUserByEmail(db, demo.email);
  const created = !user;
  if (!user) {
    const [row] = await db
      .insert(users)
      .values({
        email: demo.email,
        phone: demo.phone,
        fullName: demo.fullName,
        passwordHash: await hashPassword(demo.password),
        emailConfirmedAt: new Date(),
      })
      .onConflictDoNothing()
      .returning();
    user = row ?? (await findUserByEmail(db, demo.email));
  }
  for (const org of demo.organizations) {
    await db
      .insert(organizations)
      .values({
        name: org.name,
        inn: org.inn,
        kpp: org.kpp ?? null,
        ogrn: org.ogrn ?? null,
        legalAddress: org.address ?? '',
        actualAddress: org.address ?? '',
      })
      .onConflictDoNothing();
    const [row] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.inn, org.inn));
    await db
      .insert(memberships)
      .values({ organizationId: row!.id, userId: user!.id, role: 'owner' })
      .onConflictDoNothing();
  }
  return { userId: user!.id, created };
}
