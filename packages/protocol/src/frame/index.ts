export {
  buildConfirmation,
  type ConfirmationInit,
  encodeConfirmationMessage,
  OFD_RESPONSE,
  OPERATOR_MESSAGE,
} from './confirmation.js';
export {
  type ConfirmationDraft,
  draftConfirmationReply,
  sealConfirmationReply,
} from './confirmation-reply.js';
export {
  CONTAINER_HEADER_SIZE,
  type ContainerHeader,
  type ContainerHeaderInit,
  containerCrc,
  decodeContainerHeader,
  encodeContainerHeader,
  MAX_CONTAINER_SIZE,
} from './container-header.js';
export { crc16CcittFalse } from './crc16.js';
export { FrameDecoder } from './frame-decoder.js';
export { decodeMessage, encodeMessage, type MessageInit, type WireMessage } from './message.js';
export { type ParsedShape, parseAnyShape, type ShapeIssue } from './parse-any-shape.js';
export {
  DEFAULT_SESSION_FLAGS,
  decodeSessionHeader,
  encodeSessionHeader,
  SESSION_HEADER_SIZE,
  type SessionHeader,
} from './session-header.js';
