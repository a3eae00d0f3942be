// The emulated fiscal signs, each a truncated HMAC-Streebog-256 under one of
// the drive's subkeys (drive-key.ts). What each covers:
//   ФПД (tag 1077, 6 bytes): the document TLV with its 1077 element removed
//     and the top-level length reduced accordingly (protocol.md §1.5, §3.6).
//   ФПС (trailer after the document, 10 bytes): `81 06` + 6 MAC bytes + `00 00`,
//     the shape of the real wire fixtures (protocol.md §1.4, §8); the MAC
//     covers the document TLV exactly as sent, 1077 included. FN and FD number
//     are bound by the per-drive key and by tags 1041/1040 inside the document,
//     which the receiver must compare with the headers.
//   ФПО (tag 1078, 16 bytes): the confirmation TLV with its 1078 element
//     removed, under the drive's key, so the register can check it (§1.5, §1.6).
import type { FiscalDriveKey } from './drive-key.js';
import { appendTopLevelTlv, withoutTopLevelTag } from './top-level-tlv.js';

export const TAG_FISCAL_SIGN = 1077;
export const TAG_OPERATOR_SIGN = 1078;
export const FISCAL_SIGN_LENGTH = 6;
export const MESSAGE_SIGN_LENGTH = 10;
export const OPERATOR_SIGN_LENGTH = 16;

const scratch = new Uint8Array(32);

function equal(a: Uint8Array, b: Uint8Array, length: number): boolean {
  if (a.length < length || b.length < length) return false;
  let diff = 0;
  for (let i = 0; i < length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** ФПД over a document TLV that does not (yet) hold tag 1077. */
export function computeFiscalSign(key: FiscalDriveKey, documentTlvWithout1077: Uint8Array): Uint8Array {
  return key.fpd.mac(documentTlvWithout1077).slice(0, FISCAL_SIGN_LENGTH);
}

/** True when the document's 1077 is 6 bytes and matches; false when absent or wrong. */
export function verifyFiscalSign(key: FiscalDriveKey, documentTlv: Uint8Array): boolean {
  const { parts, value } = withoutTopLevelTag(documentTlv, TAG_FISCAL_SIGN);
  if (value === undefined || value.length !== FISCAL_SIGN_LENGTH) return false;
  return equal(key.fpd.mac(parts, scratch), value, FISCAL_SIGN_LENGTH);
}

/** The 10-byte ФПС trailer that follows the document TLV in the container body. */
export function computeMessageSign(key: FiscalDriveKey, documentTlv: Uint8Array): Uint8Array {
  const trailer = new Uint8Array(MESSAGE_SIGN_LENGTH);
  trailer[0] = 0x81;
  trailer[1] = 0x06;
  trailer.set(key.fps.mac(documentTlv, scratch).subarray(0, 6), 2);
  return trailer;
}

/** True when `trailer` is exactly `81 06` + the right 6 bytes + `00 00`. */
export function verifyMessageSign(
  key: FiscalDriveKey,
  documentTlv: Uint8Array,
  trailer: Uint8Array,
): boolean {
  if (trailer.length !== MESSAGE_SIGN_LENGTH) return false;
  if (trailer[0] !== 0x81 || trailer[1] !== 0x06 || trailer[8] !== 0 || trailer[9] !== 0) return false;
  return equal(key.fps.mac(documentTlv, scratch), trailer.subarray(2), 6);
}

/** ФПО over a confirmation TLV that does not (yet) hold tag 1078. */
export function computeOperatorSign(key: FiscalDriveKey, confirmationTlvWithout1078: Uint8Array): Uint8Array {
  return key.fpo.mac(confirmationTlvWithout1078).slice(0, OPERATOR_SIGN_LENGTH);
}

/** True when the confirmation's 1078 is 16 bytes and matches; false when absent or wrong. */
export function verifyOperatorSign(key: FiscalDriveKey, confirmationTlv: Uint8Array): boolean {
  const { parts, value } = withoutTopLevelTag(confirmationTlv, TAG_OPERATOR_SIGN);
  if (value === undefined || value.length !== OPERATOR_SIGN_LENGTH) return false;
  return equal(key.fpo.mac(parts, scratch), value, OPERATOR_SIGN_LENGTH);
}

/**
 * What an emulated drive does when it closes a document: ФПД appended as the
 * last top-level element, then the ФПС trailer over the result.
 */
export function signDocument(
  key: FiscalDriveKey,
  documentTlvWithout1077: Uint8Array,
): { document: Uint8Array; fiscalSign: Uint8Array; trailer: Uint8Array } {
  const fiscalSign = computeFiscalSign(key, documentTlvWithout1077);
  const document = appendTopLevelTlv(documentTlvWithout1077, TAG_FISCAL_SIGN, fiscalSign);
  return { document, fiscalSign, trailer: computeMessageSign(key, document) };
}

/** What the operator's crypto box does: ФПО appended as the last element of the confirmation. */
export function signConfirmation(key: FiscalDriveKey, confirmationTlvWithout1078: Uint8Array): Uint8Array {
  return appendTopLevelTlv(
    confirmationTlvWithout1078,
    TAG_OPERATOR_SIGN,
    computeOperatorSign(key, confirmationTlvWithout1078),
  );
}
