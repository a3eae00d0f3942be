export { ProtocolError, type ProtocolErrorCode } from './errors.js';
