import {
  acceptInvitationNewRequestSchema,
  acceptInvitationRequestSchema,
  apiRoutes,
  errorBodySchema,
  invitationInfoSchema,
  meSchema,
} from '@openofd/contract';
import { acceptInvitation, acceptInvitationNew, getInvitation, getMe } from '@openofd/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ApiOptions, accountsDeps } from '../context.js';
import { metaOf } from '../request-meta.js';
import { requireAuth, setSessionCookie } from '../session.js';
import { toMe } from '../views.js';
import { limited } from './rate-limit.js';

const tags = ['Приглашения'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 409: errorBodySchema };

export function invitationRoutes(options: ApiOptions): FastifyPluginAsyncZod {
  const deps = accountsDeps(options);
  return async (app) => {
    app.get(
      apiRoutes.invitationInfo,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Что за приглашение',
          params: z.object({ token: z.string() }),
          response: { 200: invitationInfoSchema, ...errors },
        },
      },
      async (request) => {
        const info = await getInvitation(deps, request.params.token);
        return { ...info, expiresAt: info.expiresAt.toISOString() };
      },
    );

    app.post(
      apiRoutes.acceptInvitation,
      {
        schema: {
          tags,
          summary: 'Принять (вы вошли под приглашённым e-mail)',
          body: acceptInvitationRequestSchema,
          response: { 200: meSchema, ...errors },
        },
      },
      async (request) => {
        const auth = requireAuth(request);
        await acceptInvitation(deps, { userId: auth.userId, token: request.body.token }, metaOf(request));
        return toMe(await getMe(deps.db, auth.userId), auth.method);
      },
    );

    app.post(
      apiRoutes.acceptInvitationNew,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Принять и создать учётную запись',
          body: acceptInvitationNewRequestSchema,
          response: { 200: meSchema, ...errors },
        },
      },
      async (request, reply) => {
        const r = await acceptInvitationNew(deps, request.body, metaOf(request));
        setSessionCookie(reply, r.token, r.expiresAt, options.publicUrl);
        return toMe(await getMe(deps.db, r.userId), 'invitation');
      },
    );
  };
}
