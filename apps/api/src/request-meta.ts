import type { RequestMeta } from '@openofd/core';
import type { FastifyRequest } from 'fastify';

export function metaOf(request: FastifyRequest): RequestMeta {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}
