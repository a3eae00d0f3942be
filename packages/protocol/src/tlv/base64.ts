/**
 * Table-based base64 (RFC 4648, with padding) for `rawData` (protocol.md §2.6)
 * and `bytes` values. No Buffer/atob: the protocol package is pure.
 */
import { ProtocolError } from '../errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** 12 bits → two characters, so three bytes cost two lookups. */
const PAIRS: readonly string[] = Array.from(
  { length: 4096 },
  (_, i) => (ALPHABET[i >> 6] as string) + (ALPHABET[i & 63] as string),
);
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const full = n - (n % 3);
  let s = '';
  let i = 0;
  for (; i < full; i += 3) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    s += (PAIRS[v >> 12] as string) + (PAIRS[v & 0xfff] as string);
  }
  const rest = n - full;
  if (rest === 1) {
    const v = (bytes[i] as number) << 4;
    s += `${PAIRS[v] as string}==`;
  } else if (rest === 2) {
    const v = ((bytes[i] as number) << 10) | ((bytes[i + 1] as number) << 2);
    s += `${PAIRS[v >> 6] as string}${ALPHABET[v & 63] as string}=`;
  }
  return s;
}

/** Strict decoder: padding optional, no whitespace, no stray characters. */
export function decodeBase64(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  if (text.length - end > 2 || end % 4 === 1) {
    throw new ProtocolError('BAD_VALUE', 'malformed base64 (length or padding)');
  }
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? (VALUES[c] as number) : -1;
    if (v < 0) throw new ProtocolError('BAD_VALUE', `malformed base64: character at index ${i}`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
