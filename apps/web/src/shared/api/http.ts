import { apiRoutes, CSRF_HEADER, cookies } from '@openofd/contract';
import { ApiError, errorFromBody, networkError } from './api-error';

/** Anything with zod's `parse` (the contract's response schemas). */
export interface Parser<T> {
  parse(value: unknown): T;
}

export interface RequestOptions<T> {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  response?: Parser<T>;
  signal?: AbortSignal;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export function readCookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The double-submit token: the cookie's value, fetched first when the browser has none yet. */
async function csrfToken(): Promise<string> {
  const existing = readCookie(cookies.csrf);
  if (existing) return existing;
  try {
    const res = await fetch(apiRoutes.csrf, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    const body = (await res.json()) as { csrfToken?: unknown };
    if (typeof body.csrfToken === 'string') return body.csrfToken;
  } catch {
    throw networkError();
  }
  return readCookie(cookies.csrf) ?? '';
}

function withQuery(path: string, query: RequestOptions<unknown>['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Same-origin JSON request; state-changing ones carry the CSRF token from the cookie. */
export async function request<T = unknown>(
  method: string,
  path: string,
  options: RequestOptions<T> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method)) headers[CSRF_HEADER] = await csrfToken();
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError();
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) throw errorFromBody(res.status, body);
  if (options.response) {
    try {
      return options.response.parse(body);
    } catch {
      throw new ApiError(res.status, 'bad_response', 'Сервер вернул неожиданный ответ.');
    }
  }
  return body as T;
}

export const http = {
  get: <T>(path: string, o?: RequestOptions<T>) => request<T>('GET', path, o),
  post: <T>(path: string, body?: unknown, o?: RequestOptions<T>) => request<T>('POST', path, { ...o, body }),
  put: <T>(path: string, body?: unknown, o?: RequestOptions<T>) => request<T>('PUT', path, { ...o, body }),
  patch: <T>(path: string, body?: unknown, o?: RequestOptions<T>) =>
    request<T>('PATCH', path, { ...o, body }),
  delete: <T>(path: string, o?: RequestOptions<T>) => request<T>('DELETE', path, o),
};
