import { type AccountsDeps, nowOf } from '../accounts/context.js';
import { findUserByEmail } from '../accounts/find-user.js';
import { findInvitation } from './find-invitation.js';

/** What an invitation link offers (no session needed). */
export async function getInvitation(deps: Pick<AccountsDeps, 'db' | 'now'>, token: string) {
  const { invitation, organizationName } = await findInvitation(deps.db, token, nowOf(deps));
  return {
    organizationName,
    role: invitation.role,
    email: invitation.email,
    accountExists: (await findUserByEmail(deps.db, invitation.email)) !== undefined,
    expiresAt: invitation.expiresAt,
  };
}
