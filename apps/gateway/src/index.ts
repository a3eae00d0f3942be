export { type GroupCommitOptions, GroupCommitter, type StoreBatch } from './group-commit.js';
export {
  createMessageHandler,
  type MessageHandler,
  type MessageHandlerOptions,
  type MessageOutcome,
  RESPONSE,
} from './handle-message.js';
export { GatewayMetrics, type RejectReason } from './metrics.js';
export { startMetricsServer } from './metrics-server.js';
export {
  DEFAULT_LIMITS,
  type GatewayServer,
  type GatewayServerOptions,
  startGatewayServer,
} from './server.js';
export { type Backpressure, Session, type SessionLimits, type SessionOptions } from './session.js';
export { type Gateway, type GatewayOptions, startGateway } from './start-gateway.js';
