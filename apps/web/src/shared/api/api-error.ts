// The one error type of the web app: whatever goes wrong with a request ends
// up as an ApiError carrying the contract's `{ error: { code, message, fields } }`.
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Readonly<Record<string, string>>;
  /** account_locked: when sign-in is possible again. */
  readonly lockedUntil: Date | undefined;
  /** rate_limited: seconds to wait. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { fields?: Record<string, string>; lockedUntil?: Date; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = extra.fields ?? {};
    this.lockedUntil = extra.lockedUntil;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

const NETWORK_MESSAGE = 'Сервер недоступен. Проверьте подключение и повторите попытку.';

export function networkError(): ApiError {
  return new ApiError(0, 'network', NETWORK_MESSAGE);
}

/** Builds an ApiError from a response body that may or may not follow the contract. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const err = (body as { error?: unknown } | null)?.error;
  if (err && typeof err === 'object') {
    const { code, message, fields, lockedUntil, retryAfterSeconds } = err as Record<string, unknown>;
    const flat: Record<string, string> = {};
    if (fields && typeof fields === 'object') {
      for (const [k, v] of Object.entries(fields as Record<string, unknown>)) {
        if (typeof v === 'string') flat[k] = v;
        else if (Array.isArray(v) && typeof v[0] === 'string') flat[k] = v[0];
      }
    }
    return new ApiError(
      status,
      typeof code === 'string' ? code : 'unknown',
      typeof message === 'string' ? message : defaultMessage(status),
      {
        fields: flat,
        ...(typeof lockedUntil === 'string' ? { lockedUntil: new Date(lockedUntil) } : {}),
        ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
      },
    );
  }
  return new ApiError(status, 'unknown', defaultMessage(status));
}

function defaultMessage(status: number): string {
  if (status === 401) return 'Требуется вход в кабинет.';
  if (status === 403) return 'Недостаточно прав.';
  if (status === 404) return 'Не найдено.';
  if (status === 429) return 'Слишком много попыток. Повторите позже.';
  if (status >= 500) return 'Ошибка сервера. Повторите попытку позже.';
  return 'Запрос не выполнен.';
}
