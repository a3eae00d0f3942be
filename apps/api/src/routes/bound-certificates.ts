import {
  apiRoutes,
  boundCertificateSchema,
  boundCertificatesResponseSchema,
  certificateSignInRequestSchema,
  errorBodySchema,
} from '@openofd/contract';
import { type BoundCertificate, bindCertificate, listCertificates, unbindCertificate } from '@openofd/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ApiOptions, accountsDeps } from '../context.js';
import { metaOf } from '../request-meta.js';
import { requireAuth } from '../session.js';
import { limited } from './rate-limit.js';

const tags = ['Вход по сертификату'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

function view(c: BoundCertificate) {
  return { ...c, createdAt: c.createdAt.toISOString() };
}

export function boundCertificateRoutes(options: ApiOptions): FastifyPluginAsyncZod {
  const deps = accountsDeps(options);
  return async (app) => {
    app.get(
      apiRoutes.certificates,
      {
        schema: {
          tags,
          summary: 'Сертификаты, привязанные к учётной записи',
          response: { 200: boundCertificatesResponseSchema, ...errors },
        },
      },
      async (request) => {
        const auth = requireAuth(request);
        return { certificates: (await listCertificates(deps.db, auth.userId)).map(view) };
      },
    );

    app.post(
      apiRoutes.certificates,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Привязать сертификат (подпись свежего запроса)',
          body: certificateSignInRequestSchema,
          response: { 201: boundCertificateSchema, ...errors },
        },
      },
      async (request, reply) => {
        const auth = requireAuth(request);
        const bound = await bindCertificate(
          deps,
          { ...request.body, trusted: options.trustedCas(), userId: auth.userId },
          metaOf(request),
        );
        return reply.status(201).send(view(bound));
      },
    );

    app.delete(
      apiRoutes.certificate,
      {
        schema: {
          tags,
          summary: 'Отвязать сертификат',
          params: z.object({ certificateId: z.string() }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const auth = requireAuth(request);
        const id = z.uuid().safeParse(request.params.certificateId).success
          ? request.params.certificateId
          : '00000000-0000-0000-0000-000000000000';
        await unbindCertificate(deps.db, { userId: auth.userId, certificateId: id }, metaOf(request));
        return reply.status(204).send(null);
      },
    );
  };
}
