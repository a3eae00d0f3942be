import {
  apiRoutes,
  errorBodySchema,
  okSchema,
  recoverByEmailRequestSchema,
  recoverByPhoneRequestSchema,
  recoverByPhoneResponseSchema,
  resetPasswordRequestSchema,
  verifyRecoveryCodeRequestSchema,
  verifyRecoveryCodeResponseSchema,
} from '@openofd/contract';
import {
  policy,
  requestPasswordReset,
  requestRecoveryCode,
  resetPassword,
  verifyRecoveryCode,
} from '@openofd/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type ApiOptions, accountsDeps } from '../context.js';
import { metaOf } from '../request-meta.js';
import { clearSessionCookie } from '../session.js';
import { limited } from './rate-limit.js';

const tags = ['Восстановление пароля'];
const errors = { 400: errorBodySchema, 429: errorBodySchema };

export function recoveryRoutes(options: ApiOptions): FastifyPluginAsyncZod {
  const deps = accountsDeps(options);
  return async (app) => {
    app.post(
      apiRoutes.recoverByEmail,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Письмо со ссылкой для нового пароля',
          body: recoverByEmailRequestSchema,
          response: { 202: okSchema, ...errors },
        },
      },
      async (request, reply) => {
        await requestPasswordReset(deps, request.body.email, metaOf(request));
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      apiRoutes.recoverByPhone,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'SMS с кодом из 6 цифр',
          body: recoverByPhoneRequestSchema,
          response: { 202: recoverByPhoneResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        await requestRecoveryCode(deps, request.body.phone, metaOf(request));
        return reply.status(202).send({
          ok: true as const,
          codeLifetimeSeconds: policy.recoveryCodeMs / 1000,
          codeLength: 6 as const,
        });
      },
    );

    app.post(
      apiRoutes.verifyRecoveryCode,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Проверка кода из SMS',
          body: verifyRecoveryCodeRequestSchema,
          response: { 200: verifyRecoveryCodeResponseSchema, ...errors },
        },
      },
      async (request) => verifyRecoveryCode(deps, request.body, metaOf(request)),
    );

    app.post(
      apiRoutes.resetPassword,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Новый пароль (все сеансы завершаются)',
          body: resetPasswordRequestSchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request, reply) => {
        await resetPassword(deps, request.body, metaOf(request));
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );
  };
}
