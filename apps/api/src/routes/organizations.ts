import {
  apiRoutes,
  errorBodySchema,
  invitationSchema,
  inviteMemberRequestSchema,
  membersResponseSchema,
  organizationDetailsRequestSchema,
  organizationListSchema,
  organizationSchema,
  uuidSchema,
} from '@openofd/contract';
import {
  createOrganization,
  getOrganization,
  inviteMember,
  listMembers,
  listMemberships,
  updateOrganization,
} from '@openofd/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ApiOptions, accountsDeps } from '../context.js';
import { metaOf } from '../request-meta.js';
import { requireAuth } from '../session.js';
import { toOrganization } from '../views.js';

const tags = ['Организации'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};
// A malformed id is answered like someone else's: 404, revealing nothing.
const params = z.object({ organizationId: z.string() });

function orgId(raw: string): string {
  return uuidSchema.safeParse(raw).success ? raw : '00000000-0000-0000-0000-000000000000';
}

export function organizationRoutes(options: ApiOptions): FastifyPluginAsyncZod {
  const deps = accountsDeps(options);
  return async (app) => {
    app.get(
      apiRoutes.organizations,
      { schema: { tags, summary: 'Мои организации', response: { 200: organizationListSchema, ...errors } } },
      async (request) => {
        const auth = requireAuth(request);
        const list = await listMemberships(deps.db, auth.userId);
        return { organizations: list.map((m) => toOrganization(m.organization)) };
      },
    );

    app.post(
      apiRoutes.organizations,
      {
        schema: {
          tags,
          summary: 'Добавить организацию (вы — владелец)',
          body: organizationDetailsRequestSchema,
          response: { 201: organizationSchema, ...errors },
        },
      },
      async (request, reply) => {
        const auth = requireAuth(request);
        const row = await createOrganization(deps.db, { userId: auth.userId, details: request.body });
        return reply.status(201).send(toOrganization(row));
      },
    );

    app.get(
      apiRoutes.organization,
      {
        schema: {
          tags,
          summary: 'Реквизиты организации',
          params,
          response: { 200: organizationSchema, ...errors },
        },
      },
      async (request) => {
        const auth = requireAuth(request);
        return toOrganization(
          await getOrganization(deps.db, {
            userId: auth.userId,
            organizationId: orgId(request.params.organizationId),
          }),
        );
      },
    );

    app.put(
      apiRoutes.organization,
      {
        schema: {
          tags,
          summary: 'Сохранить реквизиты',
          params,
          body: organizationDetailsRequestSchema,
          response: { 200: organizationSchema, ...errors },
        },
      },
      async (request) => {
        const auth = requireAuth(request);
        const row = await updateOrganization(deps.db, {
          userId: auth.userId,
          organizationId: orgId(request.params.organizationId),
          details: request.body,
        });
        return toOrganization(row);
      },
    );

    app.get(
      apiRoutes.members,
      {
        schema: {
          tags,
          summary: 'Пользователи организации',
          params,
          response: { 200: membersResponseSchema, ...errors },
        },
      },
      async (request) => {
        const auth = requireAuth(request);
        const view = await listMembers(deps.db, {
          userId: auth.userId,
          organizationId: orgId(request.params.organizationId),
        });
        return {
          members: view.members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() })),
          invitations: view.invitations.map((i) => ({
            ...i,
            createdAt: i.createdAt.toISOString(),
            expiresAt: i.expiresAt.toISOString(),
          })),
        };
      },
    );

    app.post(
      apiRoutes.invitations,
      {
        schema: {
          tags,
          summary: 'Пригласить пользователя (владелец)',
          params,
          body: inviteMemberRequestSchema,
          response: { 201: invitationSchema, ...errors },
        },
      },
      async (request, reply) => {
        const auth = requireAuth(request);
        const row = await inviteMember(
          deps,
          { userId: auth.userId, organizationId: orgId(request.params.organizationId), ...request.body },
          metaOf(request),
        );
        return reply.status(201).send({
          id: row.id,
          email: row.email,
          role: row.role,
          createdAt: row.createdAt.toISOString(),
          expiresAt: row.expiresAt.toISOString(),
        });
      },
    );
  };
}
