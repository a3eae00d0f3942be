// Recognises the three shapes of fiscal bytes met in practice (protocol.md §8):
// a whole session message, a container (32-byte header + document, as in some
// ФФД 1.0 rawData), or a bare document TLV (possibly followed by the ФПС trailer).
import { ProtocolError, type ProtocolErrorCode } from '../errors.js';
import { allDocuments } from '../registry/registry.js';
import { u16le } from './bytes.js';
import {
  CONTAINER_HEADER_SIZE,
  CONTAINER_MESSAGE_TYPE,
  type ContainerHeader,
  containerCrc,
  decodeContainerHeader,
} from './container-header.js';
import { decodeMessage } from './message.js';
import { SESSION_SIGNATURE, type SessionHeader } from './session-header.js';

/** A defect tolerated in a container found inside rawData (§8: length/CRC may be invalid). */
export interface ShapeIssue {
  code: ProtocolErrorCode;
  message: string;
  offset: number;
}

export interface ParsedShape {
  shape: 'message' | 'container' | 'document';
  session?: SessionHeader;
  container?: ContainerHeader;
  /** Document TLV plus any trailer. */
  body: Uint8Array;
  issues: ShapeIssue[];
}

/** Form codes that can stand at the top of a document (§2.3), from the registry. */
const FORM_CODES: ReadonlySet<number> = new Set(allDocuments().map((d) => d.code));

export function parseAnyShape(bytes: Uint8Array): ParsedShape {
  if (startsWithSignature(bytes)) {
    // A whole message is judged as strictly as on the wire.
    const m = decodeMessage(bytes);
    return { shape: 'message', session: m.session, container: m.container, body: m.body, issues: [] };
  }
  if (looksLikeContainer(bytes)) return parseContainer(bytes);
  if (bytes.length >= 4 && FORM_CODES.has(u16le(bytes, 0)) && 4 + u16le(bytes, 2) <= bytes.length) {
    return { shape: 'document', body: bytes, issues: [] };
  }
  if (bytes.length < 4) {
    throw new ProtocolError(
      'TRUNCATED',
      `${bytes.length} bytes are too few for any fiscal data`,
      bytes.length,
    );
  }
  throw new ProtocolError(
    'UNKNOWN_DOCUMENT',
    'bytes are neither a session message, a container nor a document TLV with a known form code',
    0,
  );
}

function startsWithSignature(b: Uint8Array): boolean {
  return b.length >= 4 && SESSION_SIGNATURE.every((x, i) => b[i] === x);
}

// Message type A5, version 1, a form code in the header that matches the
// document tag right after it, and decimal BCD for the FN number.
function looksLikeContainer(b: Uint8Array): boolean {
  if (b.length < CONTAINER_HEADER_SIZE + 4) return false;
  if (b[4] !== CONTAINER_MESSAGE_TYPE || b[6] !== 1) return false;
  const form = b[5]!;
  if (!FORM_CODES.has(form) || u16le(b, CONTAINER_HEADER_SIZE) !== form) return false;
  for (let i = 9; i < 17; i++) if (b[i]! >>> 4 > 9 || (b[i]! & 0xf) > 9) return false;
  return true;
}

function parseContainer(bytes: Uint8Array): ParsedShape {
  const container = decodeContainerHeader(bytes);
  const body = bytes.subarray(CONTAINER_HEADER_SIZE);
  const issues: ShapeIssue[] = [];
  if (container.length !== bytes.length) {
    issues.push({
      code: 'LENGTH_MISMATCH',
      message: `container length field ${container.length} differs from the ${bytes.length} bytes given`,
      offset: 0,
    });
  }
  const crc = containerCrc(bytes.subarray(0, CONTAINER_HEADER_SIZE), body);
  if (crc !== container.crc) {
    issues.push({
      code: 'BAD_CRC',
      message: `container CRC field ${container.crc} does not match computed ${crc}`,
      offset: 2,
    });
  }
  return { shape: 'container', container, body, issues };
}
