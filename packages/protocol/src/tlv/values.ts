/**
 * Value codecs of the FFD kinds (protocol.md §2.2). Decoders take a byte
 * range so the document decoder never copies; encoders return new bytes.
 * Every failure is a ProtocolError; callers add the offset and tag path.
 */
import { ProtocolError } from '../errors.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Little-endian unsigned integer of up to 4 bytes: byte, u16, u32 and
 * UnixTime (§2.2). A shorter value is zero-extended; zero length is 0 (§2.1, [Y]).
 */
export function decodeUint(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let v = 0;
  for (let i = end - 1; i >= start; i--) v = v * 256 + (bytes[i] as number);
  return v;
}

/** Fixed-width little-endian unsigned integer (byte: 1, u16: 2, u32/UnixTime: 4). */
export function encodeUint(value: number, width: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** (8 * width)) {
    throw new ProtocolError('BAD_VALUE', `${value} is not an unsigned integer of ${width} byte(s)`);
  }
  const out = new Uint8Array(width);
  let v = value;
  for (let i = 0; i < width; i++) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  return out;
}

/**
 * VLN: little-endian unsigned of minimal length, trailing zero bytes allowed
 * ([Y] pads to the maximum, [C] writes minimal bytes; §2.2). A number while it
 * is a safe integer, otherwise its decimal string (8-byte and longer tags).
 */
export function decodeVln(bytes: Uint8Array, start = 0, end = bytes.length): number | string {
  let top = end;
  while (top > start && bytes[top - 1] === 0) top--;
  if (top - start <= 6) {
    let v = 0;
    for (let i = top - 1; i >= start; i--) v = v * 256 + (bytes[i] as number);
    return v;
  }
  let big = 0n;
  for (let i = top - 1; i >= start; i--) big = (big << 8n) | BigInt(bytes[i] as number);
  return big <= BigInt(MAX_SAFE) ? Number(big) : big.toString();
}

/** Parses a VLN value given as a number, bigint or decimal digit string. */
export function vlnBigInt(value: number | bigint | string): bigint {
  if (typeof value === 'bigint') {
    if (value < 0n) throw new ProtocolError('BAD_VALUE', `${value} is negative`);
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new ProtocolError('BAD_VALUE', `${value} is not a non-negative safe integer`);
    }
    return BigInt(value);
  }
  if (!/^\d{1,160}$/.test(value)) throw new ProtocolError('BAD_VALUE', `"${value}" is not a decimal integer`);
  return BigInt(value);
}

/** Minimal VLN bytes (0 is empty, as [C] writes it); VALUE_TOO_LONG past `maxLength` bytes. */
export function encodeVln(value: number | bigint | string, maxLength = 8): Uint8Array {
  let v = vlnBigInt(value);
  const out: number[] = [];
  while (v > 0n) {
    out.push(Number(v & 0xffn));
    v >>= 8n;
  }
  if (out.length > maxLength) {
    throw new ProtocolError('VALUE_TOO_LONG', `${value} does not fit in ${maxLength} bytes`);
  }
  return Uint8Array.from(out);
}

/** Exact powers of ten up to 10^22 (the largest exact double), looked up instead of `**` per value. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * FVLN: byte 0 = digits after the decimal point, then a VLN mantissa (§2.2).
 * `02 15 cd 5b 07` = 1234567.89. The result is the double nearest the exact
 * decimal (division of exact integers is correctly rounded).
 */
export function decodeFvln(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (end <= start) return 0;
  const point = bytes[start] as number;
  const m = decodeVln(bytes, start + 1, end);
  if (typeof m === 'number' && point <= 22) return point === 0 ? m : m / (POW10[point] as number);
  const digits = String(m).padStart(point + 1, '0');
  return Number(`${digits.slice(0, digits.length - point)}.${digits.slice(digits.length - point)}`);
}

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/** FVLN of a non-negative decimal (number or string); the mantissa takes at least one byte. */
export function encodeFvln(value: number | string, maxLength = 8): Uint8Array {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  const m = DECIMAL.exec(text);
  if (!m) throw new ProtocolError('BAD_VALUE', `${value} is not a non-negative decimal number`);
  let digits = (m[1] as string) + (m[2] ?? '');
  let point = (m[2] ?? '').length - Number(m[3] ?? 0);
  if (point < 0) {
    digits += '0'.repeat(-point);
    point = 0;
  }
  if (point > 255 || digits.length > 40) {
    throw new ProtocolError('VALUE_TOO_LONG', `${value} does not fit in ${maxLength} bytes`);
  }
  const mantissa = encodeVln(BigInt(digits), 255);
  const size = 1 + Math.max(1, mantissa.length);
  if (size > maxLength)
    throw new ProtocolError('VALUE_TOO_LONG', `${value} does not fit in ${maxLength} bytes`);
  const out = new Uint8Array(size);
  out[0] = point;
  out.set(mantissa, 1);
  return out;
}

/**
 * ФПД (1077): the printed value is the big-endian u32 of raw bytes [2..6)
 * (§3.6). Shorter values ([C] accepts 4 bytes) use their last ≤4 bytes.
 */
export function decodeFpd(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let v = 0;
  for (let i = Math.max(start, end - 4); i < end; i++) v = v * 256 + (bytes[i] as number);
  return v;
}

/**
 * Printed ФПД → 6 raw bytes `00 00` + BE u32. A value over 2^32−1 is taken as
 * the whole 6-byte big-endian value, as [C] keeps it.
 */
export function encodeFpd(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0 || value >= 2 ** 48) {
    throw new ProtocolError('BAD_VALUE', `fiscal sign ${value} is not an integer below 2^48`);
  }
  const out = new Uint8Array(6);
  let v = value;
  for (let i = 5; i >= 0; i--) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  return out;
}

/** ФПС (`messageFiscalSign`, §2.6, §8): big-endian u64 of the 8 trailer bytes (from `start`) beginning `81 06`, as a decimal string. */
export function decodeMessageFiscalSign(trailer: Uint8Array, start = 0): string | undefined {
  if (trailer.length < start + 8 || trailer[start] !== 0x81 || trailer[start + 1] !== 0x06) return undefined;
  const hi = decodeBe32(trailer, start);
  const lo = decodeBe32(trailer, start + 4);
  // hi·2^32 + lo in decimal without BigInt: divide by 10^6 in two safe steps.
  const rh = hi % 1e6;
  const t = rh * 4294967296 + lo; // < 10^6 · 2^32 < 2^53
  const quotient = ((hi - rh) / 1e6) * 4294967296 + Math.floor(t / 1e6);
  const rest = String(t % 1e6);
  return quotient > 0 ? `${quotient}${rest.padStart(6, '0')}` : rest;
}

function decodeBe32(b: Uint8Array, at: number): number {
  return (
    (((b[at] as number) << 24) |
      ((b[at + 1] as number) << 16) |
      ((b[at + 2] as number) << 8) |
      (b[at + 3] as number)) >>>
    0
  );
}

/** The 8 trailer bytes of a `messageFiscalSign` decimal string (inverse of decodeMessageFiscalSign). */
export function encodeMessageFiscalSign(value: string | number | bigint): Uint8Array {
  const v = vlnBigInt(value);
  if (v >> 64n !== 0n) throw new ProtocolError('VALUE_TOO_LONG', 'messageFiscalSign exceeds 8 bytes');
  const out = new Uint8Array(8);
  let x = v;
  for (let i = 7; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}
