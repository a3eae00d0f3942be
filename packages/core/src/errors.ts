/**
 * The one error type of core. `code` is small and stable; apps map it to their
 * transport in exactly one place (HTTP status in the API, a logged rejection in
 * the gateway).
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type AppErrorCode =
  | 'INVALID_INPUT' // the caller's data is malformed; nothing was changed
  | 'NOT_FOUND' // the thing asked for does not exist (or is not visible)
  | 'CONFLICT' // the request contradicts stored state
  | 'UNAUTHORIZED' // no valid identity
  | 'FORBIDDEN' // identity known, not allowed
  | 'UNAVAILABLE'; // storage or a dependency failed; retrying may help
