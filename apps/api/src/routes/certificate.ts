import {
  apiRoutes,
  certificateChallengeResponseSchema,
  certificateSignInRequestSchema,
  errorBodySchema,
  meSchema,
} from '@openofd/contract';
import { createCertificateChallenge, getMe, signInWithCertificate } from '@openofd/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type ApiOptions, accountsDeps } from '../context.js';
import { metaOf } from '../request-meta.js';
import { setSessionCookie } from '../session.js';
import { toMe } from '../views.js';
import { limited } from './rate-limit.js';

const tags = ['Вход по сертификату'];

export function certificateRoutes(options: ApiOptions): FastifyPluginAsyncZod {
  const deps = accountsDeps(options);
  return async (app) => {
    app.post(
      apiRoutes.certificateChallenge,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Случайные данные для подписи (одноразовые, 5 минут)',
          response: { 200: certificateChallengeResponseSchema, 429: errorBodySchema },
        },
      },
      async () => {
        const c = await createCertificateChallenge(deps);
        return { ...c, expiresAt: c.expiresAt.toISOString() };
      },
    );

    app.post(
      apiRoutes.certificateSignIn,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Вход: сертификат и подпись данных запроса',
          body: certificateSignInRequestSchema,
          response: { 200: meSchema, 400: errorBodySchema, 401: errorBodySchema, 429: errorBodySchema },
        },
      },
      async (request, reply) => {
        const r = await signInWithCertificate(
          deps,
          { ...request.body, trusted: options.trustedCas() },
          metaOf(request),
        );
        setSessionCookie(reply, r.token, r.expiresAt, options.publicUrl);
        return toMe(await getMe(deps.db, r.userId), 'certificate');
      },
    );
  };
}
