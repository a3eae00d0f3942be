/**
 * CP866 (IBM866), the text encoding of FFD strings (protocol.md §2.2).
 * Table-based both ways; bytes 0x00–0x7F are ASCII and take a fast path.
 */
import { ProtocolError } from '../errors.js';

/** Characters of bytes 0x80–0xFF. */
const HIGH =
  'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ' +
  'абвгдежзийклмноп' +
  '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'рстуфхцчшщъыьэюя' +
  'ЁёЄєЇїЎў°∙·√№¤■\u00a0';

/** UTF-16 code unit of every byte value (0x00–0x7F: ASCII); read-only for other modules. */
export const CODES = new Uint16Array(256);
for (let b = 0; b < 256; b++) CODES[b] = b < 0x80 ? b : HIGH.charCodeAt(b - 0x80);
/** Unicode code unit → CP866 byte for the upper half. */
const ENCODE = new Map<number, number>();
for (let b = 0x80; b < 256; b++) ENCODE.set(CODES[b] as number, b);

if (HIGH.length !== 128) throw new Error('CP866 table must have 128 entries');

/** Longest run handed to one String.fromCharCode call (stays below engine argument limits). */
const CHUNK = 8192;

/**
 * One code-unit array per string length up to 256 (FFD strings are at most
 * 256 bytes), reused: apply() copies the arguments, so reuse is safe, and it
 * saves an allocation per string (~13% of the string's cost). Lazily filled,
 * so only the lengths met take memory.
 */
const POOLED = 256;
const pool: (number[] | undefined)[] = new Array<number[] | undefined>(POOLED + 1).fill(undefined);

/**
 * Decodes `bytes[start, end)` as CP866. Mapping into a plain array and one
 * String.fromCharCode call is several times faster than concatenation and
 * yields a flat string (no rope to flatten later in JSON.stringify).
 */
export function decodeCp866(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const n = end - start;
  if (n <= 0) return '';
  if (n > CHUNK) {
    let s = '';
    for (let p = start; p < end; p += CHUNK) s += decodeCp866(bytes, p, Math.min(end, p + CHUNK));
    return s;
  }
  let units = n <= POOLED ? pool[n] : undefined;
  if (units === undefined) {
    units = new Array<number>(n).fill(0);
    if (n <= POOLED) pool[n] = units;
  }
  for (let i = 0; i < n; i++) units[i] = CODES[bytes[start + i] as number] as number;
  return String.fromCharCode.apply(null, units);
}

/** CP866 bytes of `text` (one per UTF-16 unit); throws BAD_VALUE on a character CP866 lacks. */
export function encodeCp866(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  encodeCp866Into(text, out, 0);
  return out;
}

/** Writes `text` at `offset` of `out` (which has room for text.length bytes). */
export function encodeCp866Into(text: string, out: Uint8Array, offset: number): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[offset + i] = c;
      continue;
    }
    const b = ENCODE.get(c);
    if (b === undefined) {
      throw new ProtocolError(
        'BAD_VALUE',
        `character "${text[i]}" (U+${c.toString(16).toUpperCase().padStart(4, '0')}) at index ${i} has no CP866 code`,
      );
    }
    out[offset + i] = b;
  }
}
