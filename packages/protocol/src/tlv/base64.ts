/**
 * Table-based base64 (RFC 4648, with padding) for `rawData` (protocol.md §2.6)
 * and `bytes` values. No Buffer/atob: the protocol package is pure.
 */
import { ProtocolError } from '../errors.js';
import { loadBase64Wasm, WASM_IN } from './base64-wasm.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = 61; // '='
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
interface AsciiDecoder {
  decode(input: Uint8Array): string;
}
/**
 * Turning the ASCII output bytes into a string is the costly step: the
 * WHATWG TextDecoder (present in browsers, Node, Deno, Bun) does it ~6× faster
 * than String.fromCharCode. Feature-detected, so the codec still needs no
 * platform API; without it the fallback below is used. UTF-8, not latin1:
 * the output is pure ASCII, on which both agree, and Node's UTF-8 decoder has
 * a SIMD fast path (~25% quicker than its ICU latin1 one for 1 KB).
 */
const Decoder = (globalThis as { TextDecoder?: new (label: string) => AsciiDecoder }).TextDecoder;
const ascii: AsciiDecoder | null = Decoder === undefined ? null : new Decoder('utf-8');

/** ASCII bytes → string; `decoder` null forces the portable path (tested on its own). */
export function asciiToString(out: Uint8Array, decoder: AsciiDecoder | null = ascii): string {
  if (decoder !== null) return decoder.decode(out);
  let s = '';
  for (let p = 0; p < out.length; p += 8192) {
    s += String.fromCharCode.apply(null, Array.from(out.subarray(p, p + 8192)));
  }
  return s;
}

/** Two output characters of every 12 input bits, as a u16 (first character at the lower address). */
const PAIRS = new Uint16Array(4096);
for (let i = 0; i < 4096; i++) PAIRS[i] = (CODES[i >> 6] as number) | ((CODES[i & 63] as number) << 8);

/**
 * Output buffer reused between calls: allocating a typed array per call cost
 * more than the encoding loop. Safe because the result is copied into a
 * string before returning and nothing here re-enters.
 */
let scratch = new Uint8Array(4096);
let words = new Uint32Array(scratch.buffer);

/**
 * Four output characters of every 3 input bytes go out as one u32 store, which
 * needs the platform byte order: the pair table is laid out for it here.
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
if (!LITTLE_ENDIAN)
  for (let i = 0; i < 4096; i++)
    PAIRS[i] = ((PAIRS[i] as number) >> 8) | (((PAIRS[i] as number) & 0xff) << 8);

const wasm = loadBase64Wasm(CODES);
/** Shorter inputs stay in JS: copying in and the call cost more than they save. */
const WASM_MIN = 96;

/** Base64 of `bytes`: the WebAssembly loop for long inputs where available, else encodeBase64Js. */
export function encodeBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  if (wasm === null || n < WASM_MIN) return encodeBase64Js(bytes);
  const full = n - (n % 3);
  const memory = wasm.encodeGroups(bytes, full);
  const at = WASM_IN + n;
  const end = writeTail(bytes, full, memory, at + (full / 3) * 4);
  return asciiToString(memory.subarray(at, end));
}

/** The last 1–2 bytes (n − full of them) as 4 padded characters at `o`; returns the end. */
function writeTail(bytes: Uint8Array, full: number, out: Uint8Array, o: number): number {
  const rest = bytes.length - full;
  if (rest === 0) return o;
  const v = ((bytes[full] as number) << 16) | (rest === 2 ? (bytes[full + 1] as number) << 8 : 0);
  out[o] = CODES[v >> 18] as number;
  out[o + 1] = CODES[(v >> 12) & 63] as number;
  out[o + 2] = rest === 2 ? (CODES[(v >> 6) & 63] as number) : PAD;
  out[o + 3] = PAD;
  return o + 4;
}

/** Table lookups (12 bits → 2 characters, two pairs per u32 store) into a byte buffer, then one conversion to a string. */
export function encodeBase64Js(bytes: Uint8Array): string {
  const n = bytes.length;
  const size = Math.ceil(n / 3) * 4;
  if (scratch.length < size) {
    const grown = size + (size >> 1);
    scratch = new Uint8Array(grown + 4 - (grown % 4));
    words = new Uint32Array(scratch.buffer);
  }
  const out = scratch;
  const w = words;
  const full = n - (n % 3);
  let i = 0;
  let o = 0;
  if (LITTLE_ENDIAN && full >= 12) {
    // 12 input bytes = three big-endian u32 reads → 16 characters = four u32 stores.
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (; i + 12 <= full; i += 12, o += 4) {
      const a = dv.getUint32(i);
      const b = dv.getUint32(i + 4);
      const c = dv.getUint32(i + 8);
      w[o] = (PAIRS[a >>> 20] as number) | ((PAIRS[(a >>> 8) & 0xfff] as number) << 16);
      w[o + 1] =
        (PAIRS[((a & 0xff) << 4) | (b >>> 28)] as number) | ((PAIRS[(b >>> 16) & 0xfff] as number) << 16);
      w[o + 2] =
        (PAIRS[(b >>> 4) & 0xfff] as number) | ((PAIRS[((b & 0xf) << 8) | (c >>> 24)] as number) << 16);
      w[o + 3] = (PAIRS[(c >>> 12) & 0xfff] as number) | ((PAIRS[c & 0xfff] as number) << 16);
    }
  }
  for (; i < full; i += 3, o++) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    w[o] = LITTLE_ENDIAN
      ? (PAIRS[v >> 12] as number) | ((PAIRS[v & 0xfff] as number) << 16)
      : ((PAIRS[v >> 12] as number) << 16) | (PAIRS[v & 0xfff] as number);
  }
  writeTail(bytes, full, out, o * 4);
  return asciiToString(out.subarray(0, size));
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
