export { ProtocolError, type ProtocolErrorCode } from './errors.js';
export * from './crypto/index.js';
export * from './frame/index.js';
export * from './identifiers/index.js';
