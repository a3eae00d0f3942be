import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { apiRoutes } from '@openofd/contract';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiOptions } from './context.js';
import { body, HttpError, installErrorHandler } from './errors.js';
import { authRoutes } from './routes/auth.js';
import { boundCertificateRoutes } from './routes/bound-certificates.js';
import { certificateRoutes } from './routes/certificate.js';
import { devRoutes } from './routes/dev.js';
import { invitationRoutes } from './routes/invitations.js';
import { meRoutes } from './routes/me.js';
import { organizationRoutes } from './routes/organizations.js';
import { recoveryRoutes } from './routes/recovery.js';
import { installSessions } from './session.js';

// zod's own messages (type errors, missing fields) in Russian; the contract's
// explicit messages take precedence.
z.config(z.locales.ru());

/** The cabinet API as a Fastify instance (not listening: use inject() or listen()). */
export async function buildApp(options: ApiOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: false,
    bodyLimit: 256 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => `${request.ip}|${request.routeOptions.url ?? request.url}`,
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        'rate_limited',
        `Слишком много попыток. Повторите через ${Math.ceil(context.ttl / 1000)} с`,
        { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
      ),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'OpenOFD — API личного кабинета', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ofd_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: apiRoutes.docs });
  installSessions(app, options);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    // Letters put single-use tokens in page URLs: never leak them in Referer.
    reply.header('referrer-policy', 'no-referrer');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.get(apiRoutes.health, { schema: { hide: true } }, async () => ({ ok: true }));
  app.get(apiRoutes.openapiJson, { schema: { hide: true } }, async () => app.swagger());
  await app.register(authRoutes(options));
  await app.register(recoveryRoutes(options));
  await app.register(certificateRoutes(options));
  await app.register(boundCertificateRoutes(options));
  await app.register(meRoutes(options));
  await app.register(organizationRoutes(options));
  await app.register(invitationRoutes(options));
  if (options.devMailbox) await app.register(devRoutes(options));

  const spa = options.webDist !== undefined && existsSync(join(options.webDist, 'index.html'));
  if (spa) await app.register(fastifyStatic, { root: options.webDist!, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // SPA: any non-API GET without a file is the app's index.html.
    if (spa && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return reply.status(404).send(body('not_found', 'Не найдено'));
  });
  return app;
}
