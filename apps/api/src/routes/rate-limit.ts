import type { FastifyContextConfig } from 'fastify';
import type { ApiOptions } from '../context.js';

/** Route config for the endpoints guessing could abuse: sign-in, sign-up, recovery, code checks. */
export function limited(options: ApiOptions): FastifyContextConfig {
  const { max, timeWindowMs } = options.rateLimit ?? { max: 10, timeWindowMs: 60_000 };
  return { rateLimit: { max, timeWindow: timeWindowMs } };
}
