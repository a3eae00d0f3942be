import { eq } from 'drizzle-orm';
import { invalidLink } from '../accounts/errors.js';
import { hashToken } from '../accounts/secrets.js';
import type { Db } from '../db/database.js';
import { invitations, organizations } from './tables.js';

/** A usable invitation by its link token; wrong, used or expired → invalid_link. */
export async function findInvitation(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) throw invalidLink('Приглашение не найдено. Проверьте ссылку из письма');
  if (row.invitation.acceptedAt) throw invalidLink('Приглашение уже принято');
  if (row.invitation.expiresAt <= now) {
    throw invalidLink('Срок приглашения истёк. Попросите владельца организации пригласить вас снова');
  }
  return row;
}
