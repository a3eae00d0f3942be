import {
  apiRoutes,
  confirmEmailRequestSchema,
  confirmEmailResponseSchema,
  csrfResponseSchema,
  errorBodySchema,
  meSchema,
  normalizePhone,
  okSchema,
  resendConfirmationRequestSchema,
  signInRequestSchema,
  signUpRequestSchema,
  signUpResponseSchema,
} from '@openofd/contract';
import { confirmEmail, getMe, resendConfirmation, signIn, signOut, signUp } from '@openofd/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ApiOptions, accountsDeps } from '../context.js';
import { metaOf } from '../request-meta.js';
import { clearSessionCookie, setSessionCookie } from '../session.js';
import { toMe } from '../views.js';
import { limited } from './rate-limit.js';

const tags = ['Вход и регистрация'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  409: errorBodySchema,
  423: errorBodySchema,
  429: errorBodySchema,
};

export function authRoutes(options: ApiOptions): FastifyPluginAsyncZod {
  const deps = accountsDeps(options);
  return async (app) => {
    app.get(
      apiRoutes.csrf,
      { schema: { tags, summary: 'CSRF-токен (и cookie ofd_csrf)', response: { 200: csrfResponseSchema } } },
      async (request) => ({ csrfToken: request.cookies.ofd_csrf ?? '' }),
    );

    app.post(
      apiRoutes.signUp,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Регистрация',
          body: signUpRequestSchema,
          response: { 201: signUpResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const r = await signUp(deps, request.body, metaOf(request));
        return reply.status(201).send({ email: r.email, phone: r.phone });
      },
    );

    app.post(
      apiRoutes.confirmEmail,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Подтверждение e-mail по ссылке',
          body: confirmEmailRequestSchema,
          response: { 200: confirmEmailResponseSchema, ...errors },
        },
      },
      async (request) => confirmEmail(deps, request.body.token, metaOf(request)),
    );

    app.post(
      apiRoutes.resendConfirmation,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Отправить письмо подтверждения ещё раз',
          body: resendConfirmationRequestSchema,
          response: { 202: okSchema, ...errors },
        },
      },
      async (request, reply) => {
        await resendConfirmation(deps, request.body.email);
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      apiRoutes.signIn,
      {
        config: limited(options),
        schema: {
          tags,
          summary: 'Вход по e-mail или телефону и паролю',
          body: signInRequestSchema,
          response: { 200: meSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { login, password } = request.body;
        const normalized = login.includes('@') ? login.toLowerCase() : (normalizePhone(login) ?? login);
        const session = await signIn(deps, { login: normalized, password }, metaOf(request));
        setSessionCookie(reply, session.token, session.expiresAt, options.publicUrl);
        return toMe(await getMe(deps.db, session.userId), 'password');
      },
    );

    app.post(
      apiRoutes.signOut,
      { schema: { tags, summary: 'Выход', response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        if (request.auth) await signOut(deps.db, request.auth, metaOf(request));
        clearSessionCookie(reply);
        return reply.status(204).send(null);
      },
    );
  };
}
