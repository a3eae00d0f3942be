import { AppError } from '../errors.js';
import type { Letter } from '../mail/mailer.js';
import type { AccountsDeps } from './context.js';

/**
 * Sends a letter after its token is committed. A transport failure becomes a
 * clear UNAVAILABLE error; the stored state stays valid and the user can ask
 * again (resend, recovery, invitation).
 */
export async function deliverLetter(deps: Pick<AccountsDeps, 'mailer'>, letter: Letter): Promise<void> {
  try {
    await deps.mailer.send(letter);
  } catch (err) {
    throw new AppError(
      'UNAVAILABLE',
      'Не удалось отправить письмо: почтовый сервер недоступен. Попробуйте ещё раз через несколько минут',
      { transport: 'mail' },
      { cause: err },
    );
  }
}

export async function deliverSms(
  deps: Pick<AccountsDeps, 'sms'>,
  message: { to: string; text: string },
): Promise<void> {
  try {
    await deps.sms.send(message);
  } catch (err) {
    throw new AppError(
      'UNAVAILABLE',
      'Не удалось отправить SMS: сервис недоступен. Попробуйте ещё раз через несколько минут',
      { transport: 'sms' },
      { cause: err },
    );
  }
}
