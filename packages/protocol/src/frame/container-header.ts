// Container header: 32 bytes, `struct '<HHBBB2s8s3s12s'` (protocol.md §1.3).
import { ProtocolError } from '../errors.js';
import { fixed, putU16le, u16le } from './bytes.js';
import { crc16Range } from './crc16.js';

export const CONTAINER_HEADER_SIZE = 32;
/** Message type byte of every fixture and reply (offset 4). */
export const CONTAINER_MESSAGE_TYPE = 0xa5;
/** Container protocol version (offset 6); [Y] rejects anything else. */
export const CONTAINER_VERSION = 1;
/** Maximum container size, header included: 32 KiB (`MAX_LEN`, §1.2). */
export const MAX_CONTAINER_SIZE = 32 * 1024;

export interface ContainerHeader {
  /** Whole container length, header included (u16 LE, offset 0). */
  length: number;
  /** CRC-16/CCITT-FALSE over header bytes 0..1, 4..31 and the body (u16 LE, offset 2). */
  crc: number;
  messageType: number;
  /** Form code of the document in the body (offset 5). */
  documentType: number;
  protocolVersion: number;
  /** Opaque 2 bytes (offset 7), `10 09` in every fixture; echoed in replies. */
  service1: Uint8Array;
  /**
   * FN number from 8 bytes of packed BCD (offset 9). Nibbles above 9 are kept
   * as lowercase hex letters so any header round-trips; `isValidFnNumber`
   * tells a real number.
   */
  fnNumber: string;
  /** FD number, unsigned big-endian 24-bit (offset 17); equals tag 1040. */
  fdNumber: number;
  /** Opaque 12 bytes (offset 20), written by the FN or the crypto box. */
  service2: Uint8Array;
}

/** Fields needed to build a header; length and CRC are computed from the body. */
export interface ContainerHeaderInit {
  documentType: number;
  fnNumber: string;
  fdNumber: number;
  messageType?: number;
  protocolVersion?: number;
  service1?: Uint8Array;
  service2?: Uint8Array;
}

/** Decodes the 32 bytes without judging them (parseAnyShape must tolerate bad length/CRC, §8). */
export function decodeContainerHeader(bytes: Uint8Array, base = 0): ContainerHeader {
  if (bytes.length < CONTAINER_HEADER_SIZE) {
    throw new ProtocolError(
      'TRUNCATED',
      `container header needs 32 bytes, got ${bytes.length}`,
      base + bytes.length,
    );
  }
  return {
    length: u16le(bytes, 0),
    crc: u16le(bytes, 2),
    messageType: bytes[4]!,
    documentType: bytes[5]!,
    protocolVersion: bytes[6]!,
    service1: bytes.slice(7, 9),
    fnNumber: decodeBcd(bytes, 9),
    fdNumber: (bytes[17]! << 16) | (bytes[18]! << 8) | bytes[19]!,
    service2: bytes.slice(20, 32),
  };
}

/** Builds the 32-byte header for `body`, with length = 32 + body length and the CRC computed. */
export function encodeContainerHeader(h: ContainerHeaderInit, body: Uint8Array): Uint8Array {
  const length = CONTAINER_HEADER_SIZE + body.length;
  if (length > 0xffff)
    throw new ProtocolError('FRAME_TOO_LARGE', `container of ${length} bytes does not fit u16`);
  if (!Number.isInteger(h.fdNumber) || h.fdNumber < 0 || h.fdNumber > 0xffffff) {
    throw new ProtocolError('BAD_FIELD', `FD number ${h.fdNumber} does not fit 24 bits`);
  }
  if (!Number.isInteger(h.documentType) || h.documentType < 0 || h.documentType > 0xff) {
    throw new ProtocolError('BAD_FIELD', `document type ${h.documentType} does not fit a byte`);
  }
  const out = new Uint8Array(CONTAINER_HEADER_SIZE);
  putU16le(out, 0, length);
  out[4] = h.messageType ?? CONTAINER_MESSAGE_TYPE;
  out[5] = h.documentType;
  out[6] = h.protocolVersion ?? CONTAINER_VERSION;
  out.set(fixed(h.service1 ?? Uint8Array.of(0x10, 0x09), 2), 7);
  out.set(encodeBcd(h.fnNumber), 9);
  out[17] = (h.fdNumber >>> 16) & 0xff;
  out[18] = (h.fdNumber >>> 8) & 0xff;
  out[19] = h.fdNumber & 0xff;
  out.set(fixed(h.service2, 12), 20);
  putU16le(out, 2, containerCrc(out, body));
  return out;
}

/** The container CRC of §1.3: header without its CRC field (bytes 2..3), then the body. */
export function containerCrc(header: Uint8Array, body: Uint8Array): number {
  let crc = crc16Range(header, 0, 2, 0xffff);
  crc = crc16Range(header, 4, CONTAINER_HEADER_SIZE, crc);
  return crc16Range(body, 0, body.length, crc);
}

const NIBBLES = '0123456789abcdef';

/** Character code of a nibble: '0'..'9', then 'a'..'f'. */
function hexCode(n: number): number {
  return n < 10 ? 0x30 + n : 0x57 + n;
}

// 8 bytes at `at` → 16 characters in one string (one allocation; a `+=` per
// nibble made 16 intermediate strings for every message).
function decodeBcd(b: Uint8Array, at: number): string {
  const x0 = b[at]!;
  const x1 = b[at + 1]!;
  const x2 = b[at + 2]!;
  const x3 = b[at + 3]!;
  const x4 = b[at + 4]!;
  const x5 = b[at + 5]!;
  const x6 = b[at + 6]!;
  const x7 = b[at + 7]!;
  return String.fromCharCode(
    hexCode(x0 >>> 4),
    hexCode(x0 & 15),
    hexCode(x1 >>> 4),
    hexCode(x1 & 15),
    hexCode(x2 >>> 4),
    hexCode(x2 & 15),
    hexCode(x3 >>> 4),
    hexCode(x3 & 15),
    hexCode(x4 >>> 4),
    hexCode(x4 & 15),
    hexCode(x5 >>> 4),
    hexCode(x5 & 15),
    hexCode(x6 >>> 4),
    hexCode(x6 & 15),
    hexCode(x7 >>> 4),
    hexCode(x7 & 15),
  );
}

// 16 nibbles; a shorter number is left-padded with zeros (FN numbers are always 16 digits).
function encodeBcd(fn: string): Uint8Array {
  const s = fn.toLowerCase();
  if (!/^[0-9a-f]{1,16}$/.test(s))
    throw new ProtocolError('BAD_FIELD', `FN number must be 1–16 digits: "${fn}"`);
  const padded = s.padStart(16, '0');
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) {
    out[i] = (NIBBLES.indexOf(padded[2 * i]!) << 4) | NIBBLES.indexOf(padded[2 * i + 1]!);
  }
  return out;
}
