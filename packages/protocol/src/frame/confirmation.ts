// Operator confirmation, form 7 (`operatorAck`), protocol.md §1.6 and §9.
//
// ФФД 1.05 (and 1.0): 1017, 1041, 1040, 1012, 1068{1022}, [1078].
// ФФД 1.1 / 1.2: 1017, 1041, 1040, 1012, 1206, [1078] — by the tables of order
// ЕД-7-20/662@ 1206 stands directly in the confirmation in place of 1068
// (§9); 1022 belongs to the 1.05 tables only, so a 1.1/1.2 confirmation
// carries no 1068. A rejection (1022 = 14, ФЛК failed) is expressed there by
// bit 2 of 1206, which buildConfirmation sets for response code 14.
// ФПО (1078) comes from the crypto box and is always the last element, so
// the emulated `signConfirmation` (crypto/) and `fpo` here give the same bytes.
import { ProtocolError } from '../errors.js';
import type { FfdVersion } from '../tags.js';
import { encodeCp866 } from '../tlv/cp866.js';
import { encodeUint } from '../tlv/values.js';
import { TlvWriter } from '../tlv/writer.js';
import { CONTAINER_HEADER_SIZE, encodeContainerHeader, MAX_CONTAINER_SIZE } from './container-header.js';
import type { WireMessage } from './message.js';
import { DEFAULT_SESSION_FLAGS, encodeSessionHeader, SESSION_HEADER_SIZE } from './session-header.js';

/** 1022 ofdResponseCode values (§1.6). */
export const OFD_RESPONSE = { accepted: 0, notRecognised: 11, flkFailed: 14 } as const;
/** 1206 operatorMessage bit flags (§1.6). */
export const OPERATOR_MESSAGE = {
  flkError: 2,
  checkCabinet: 4,
  upgradeFfd: 8,
  taxInspectionPlan: 16,
  contactOfd: 32,
  ofdCeasing: 64,
} as const;

/** Max ФПО length: 16 bytes ([C]; [Y] says 18, §1.5). */
const MAX_FPO = 16;
const FORM_OPERATOR_ACK = 7;

export interface ConfirmationInit {
  /** OFD INN, 10 or 12 digits; written space-padded to 12 (1017). */
  ofdInn: string;
  fnNumber: string;
  fdNumber: number;
  /** Confirmation time, unix seconds (1012). */
  dateTime: number;
  /** 1022 in ФФД 1.05; in 1.1/1.2 code 14 sets the ФЛК bit of 1206. */
  responseCode: number;
  /** The version the register speaks (1209/1189/1190, §9). */
  ffdVersion: FfdVersion;
  /** 1206 bit flags (ФФД 1.1/1.2 only; 1206 does not exist in 1.05). */
  operatorMessageFlags?: number;
  /** ФПО (1078) from the crypto box. */
  fpo?: Uint8Array;
}

/** Builds the form-7 document TLV. */
export function buildConfirmation(c: ConfirmationInit): Uint8Array {
  if (!/^(\d{10}|\d{12})$/.test(c.ofdInn)) throw bad(1017, `OFD INN "${c.ofdInn}" is not 10 or 12 digits`);
  if (!/^\d{16}$/.test(c.fnNumber)) throw bad(1041, `FN number "${c.fnNumber}" is not 16 digits`);
  if (!isByte(c.responseCode)) throw bad(1022, `response code ${c.responseCode} is not a byte`);
  const w = new TlvWriter(128);
  const doc = w.begin(FORM_OPERATOR_ACK);
  w.tlv(1017, encodeCp866(c.ofdInn.padEnd(12, ' ')));
  w.tlv(1041, encodeCp866(c.fnNumber));
  w.tlv(1040, u32(1040, c.fdNumber));
  w.tlv(1012, u32(1012, c.dateTime));
  if (c.ffdVersion === '1.0' || c.ffdVersion === '1.05') {
    const msg = w.begin(1068);
    w.tlv(1022, Uint8Array.of(c.responseCode));
    w.end(msg);
  } else {
    const flags = (c.operatorMessageFlags ?? 0) | (c.responseCode === OFD_RESPONSE.flkFailed ? 2 : 0);
    if (!isByte(flags)) throw bad(1206, `operator message flags ${flags} are not a byte`);
    w.tlv(1206, Uint8Array.of(flags));
  }
  if (c.fpo !== undefined) {
    if (c.fpo.length > MAX_FPO) {
      throw new ProtocolError(
        'VALUE_TOO_LONG',
        `ФПО of ${c.fpo.length} bytes exceeds ${MAX_FPO}`,
        0,
        [7, 1078],
      );
    }
    w.tlv(1078, c.fpo);
  }
  w.end(doc);
  return w.finish();
}

/**
 * The reply frame for `request` carrying `confirmationTlv` (§1.6, [Y] mock):
 * session header copies A-version and FN, flags 0x0014; container header has
 * document type 7, version 1, service data 1 echoed, the request's BCD FN
 * and FD number, CRC recomputed. Service data 2 defaults to the [Y] mock's
 * CP866 text "           0" (its meaning is unknown, §1.3).
 */
export function encodeConfirmationMessage(
  request: WireMessage,
  confirmationTlv: Uint8Array,
  options: { service2?: Uint8Array } = {},
): Uint8Array {
  const containerLength = CONTAINER_HEADER_SIZE + confirmationTlv.length;
  if (containerLength > MAX_CONTAINER_SIZE) {
    throw new ProtocolError(
      'FRAME_TOO_LARGE',
      `confirmation container of ${containerLength} bytes exceeds 32 KiB`,
    );
  }
  const out = new Uint8Array(SESSION_HEADER_SIZE + containerLength);
  out.set(
    encodeSessionHeader({
      aVersion: request.session.aVersion,
      fnNumber: request.session.fnNumber,
      bodyLength: containerLength,
      flags: DEFAULT_SESSION_FLAGS,
      crc: 0,
    }),
  );
  const header = encodeContainerHeader(
    {
      documentType: FORM_OPERATOR_ACK,
      fnNumber: request.container.fnNumber,
      fdNumber: request.container.fdNumber,
      service1: request.container.service1,
      service2: options.service2 ?? MOCK_SERVICE2,
    },
    confirmationTlv,
  );
  out.set(header, SESSION_HEADER_SIZE);
  out.set(confirmationTlv, SESSION_HEADER_SIZE + CONTAINER_HEADER_SIZE);
  return out;
}

/** Service data 2 of replies: the [Y] mock's CP866 "           0" (§1.3). */
export const MOCK_SERVICE2 = encodeCp866('           0');

function u32(tag: number, v: number): Uint8Array {
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw bad(tag, `${v} is not a u32`);
  return encodeUint(v, 4);
}

function isByte(v: number): boolean {
  return Number.isInteger(v) && v >= 0 && v <= 0xff;
}

/** A bad confirmation field (`tag` of form 7). */
export function confirmationError(tag: number, message: string): ProtocolError {
  return new ProtocolError('BAD_FIELD', message, 0, [7, tag]);
}

const bad = confirmationError;
