import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER, cookies } from '@openofd/contract';
import { resolveSession, type SessionInfo } from '@openofd/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiOptions } from './context.js';
import { HttpError } from './errors.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Session cookie → request.auth, and CSRF by double submit: a readable
 * `ofd_csrf` cookie that every state-changing /api request must echo in
 * X-CSRF-Token (a cross-site page can neither read the cookie nor set the header).
 */
export function installSessions(app: FastifyInstance, options: ApiOptions): void {
  const secure = options.publicUrl.startsWith('https:');
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    let csrf = request.cookies[cookies.csrf];
    if (!csrf) {
      csrf = randomBytes(24).toString('base64url');
      reply.setCookie(cookies.csrf, csrf, { path: '/', sameSite: 'lax', secure, httpOnly: false });
      request.cookies[cookies.csrf] = csrf;
    }
    if (UNSAFE.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (
        typeof header !== 'string' ||
        !request.headers.cookie?.includes(`${cookies.csrf}=`) ||
        !same(header, csrf)
      ) {
        throw new HttpError(
          403,
          'csrf',
          'Запрос отклонён защитой от подделки (CSRF): обновите страницу и повторите',
        );
      }
    }
    const token = request.cookies[cookies.session];
    if (token) {
      request.auth = await resolveSession(
        { db: options.database.db, ...(options.now ? { now: options.now } : {}) },
        token,
      );
      if (!request.auth) clearSessionCookie(reply);
    }
  });
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
  publicUrl: string,
): void {
  reply.setCookie(cookies.session, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: publicUrl.startsWith('https:'),
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(cookies.session, { path: '/' });
}

export function requireAuth(request: FastifyRequest): SessionInfo {
  if (!request.auth) throw new HttpError(401, 'unauthorized', 'Войдите в личный кабинет');
  return request.auth;
}
