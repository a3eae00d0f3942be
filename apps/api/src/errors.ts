import type { ErrorBody, ErrorCode } from '@openofd/contract';
import { AppError, type AppErrorCode } from '@openofd/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/**
 * The one error → HTTP table. A core AppError maps by its precise reason
 * (details.reason) when it has one, else by its code.
 */
const byReason: Record<string, [number, ErrorCode]> = {
  invalid_link: [400, 'invalid_link'],
  invalid_credentials: [401, 'invalid_credentials'],
  certificate_rejected: [401, 'certificate_rejected'],
  email_not_confirmed: [403, 'email_not_confirmed'],
  account_locked: [423, 'account_locked'],
};
const byCode: Record<AppErrorCode, [number, ErrorCode]> = {
  INVALID_INPUT: [400, 'validation'],
  UNAUTHORIZED: [401, 'unauthorized'],
  FORBIDDEN: [403, 'forbidden'],
  NOT_FOUND: [404, 'not_found'],
  CONFLICT: [409, 'conflict'],
  UNAVAILABLE: [503, 'unavailable'],
};

/** An error the API raises itself (CSRF, rate limit, …), already in contract terms. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Partial<ErrorBody['error']> = {},
  ) {
    super(message);
  }
}

export function body(code: ErrorCode, message: string, extra: Partial<ErrorBody['error']> = {}): ErrorBody {
  return { error: { code, message, ...extra } };
}

export function toHttp(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof HttpError) return { status: err.status, body: body(err.code, err.message, err.extra) };
  if (err instanceof AppError) {
    const reason = typeof err.details?.reason === 'string' ? err.details.reason : undefined;
    const [status, code] = (reason && byReason[reason]) || byCode[err.code];
    const extra: Partial<ErrorBody['error']> = {};
    const fields = err.details?.fields;
    if (fields && typeof fields === 'object') extra.fields = fields as Record<string, string>;
    if (typeof err.details?.lockedUntil === 'string') extra.lockedUntil = err.details.lockedUntil;
    return { status, body: body(code, err.message, extra) };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: Record<string, string> = {};
    for (const v of err.validation) {
      const key = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || '_';
      fields[key] ??= v.message ?? 'Неверное значение';
    }
    return { status: 400, body: body('validation', 'Проверьте заполнение полей', { fields }) };
  }
  const fe = err as FastifyError;
  if (fe.statusCode === 429) {
    return { status: 429, body: body('rate_limited', 'Слишком много попыток. Подождите и попробуйте снова') };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: ErrorCode = fe.statusCode === 404 ? 'not_found' : 'validation';
    return {
      status: fe.statusCode,
      body: body(code, fe.statusCode === 404 ? 'Не найдено' : 'Неверный запрос'),
    };
  }
  return { status: 500, body: body('internal', 'Внутренняя ошибка сервера. Попробуйте позже') };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const { status, body: payload } = toHttp(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    if (status === 429) {
      const retry = Number(reply.getHeader('retry-after'));
      if (Number.isFinite(retry)) payload.error.retryAfterSeconds = retry;
    }
    return reply.status(status).send(payload);
  });
}
