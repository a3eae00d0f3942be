import { AppError } from '../errors.js';
import { issueAuthToken } from './auth-tokens.js';
import { type AccountsDeps, nowOf, policy, type RequestMeta } from './context.js';
import { deliverLetter } from './deliver.js';
import { findUserByEmail, findUserByPhone } from './find-user.js';
import { confirmEmailLetter } from './letters.js';
import { recordSecurityEvent } from './record-security-event.js';
import { hashPassword } from './secrets.js';
import { users } from './tables.js';
import { uniqueViolation } from './unique-violation.js';

export interface SignUpInput {
  /** lower-cased */
  email: string;
  /** +7XXXXXXXXXX */
  phone: string;
  password: string;
  fullName?: string | undefined;
}

export const EMAIL_TAKEN = 'Этот e-mail уже зарегистрирован. Войдите или восстановите пароль';
export const PHONE_TAKEN = 'Этот телефон уже зарегистрирован. Войдите или восстановите пароль';

function taken(fields: Record<string, string>): AppError {
  return new AppError('CONFLICT', Object.values(fields).join('. '), { fields });
}

/** Creates an unconfirmed account and sends the confirmation letter. */
export async function signUp(
  deps: AccountsDeps,
  input: SignUpInput,
  meta: RequestMeta,
): Promise<{ userId: string; email: string; phone: string }> {
  const fields: Record<string, string> = {};
  if (await findUserByEmail(deps.db, input.email)) fields.email = EMAIL_TAKEN;
  if (await findUserByPhone(deps.db, input.phone)) fields.phone = PHONE_TAKEN;
  if (Object.keys(fields).length > 0) throw taken(fields);

  const now = nowOf(deps);
  const passwordHash = await hashPassword(input.password);
  const { userId, token } = await deps.db
    .transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, phone: input.phone, fullName: input.fullName ?? '', passwordHash })
        .returning({ id: users.id });
      const token = await issueAuthToken(tx, {
        userId: user!.id,
        purpose: 'confirm_email',
        now,
        ttlMs: policy.confirmEmailMs,
      });
      await recordSecurityEvent(tx, { userId: user!.id, type: 'sign_up', meta });
      return { userId: user!.id, token };
    })
    .catch((err: unknown) => {
      const constraint = uniqueViolation(err);
      if (constraint === null) throw err;
      throw taken(constraint.includes('phone') ? { phone: PHONE_TAKEN } : { email: EMAIL_TAKEN });
    });
  await deliverLetter(
    deps,
    confirmEmailLetter(deps.publicUrl, input.email, token, policy.confirmEmailMs / 3600_000),
  );
  return { userId, email: input.email, phone: input.phone };
}
