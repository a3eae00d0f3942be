export { buildApp } from './app.js';
export type { ApiOptions } from './context.js';
export { toHttp } from './errors.js';
export { type ApiServer, startApiServer } from './server.js';
