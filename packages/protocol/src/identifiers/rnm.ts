// RNM (tag 1037): 10-digit FNS ordinal + 6-digit check value (protocol.md §3.1).
import { ProtocolError } from '../errors.js';
import { crc16CcittFalse } from '../frame/crc16.js';

/**
 * Check value = CRC-16/CCITT-FALSE over the ASCII of
 * ordinal(10, zero-padded) + INN(12, zero-padded) + KKT serial(20, zero-padded).
 */
export function rnmCheckValue(ordinal: number | string, inn: string, serial: string): number {
  const text = ordinal10(ordinal) + field(inn.trim(), 12, 'INN') + field(serial.trim(), 20, 'KKT serial');
  const ascii = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) ascii[i] = text.charCodeAt(i) & 0x7f;
  return crc16CcittFalse(ascii);
}

/** The full 16-digit RNM for an ordinal, user INN and KKT serial (1013). */
export function makeRnm(ordinal: number | string, inn: string, serial: string): string {
  return ordinal10(ordinal) + String(rnmCheckValue(ordinal, inn, serial)).padStart(6, '0');
}

/** True when `rnm` (space padding allowed, as in TLV) carries the right check value. */
export function isValidRnm(rnm: string, inn: string, serial: string): boolean {
  const r = rnm.trim();
  if (!/^\d{16}$/.test(r)) return false;
  try {
    return makeRnm(r.slice(0, 10), inn, serial) === r;
  } catch {
    return false;
  }
}

function ordinal10(ordinal: number | string): string {
  const s =
    typeof ordinal === 'number'
      ? Number.isSafeInteger(ordinal) && ordinal >= 0
        ? String(ordinal)
        : ''
      : ordinal;
  if (!/^\d{1,10}$/.test(s))
    throw new ProtocolError('BAD_FIELD', `RNM ordinal must be up to 10 digits: "${ordinal}"`);
  return s.padStart(10, '0');
}

function field(value: string, width: number, name: string): string {
  // The check value is defined over ASCII text only.
  if (value.length > width || !/^[\x20-\x7e]*$/.test(value)) {
    throw new ProtocolError('BAD_FIELD', `${name} must be up to ${width} ASCII characters: "${value}"`);
  }
  return value.padStart(width, '0');
}
