// Session header: 30 bytes, little-endian, `struct '<IHH16sHHH'` (protocol.md §1.2).
import { ProtocolError } from '../errors.js';
import { putU16le, u16le } from './bytes.js';

export const SESSION_HEADER_SIZE = 30;
/** Signature `2A 08 41 0A` (u32 LE 0x0A41082A), offset 0. */
export const SESSION_SIGNATURE = Uint8Array.of(0x2a, 0x08, 0x41, 0x0a);
/** S-protocol (session) version bytes `81 A2`, offset 4. */
export const SESSION_VERSION = Uint8Array.of(0x81, 0xa2);
/** Flags seen in every fixture and reply: container included (bits 3..2 = 01), reply expected (bits 5..4 = 01). */
export const DEFAULT_SESSION_FLAGS = 0x0014;

export interface SessionHeader {
  /** A-protocol version as the raw u16 LE of bytes 6..7 (`00 01` → 256); echoed unchanged in replies. */
  aVersion: number;
  /** FN number from the 16 ASCII bytes, trailing space padding removed. */
  fnNumber: string;
  /** Byte count of the container that follows (its 32-byte header included). */
  bodyLength: number;
  flags: number;
  /** Session CRC; 0 when flag bits 1..0 are 00 (the only mode seen, §1.2). */
  crc: number;
}

/**
 * Checks the first `min(bytes.length, 6)` bytes against signature and
 * S-version, so a stream decoder can fail on the first wrong byte.
 */
export function checkSessionPrefix(bytes: Uint8Array, from: number, to: number, base = 0): void {
  for (let i = from; i < to && i < 6; i++) {
    if (i < 4) {
      if (bytes[i] !== SESSION_SIGNATURE[i]) {
        throw new ProtocolError('BAD_SIGNATURE', 'session header signature is not 2A 08 41 0A', base + i);
      }
    } else if (bytes[i] !== SESSION_VERSION[i - 4]) {
      throw new ProtocolError('BAD_VERSION', 'session protocol version is not 81 A2', base + i);
    }
  }
}

/** Decodes and validates 30 bytes; `base` is added to error offsets (position in the stream). */
export function decodeSessionHeader(bytes: Uint8Array, base = 0): SessionHeader {
  if (bytes.length < SESSION_HEADER_SIZE) {
    throw new ProtocolError(
      'TRUNCATED',
      `session header needs 30 bytes, got ${bytes.length}`,
      base + bytes.length,
    );
  }
  checkSessionPrefix(bytes, 0, 6, base);
  return {
    aVersion: u16le(bytes, 6),
    fnNumber: decodeAsciiFn(bytes.subarray(8, 24), base + 8),
    bodyLength: u16le(bytes, 24),
    flags: u16le(bytes, 26),
    crc: u16le(bytes, 28),
  };
}

export function encodeSessionHeader(h: SessionHeader): Uint8Array {
  const out = new Uint8Array(SESSION_HEADER_SIZE);
  out.set(SESSION_SIGNATURE, 0);
  out.set(SESSION_VERSION, 4);
  putU16le(out, 6, h.aVersion);
  out.set(encodeAsciiFn(h.fnNumber), 8);
  putU16le(out, 24, h.bodyLength);
  putU16le(out, 26, h.flags);
  putU16le(out, 28, h.crc);
  return out;
}

// FN as 16 ASCII digits, a shorter number right-padded with spaces (fixture "9999078950      ").
function decodeAsciiFn(b: Uint8Array, at: number): string {
  let end = b.length;
  while (end > 0 && (b[end - 1] === 0x20 || b[end - 1] === 0)) end--;
  if (end === 0) throw new ProtocolError('BAD_FIELD', 'session header FN number is empty', at);
  for (let i = 0; i < end; i++) {
    const c = b[i]!;
    if (c < 0x30 || c > 0x39) {
      throw new ProtocolError(
        'BAD_FIELD',
        `session header FN number has a non-digit byte 0x${c.toString(16)}`,
        at + i,
      );
    }
  }
  // The usual 16 digits as one string (a `+=` per character made 16).
  if (end === 16) {
    return String.fromCharCode(
      b[0]!,
      b[1]!,
      b[2]!,
      b[3]!,
      b[4]!,
      b[5]!,
      b[6]!,
      b[7]!,
      b[8]!,
      b[9]!,
      b[10]!,
      b[11]!,
      b[12]!,
      b[13]!,
      b[14]!,
      b[15]!,
    );
  }
  let s = '';
  for (let i = 0; i < end; i++) s += String.fromCharCode(b[i]!);
  return s;
}

function encodeAsciiFn(fn: string): Uint8Array {
  if (!/^\d{1,16}$/.test(fn)) throw new ProtocolError('BAD_FIELD', `FN number must be 1–16 digits: "${fn}"`);
  const out = new Uint8Array(16).fill(0x20);
  for (let i = 0; i < fn.length; i++) out[i] = fn.charCodeAt(i);
  return out;
}
