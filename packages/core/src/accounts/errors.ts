import { AppError, type AppErrorCode } from '../errors.js';

/**
 * Account errors are core `AppError`s; `details.reason` names the precise
 * case (the API's error table maps it to status and contract error code),
 * `details.fields` carries per-field Russian messages.
 */
export type AccountErrorReason =
  | 'invalid_link'
  | 'invalid_credentials'
  | 'email_not_confirmed'
  | 'account_locked'
  | 'certificate_rejected';

export function accountError(
  code: AppErrorCode,
  reason: AccountErrorReason,
  message: string,
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError(code, message, { reason, ...extra });
}

export function invalidLink(message: string): AppError {
  return accountError('INVALID_INPUT', 'invalid_link', message);
}

export function fieldError(field: string, message: string, code: AppErrorCode = 'INVALID_INPUT'): AppError {
  return new AppError(code, message, { fields: { [field]: message } });
}
