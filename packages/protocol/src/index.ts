export * from './crypto/index.js';
export {
  type DecodeOptions,
  decodeDocument,
  decodeDocumentTags,
  decodeStlvTags,
} from './documents/decode.js';
export { encodeDocument, encodeStlv } from './documents/encode.js';
export { type SplitDocument, splitDocument } from './documents/split.js';
export type { FnsDocument, FnsFields, FnsValue } from './documents/types.js';
export { ProtocolError, type ProtocolErrorCode } from './errors.js';
export * from './flk/index.js';
export * from './frame/index.js';
export * from './identifiers/index.js';
export {
  allDocuments,
  allTags,
  documentByCode,
  documentByName,
  getTag,
  jsonNameFor,
  tagForJsonName,
} from './registry/registry.js';
export * from './tags.js';
export { decodeBase64, encodeBase64 } from './tlv/base64.js';
export { decodeCp866, encodeCp866 } from './tlv/cp866.js';
export { readTlvs, type Tlv, TlvReader } from './tlv/reader.js';
export * from './tlv/values.js';
export { TlvWriter } from './tlv/writer.js';
