// The operator's reply frame written straight into one buffer (protocol.md
// §1.6): the gateway answers every document, and building it from the
// general pieces (buildConfirmation's TlvWriter, then encodeConfirmationMessage
// with its own header arrays, BCD and ASCII strings, and subarrays for the
// CRC) cost ~20 small allocations and ~5 % of the gateway's CPU per
// document. The bytes are those of
//   encodeConfirmationMessage(request, buildConfirmation({ ...init, fpo }))
// (confirmation-reply.test.ts holds the two to each other).
//
// Two steps, because the ФПО covers the unsigned confirmation and may come
// from an asynchronous crypto box: `draftConfirmationReply` writes the frame
// with the confirmation TLV (room left for a 16-byte ФПО) and exposes the
// unsigned TLV to sign; `sealConfirmationReply` appends 1078 (if any), sets
// the lengths and the CRC.
import { ProtocolError } from '../errors.js';
import { takeBytes } from './bytes.js';
import { type ConfirmationInit, confirmationError, MOCK_SERVICE2 } from './confirmation.js';
import { CONTAINER_HEADER_SIZE, CONTAINER_MESSAGE_TYPE, CONTAINER_VERSION } from './container-header.js';
import { crc16Range } from './crc16.js';
import type { WireMessage } from './message.js';
import {
  DEFAULT_SESSION_FLAGS,
  SESSION_HEADER_SIZE,
  SESSION_SIGNATURE,
  SESSION_VERSION,
} from './session-header.js';

const FORM_OPERATOR_ACK = 7;
const TAG_OPERATOR_SIGN = 1078;
/** Max ФПО length: 16 bytes ([C]; [Y] says 18, §1.5). */
const MAX_FPO = 16;
/** Where the confirmation TLV starts in the frame. */
const TLV_AT = SESSION_HEADER_SIZE + CONTAINER_HEADER_SIZE;
/** 1017 + 1041 + 1040 + 1012 elements: (4 + 12) + (4 + 16) + (4 + 4) + (4 + 4). */
const FIXED_ELEMENTS = 52;

/** A reply frame waiting for its ФПО. */
export interface ConfirmationDraft {
  /** The confirmation document TLV without 1078: what the ФПО signs. A view into the frame. */
  readonly unsigned: Uint8Array;
  /** @internal the whole frame, sized for a 16-byte ФПО. */
  readonly frame: Uint8Array;
}

let cachedInn = '';
let cachedInnOk = false;

function checkInn(inn: string): void {
  if (inn === cachedInn && cachedInnOk) return;
  if (!/^(\d{10}|\d{12})$/.test(inn))
    throw confirmationError(1017, `OFD INN "${inn}" is not 10 or 12 digits`);
  cachedInn = inn;
  cachedInnOk = true;
}

function isDigits(s: string, min: number, max: number): boolean {
  if (s.length < min || s.length > max) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** The BCD nibble of character `i` of a hex-digit string; 0 left of its start (zero padding). */
function nibble(hex: string, i: number): number {
  if (i < 0) return 0;
  const c = hex.charCodeAt(i);
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
}

function isByte(v: number): boolean {
  return Number.isInteger(v) && v >= 0 && v <= 0xff;
}

function u16(out: Uint8Array, at: number, v: number): void {
  out[at] = v & 0xff;
  out[at + 1] = (v >>> 8) & 0xff;
}

function u32(out: Uint8Array, at: number, v: number): void {
  out[at] = v & 0xff;
  out[at + 1] = (v >>> 8) & 0xff;
  out[at + 2] = (v >>> 16) & 0xff;
  out[at + 3] = (v >>> 24) & 0xff;
}

function tlvHeader(out: Uint8Array, at: number, tag: number, length: number): number {
  u16(out, at, tag);
  u16(out, at + 2, length);
  return at + 4;
}

function ascii(out: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
  return at + text.length;
}

/** Writes the reply frame for `request` with the unsigned confirmation; checks as buildConfirmation does. */
export function draftConfirmationReply(
  request: WireMessage,
  c: Omit<ConfirmationInit, 'fpo'>,
): ConfirmationDraft {
  checkInn(c.ofdInn);
  if (!isDigits(c.fnNumber, 16, 16))
    throw confirmationError(1041, `FN number "${c.fnNumber}" is not 16 digits`);
  if (!isByte(c.responseCode)) throw confirmationError(1022, `response code ${c.responseCode} is not a byte`);
  checkU32(1040, c.fdNumber);
  checkU32(1012, c.dateTime);
  const old = c.ffdVersion === '1.0' || c.ffdVersion === '1.05';
  const flags = old ? 0 : (c.operatorMessageFlags ?? 0) | (c.responseCode === 14 ? 2 : 0);
  if (!old && !isByte(flags)) throw confirmationError(1206, `operator message flags ${flags} are not a byte`);
  const { session, container } = request;
  // The container's FN goes back in BCD; decodeContainerHeader keeps nibbles above 9 as hex letters.
  if (!isDigits(container.fnNumber, 1, 16) && !/^[0-9a-f]{1,16}$/i.test(container.fnNumber)) {
    throw new ProtocolError('BAD_FIELD', `FN number must be 1–16 digits: "${container.fnNumber}"`);
  }
  if (!Number.isInteger(container.fdNumber) || container.fdNumber < 0 || container.fdNumber > 0xffffff) {
    throw new ProtocolError('BAD_FIELD', `FD number ${container.fdNumber} does not fit 24 bits`);
  }
  if (!isDigits(session.fnNumber, 1, 16)) {
    throw new ProtocolError('BAD_FIELD', `FN number must be 1–16 digits: "${session.fnNumber}"`);
  }
  const tlvLength = 4 + FIXED_ELEMENTS + (old ? 9 : 5);
  // Written to a socket and dropped: from the shared slab.
  const frame = takeBytes(TLV_AT + tlvLength + 4 + MAX_FPO);

  // Confirmation TLV (as buildConfirmation writes it).
  let at = tlvHeader(frame, TLV_AT, FORM_OPERATOR_ACK, tlvLength - 4);
  at = tlvHeader(frame, at, 1017, 12);
  const innEnd = ascii(frame, at, c.ofdInn);
  frame.fill(0x20, innEnd, at + 12);
  at = tlvHeader(frame, at + 12, 1041, 16);
  at = ascii(frame, at, c.fnNumber);
  at = tlvHeader(frame, at, 1040, 4);
  u32(frame, at, c.fdNumber);
  at = tlvHeader(frame, at + 4, 1012, 4);
  u32(frame, at, c.dateTime);
  at += 4;
  if (old) {
    at = tlvHeader(frame, at, 1068, 5);
    at = tlvHeader(frame, at, 1022, 1);
    frame[at] = c.responseCode;
  } else {
    at = tlvHeader(frame, at, 1206, 1);
    frame[at] = flags;
  }

  // Session header (§1.2): signature, version, A-version, FN in ASCII padded with spaces; lengths at sealing.
  frame.set(SESSION_SIGNATURE, 0);
  frame.set(SESSION_VERSION, 4);
  u16(frame, 6, session.aVersion);
  const fnEnd = ascii(frame, 8, session.fnNumber);
  frame.fill(0x20, fnEnd, 24);
  u16(frame, 26, DEFAULT_SESSION_FLAGS);
  // Container header (§1.3): type, form 7, version, service data 1 echoed, BCD FN, FD (24-bit BE), service data 2.
  const h = SESSION_HEADER_SIZE;
  frame[h + 4] = CONTAINER_MESSAGE_TYPE;
  frame[h + 5] = FORM_OPERATOR_ACK;
  frame[h + 6] = CONTAINER_VERSION;
  const service1 = container.service1;
  frame[h + 7] = service1.length > 0 ? service1[0]! : 0;
  frame[h + 8] = service1.length > 1 ? service1[1]! : 0;
  const fn = container.fnNumber;
  const pad = 16 - fn.length;
  for (let i = 0; i < 8; i++) {
    const hi = 2 * i - pad;
    const lo = hi + 1;
    frame[h + 9 + i] = (nibble(fn, hi) << 4) | nibble(fn, lo);
  }
  frame[h + 17] = (container.fdNumber >>> 16) & 0xff;
  frame[h + 18] = (container.fdNumber >>> 8) & 0xff;
  frame[h + 19] = container.fdNumber & 0xff;
  frame.set(MOCK_SERVICE2, h + 20);
  return { unsigned: frame.subarray(TLV_AT, TLV_AT + tlvLength), frame };
}

/** Appends the ФПО (if any) as the last element, sets the lengths and the container CRC; returns the frame. */
export function sealConfirmationReply(draft: ConfirmationDraft, fpo?: Uint8Array): Uint8Array {
  const { frame, unsigned } = draft;
  let tlvLength = unsigned.length;
  if (fpo !== undefined) {
    if (fpo.length > MAX_FPO) {
      throw new ProtocolError(
        'VALUE_TOO_LONG',
        `ФПО of ${fpo.length} bytes exceeds ${MAX_FPO}`,
        0,
        [7, 1078],
      );
    }
    const at = tlvHeader(frame, TLV_AT + tlvLength, TAG_OPERATOR_SIGN, fpo.length);
    frame.set(fpo, at);
    tlvLength += 4 + fpo.length;
    u16(frame, TLV_AT + 2, tlvLength - 4);
  }
  const containerLength = CONTAINER_HEADER_SIZE + tlvLength;
  u16(frame, 24, containerLength);
  const h = SESSION_HEADER_SIZE;
  u16(frame, h, containerLength);
  // CRC over the container header without its CRC field, then the body (§1.3).
  let crc = crc16Range(frame, h, h + 2, 0xffff);
  crc = crc16Range(frame, h + 4, TLV_AT + tlvLength, crc);
  u16(frame, h + 2, crc);
  const total = TLV_AT + tlvLength;
  return total === frame.length ? frame : frame.subarray(0, total);
}

function checkU32(tag: number, v: number): void {
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw confirmationError(tag, `${v} is not a u32`);
}
