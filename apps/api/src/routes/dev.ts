import { apiRoutes, devMailQuerySchema, devMailResponseSchema } from '@openofd/contract';
import { listDevMessages } from '@openofd/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiOptions } from '../context.js';

/** The dev outbox; registered only when letters go to the in-process SMTP sink. */
export function devRoutes(options: ApiOptions): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      apiRoutes.devMail,
      {
        schema: {
          tags: ['Разработка'],
          summary: 'Письма и SMS (демо-режим)',
          querystring: devMailQuerySchema,
          response: { 200: devMailResponseSchema },
        },
      },
      async (request) => {
        // A '+' in a query string arrives as a space: "?to=+79…" means the phone.
        const to = request.query.to?.trim().replace(/^(7\d{10})$/, '+$1');
        const messages = await listDevMessages(options.database.db, { to });
        return { messages: messages.map((m) => ({ ...m, receivedAt: m.receivedAt.toISOString() })) };
      },
    );
  };
}
