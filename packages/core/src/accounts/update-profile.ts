import { eq } from 'drizzle-orm';
import type { AccountsDeps } from './context.js';
import { nowOf } from './context.js';
import { users } from './tables.js';

export async function updateProfile(
  deps: Pick<AccountsDeps, 'db' | 'now'>,
  input: { userId: string; fullName: string },
): Promise<void> {
  await deps.db
    .update(users)
    .set({ fullName: input.fullName.trim(), updatedAt: nowOf(deps) })
    .where(eq(users.id, input.userId));
}
