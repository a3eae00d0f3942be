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

/** One-character strings for every byte value. */
const CHARS: readonly string[] = Array.from({ length: 256 }, (_, b) =>
  b < 0x80 ? String.fromCharCode(b) : (HIGH[b - 0x80] as string),
);
/** UTF-16 code units of every byte value. */
const CODES = new Uint16Array(256);
for (let b = 0; b < 256; b++) CODES[b] = (CHARS[b] as string).charCodeAt(0);
/** Unicode code unit → CP866 byte for the upper half. */
const ENCODE = new Map<number, number>();
for (let b = 0x80; b < 256; b++) ENCODE.set(CODES[b] as number, b);

if (HIGH.length !== 128) throw new Error('CP866 table must have 128 entries');

/** Decodes `bytes[start, end)` as CP866. */
export function decodeCp866(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const n = end - start;
  if (n <= 0) return '';
  if (n <= 64) {
    let s = '';
    for (let i = start; i < end; i++) s += CHARS[bytes[i] as number];
    return s;
  }
  const units = new Uint16Array(n);
  for (let i = 0; i < n; i++) units[i] = CODES[bytes[start + i] as number] as number;
  return String.fromCharCode.apply(null, units as unknown as number[]);
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
