import {
  apiRoutes,
  changePasswordRequestSchema,
  confirmEmailChangeRequestSchema,
  confirmEmailChangeResponseSchema,
  errorBodySchema,
  meSchema,
  okSchema,
  requestEmailChangeRequestSchema,
  type SecurityEventType,
  securityEventsQuerySchema,
  securityEventsResponseSchema,
  securityEventTypes,
  updateProfileRequestSchema,
} from '@openofd/contract';
import {
  changePassword,
  confirmEmailChange,
  getMe,
  listSecurityEvents,
  requestEmailChange,
  updateProfile,
} from '@openofd/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type ApiOptions, accountsDeps } from '../context.js';
import { metaOf } from '../request-meta.js';
import { requireAuth } from '../session.js';
import { toMe } from '../views.js';
import { limited } from './rate-limit.js';

const tags = ['Профиль'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 409: errorBodySchema };

export function meRoutes(options: ApiOptions): FastifyPluginAsyncZod {
  const deps = accountsDeps(options);
  return async (app) => {
    app.get(
      apiRoutes.me,
      {
        schema: {
          tags,
          summary: 'Текущий пользователь и его организации',
          response: { 200: meSchema, ...errors },
        },
      },
      async (request) => {
        const auth = requireAuth(request);
        return toMe(await getMe(deps.db, auth.userId), auth.method);
      },
    );

    app.patch(
      apiRoutes.profile,
      {
        schema: {
          tags,
          summary: 'Ф.И.О.',
          body: updateProfileRequestSchema,
          response: { 200: meSchema, ...errors },
        },
      },
      async (request) => {
        const auth = requireAuth(request);
        await updateProfile(deps, { userId: auth.userId, fullName: request.body.fullName });
        return toMe(await getMe(deps.db, auth.userId), auth.method);
      },
    );

    app.post(
      apiRoutes.emailChange,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Смена e-mail: письмо на новый адрес',
          body: requestEmailChangeRequestSchema,
          response: { 202: okSchema, ...errors },
        },
      },
      async (request, reply) => {
        const auth = requireAuth(request);
        await requestEmailChange(deps, { userId: auth.userId, ...request.body }, metaOf(request));
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      apiRoutes.confirmEmailChange,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Подтверждение нового e-mail по ссылке',
          body: confirmEmailChangeRequestSchema,
          response: { 200: confirmEmailChangeResponseSchema, ...errors },
        },
      },
      async (request) => confirmEmailChange(deps, request.body.token, metaOf(request)),
    );

    app.post(
      apiRoutes.changePassword,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Смена пароля (другие сеансы завершаются)',
          body: changePasswordRequestSchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        const auth = requireAuth(request);
        await changePassword(
          deps,
          { userId: auth.userId, sessionId: auth.sessionId, ...request.body },
          metaOf(request),
        );
        return { ok: true as const };
      },
    );

    app.get(
      apiRoutes.securityEvents,
      {
        schema: {
          tags,
          summary: 'Журнал событий безопасности',
          querystring: securityEventsQuerySchema,
          response: { 200: securityEventsResponseSchema, ...errors },
        },
      },
      async (request) => {
        const auth = requireAuth(request);
        const events = await listSecurityEvents(deps.db, { userId: auth.userId, limit: request.query.limit });
        return {
          events: events
            .filter((e): e is typeof e & { type: SecurityEventType } =>
              (securityEventTypes as readonly string[]).includes(e.type),
            )
            .map((e) => ({ ...e, at: e.at.toISOString() })),
        };
      },
    );
  };
}
