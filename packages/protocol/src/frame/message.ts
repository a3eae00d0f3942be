// A whole session message = session header (30) + container header (32) + body (protocol.md §1.1).
import { ProtocolError } from '../errors.js';
import {
  CONTAINER_HEADER_SIZE,
  CONTAINER_MESSAGE_TYPE,
  CONTAINER_VERSION,
  type ContainerHeader,
  containerCrc,
  decodeContainerHeader,
  encodeContainerHeader,
  MAX_CONTAINER_SIZE,
} from './container-header.js';
import {
  DEFAULT_SESSION_FLAGS,
  decodeSessionHeader,
  encodeSessionHeader,
  SESSION_HEADER_SIZE,
  type SessionHeader,
} from './session-header.js';

export interface WireMessage {
  session: SessionHeader;
  container: ContainerHeader;
  /** Container body: the document TLV followed by its trailer (ФПС, §1.4). */
  body: Uint8Array;
  /** The whole message as received (session header included). */
  raw: Uint8Array;
}

export interface MessageInit {
  aVersion: number;
  fnNumber: string;
  documentType: number;
  fdNumber: number;
  body: Uint8Array;
  service1?: Uint8Array;
  service2?: Uint8Array;
  flags?: number;
}

/** Builds a whole session message: session header, container header with CRC, body. */
export function encodeMessage(m: MessageInit): Uint8Array {
  const containerLength = CONTAINER_HEADER_SIZE + m.body.length;
  if (containerLength > MAX_CONTAINER_SIZE) {
    throw new ProtocolError('FRAME_TOO_LARGE', `container of ${containerLength} bytes exceeds 32 KiB (§1.2)`);
  }
  const container = encodeContainerHeader(
    {
      documentType: m.documentType,
      fnNumber: m.fnNumber,
      fdNumber: m.fdNumber,
      ...(m.service1 ? { service1: m.service1 } : {}),
      ...(m.service2 ? { service2: m.service2 } : {}),
    },
    m.body,
  );
  const session = encodeSessionHeader({
    aVersion: m.aVersion,
    fnNumber: m.fnNumber,
    bodyLength: containerLength,
    flags: m.flags ?? DEFAULT_SESSION_FLAGS,
    crc: 0,
  });
  const out = new Uint8Array(SESSION_HEADER_SIZE + containerLength);
  out.set(session, 0);
  out.set(container, SESSION_HEADER_SIZE);
  out.set(m.body, SESSION_HEADER_SIZE + CONTAINER_HEADER_SIZE);
  return out;
}

/** Session body length limits, checked as soon as the 30-byte header is known (§1.2). */
export function checkBodyLength(session: SessionHeader, base: number): void {
  if (session.bodyLength > MAX_CONTAINER_SIZE) {
    throw new ProtocolError(
      'FRAME_TOO_LARGE',
      `session body of ${session.bodyLength} bytes exceeds 32 KiB (§1.2)`,
      base + 24,
    );
  }
  if (session.bodyLength < CONTAINER_HEADER_SIZE) {
    throw new ProtocolError(
      'BAD_FIELD',
      `session body of ${session.bodyLength} bytes cannot hold a 32-byte container header`,
      base + 24,
    );
  }
}

/**
 * Decodes exactly one whole message and validates it like the wire decoder:
 * signature, versions, 32 KiB limit, lengths, CRC, message type, BCD FN.
 * `base` is the message's offset in the stream, added to error offsets;
 * `checkedSession`, the header of `raw` as decodeSessionHeader + checkBodyLength
 * already returned it (the stream decoder's, so it is not decoded twice).
 */
export function decodeMessage(raw: Uint8Array, base = 0, checkedSession?: SessionHeader): WireMessage {
  // The stream decoder passes the session header it already decoded and length-checked.
  const session = checkedSession ?? decodeSessionHeader(raw, base);
  if (checkedSession === undefined) checkBodyLength(session, base);
  const total = SESSION_HEADER_SIZE + session.bodyLength;
  if (raw.length < total) {
    throw new ProtocolError(
      'TRUNCATED',
      `message needs ${total} bytes, got ${raw.length}`,
      base + raw.length,
    );
  }
  if (raw.length > total) {
    throw new ProtocolError(
      'LENGTH_MISMATCH',
      `${raw.length - total} bytes follow the ${total}-byte message`,
      base + total,
    );
  }
  const at = base + SESSION_HEADER_SIZE;
  const headerBytes = raw.subarray(SESSION_HEADER_SIZE, SESSION_HEADER_SIZE + CONTAINER_HEADER_SIZE);
  const container = decodeContainerHeader(headerBytes, at);
  const body = raw.subarray(SESSION_HEADER_SIZE + CONTAINER_HEADER_SIZE);
  if (container.length !== session.bodyLength) {
    throw new ProtocolError(
      'LENGTH_MISMATCH',
      `container length ${container.length} differs from session body length ${session.bodyLength}`,
      at,
    );
  }
  const crc = containerCrc(headerBytes, body);
  if (crc !== container.crc) {
    throw new ProtocolError(
      'BAD_CRC',
      `container CRC 0x${hex4(container.crc)} does not match computed 0x${hex4(crc)}`,
      at + 2,
    );
  }
  checkContainerFields(container, at);
  return { session, container, body, raw };
}

/** Fields the CRC cannot vouch for the meaning of (§1.3). */
function checkContainerFields(c: ContainerHeader, at: number): void {
  if (c.messageType !== CONTAINER_MESSAGE_TYPE) {
    throw new ProtocolError(
      'BAD_FIELD',
      `container message type 0x${c.messageType.toString(16)} is not 0xA5`,
      at + 4,
    );
  }
  if (c.protocolVersion !== CONTAINER_VERSION) {
    throw new ProtocolError(
      'BAD_VERSION',
      `container protocol version ${c.protocolVersion} is not 1`,
      at + 6,
    );
  }
  if (!/^\d{16}$/.test(c.fnNumber)) {
    throw new ProtocolError(
      'BAD_FIELD',
      `container FN number "${c.fnNumber}" is not packed BCD digits`,
      at + 9,
    );
  }
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}
