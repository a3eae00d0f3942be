// The Streebog compression g_N in plain JS (RFC 6986 §7), the fallback where
// WebAssembly is missing and the source of the tables the WebAssembly module
// uses. A 512-bit value is 8 little-endian 64-bit words held as 16 int32
// halves (lo at 2k, hi at 2k+1); S, P and L of a round are folded into two
// 8×256 tables (low and high halves): LPS is 8 lookups per output half.
import { A_HEX, C_HEX, PI } from './streebog-constants.js';

/** A 512-bit value as 16 int32 halves of 8 little-endian 64-bit words. */
export type Block = Int32Array;

export const TL = new Int32Array(2048);
export const TH = new Int32Array(2048);
export const C: Block[] = [];

(function buildTables() {
  const aLo = A_HEX.map((h) => Number.parseInt(h.slice(8), 16) | 0);
  const aHi = A_HEX.map((h) => Number.parseInt(h.slice(0, 8), 16) | 0);
  for (let k = 0; k < 8; k++) {
    for (let v = 0; v < 256; v++) {
      const s = PI[v]!;
      let lo = 0;
      let hi = 0;
      for (let b = 0; b < 8; b++) {
        if (s & (1 << b)) {
          // Byte k, bit b of a word is its bit 8k+b; A[0] belongs to bit 63 (RFC 6986 §5.3).
          const row = 63 - (8 * k + b);
          lo ^= aLo[row]!;
          hi ^= aHi[row]!;
        }
      }
      TL[(k << 8) | v] = lo;
      TH[(k << 8) | v] = hi;
    }
  }
  for (const hex of C_HEX) {
    // Big-endian number → memory (little-endian) bytes → halves.
    const bytes = new Uint8Array(64);
    for (let i = 0; i < 64; i++) bytes[63 - i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    const block = new Int32Array(16);
    loadBlock(bytes, 0, block);
    C.push(block);
  }
})();

export function loadBlock(src: Uint8Array, offset: number, out: Block): void {
  for (let i = 0; i < 16; i++) {
    const o = offset + 4 * i;
    out[i] = src[o]! | (src[o + 1]! << 8) | (src[o + 2]! << 16) | (src[o + 3]! << 24);
  }
}

/** out = LPS(a ⊕ b). Reads a and b fully before writing, so out may alias either. */
function lpsx(a: Block, b: Block, out: Block): void {
  const x0 = a[0]! ^ b[0]!;
  const x1 = a[1]! ^ b[1]!;
  const x2 = a[2]! ^ b[2]!;
  const x3 = a[3]! ^ b[3]!;
  const x4 = a[4]! ^ b[4]!;
  const x5 = a[5]! ^ b[5]!;
  const x6 = a[6]! ^ b[6]!;
  const x7 = a[7]! ^ b[7]!;
  const x8 = a[8]! ^ b[8]!;
  const x9 = a[9]! ^ b[9]!;
  const x10 = a[10]! ^ b[10]!;
  const x11 = a[11]! ^ b[11]!;
  const x12 = a[12]! ^ b[12]!;
  const x13 = a[13]! ^ b[13]!;
  const x14 = a[14]! ^ b[14]!;
  const x15 = a[15]! ^ b[15]!;
  // Output word i takes byte i of every input word (P is a transposition).
  {
    const j0 = x0 & 255;
    const j1 = 256 | (x2 & 255);
    const j2 = 512 | (x4 & 255);
    const j3 = 768 | (x6 & 255);
    const j4 = 1024 | (x8 & 255);
    const j5 = 1280 | (x10 & 255);
    const j6 = 1536 | (x12 & 255);
    const j7 = 1792 | (x14 & 255);
    out[0] = TL[j0]! ^ TL[j1]! ^ TL[j2]! ^ TL[j3]! ^ TL[j4]! ^ TL[j5]! ^ TL[j6]! ^ TL[j7]!;
    out[1] = TH[j0]! ^ TH[j1]! ^ TH[j2]! ^ TH[j3]! ^ TH[j4]! ^ TH[j5]! ^ TH[j6]! ^ TH[j7]!;
  }
  {
    const j0 = (x0 >>> 8) & 255;
    const j1 = 256 | ((x2 >>> 8) & 255);
    const j2 = 512 | ((x4 >>> 8) & 255);
    const j3 = 768 | ((x6 >>> 8) & 255);
    const j4 = 1024 | ((x8 >>> 8) & 255);
    const j5 = 1280 | ((x10 >>> 8) & 255);
    const j6 = 1536 | ((x12 >>> 8) & 255);
    const j7 = 1792 | ((x14 >>> 8) & 255);
    out[2] = TL[j0]! ^ TL[j1]! ^ TL[j2]! ^ TL[j3]! ^ TL[j4]! ^ TL[j5]! ^ TL[j6]! ^ TL[j7]!;
    out[3] = TH[j0]! ^ TH[j1]! ^ TH[j2]! ^ TH[j3]! ^ TH[j4]! ^ TH[j5]! ^ TH[j6]! ^ TH[j7]!;
  }
  {
    const j0 = (x0 >>> 16) & 255;
    const j1 = 256 | ((x2 >>> 16) & 255);
    const j2 = 512 | ((x4 >>> 16) & 255);
    const j3 = 768 | ((x6 >>> 16) & 255);
    const j4 = 1024 | ((x8 >>> 16) & 255);
    const j5 = 1280 | ((x10 >>> 16) & 255);
    const j6 = 1536 | ((x12 >>> 16) & 255);
    const j7 = 1792 | ((x14 >>> 16) & 255);
    out[4] = TL[j0]! ^ TL[j1]! ^ TL[j2]! ^ TL[j3]! ^ TL[j4]! ^ TL[j5]! ^ TL[j6]! ^ TL[j7]!;
    out[5] = TH[j0]! ^ TH[j1]! ^ TH[j2]! ^ TH[j3]! ^ TH[j4]! ^ TH[j5]! ^ TH[j6]! ^ TH[j7]!;
  }
  {
    const j0 = x0 >>> 24;
    const j1 = 256 | (x2 >>> 24);
    const j2 = 512 | (x4 >>> 24);
    const j3 = 768 | (x6 >>> 24);
    const j4 = 1024 | (x8 >>> 24);
    const j5 = 1280 | (x10 >>> 24);
    const j6 = 1536 | (x12 >>> 24);
    const j7 = 1792 | (x14 >>> 24);
    out[6] = TL[j0]! ^ TL[j1]! ^ TL[j2]! ^ TL[j3]! ^ TL[j4]! ^ TL[j5]! ^ TL[j6]! ^ TL[j7]!;
    out[7] = TH[j0]! ^ TH[j1]! ^ TH[j2]! ^ TH[j3]! ^ TH[j4]! ^ TH[j5]! ^ TH[j6]! ^ TH[j7]!;
  }
  {
    const j0 = x1 & 255;
    const j1 = 256 | (x3 & 255);
    const j2 = 512 | (x5 & 255);
    const j3 = 768 | (x7 & 255);
    const j4 = 1024 | (x9 & 255);
    const j5 = 1280 | (x11 & 255);
    const j6 = 1536 | (x13 & 255);
    const j7 = 1792 | (x15 & 255);
    out[8] = TL[j0]! ^ TL[j1]! ^ TL[j2]! ^ TL[j3]! ^ TL[j4]! ^ TL[j5]! ^ TL[j6]! ^ TL[j7]!;
    out[9] = TH[j0]! ^ TH[j1]! ^ TH[j2]! ^ TH[j3]! ^ TH[j4]! ^ TH[j5]! ^ TH[j6]! ^ TH[j7]!;
  }
  {
    const j0 = (x1 >>> 8) & 255;
    const j1 = 256 | ((x3 >>> 8) & 255);
    const j2 = 512 | ((x5 >>> 8) & 255);
    const j3 = 768 | ((x7 >>> 8) & 255);
    const j4 = 1024 | ((x9 >>> 8) & 255);
    const j5 = 1280 | ((x11 >>> 8) & 255);
    const j6 = 1536 | ((x13 >>> 8) & 255);
    const j7 = 1792 | ((x15 >>> 8) & 255);
    out[10] = TL[j0]! ^ TL[j1]! ^ TL[j2]! ^ TL[j3]! ^ TL[j4]! ^ TL[j5]! ^ TL[j6]! ^ TL[j7]!;
    out[11] = TH[j0]! ^ TH[j1]! ^ TH[j2]! ^ TH[j3]! ^ TH[j4]! ^ TH[j5]! ^ TH[j6]! ^ TH[j7]!;
  }
  {
    const j0 = (x1 >>> 16) & 255;
    const j1 = 256 | ((x3 >>> 16) & 255);
    const j2 = 512 | ((x5 >>> 16) & 255);
    const j3 = 768 | ((x7 >>> 16) & 255);
    const j4 = 1024 | ((x9 >>> 16) & 255);
    const j5 = 1280 | ((x11 >>> 16) & 255);
    const j6 = 1536 | ((x13 >>> 16) & 255);
    const j7 = 1792 | ((x15 >>> 16) & 255);
    out[12] = TL[j0]! ^ TL[j1]! ^ TL[j2]! ^ TL[j3]! ^ TL[j4]! ^ TL[j5]! ^ TL[j6]! ^ TL[j7]!;
    out[13] = TH[j0]! ^ TH[j1]! ^ TH[j2]! ^ TH[j3]! ^ TH[j4]! ^ TH[j5]! ^ TH[j6]! ^ TH[j7]!;
  }
  {
    const j0 = x1 >>> 24;
    const j1 = 256 | (x3 >>> 24);
    const j2 = 512 | (x5 >>> 24);
    const j3 = 768 | (x7 >>> 24);
    const j4 = 1024 | (x9 >>> 24);
    const j5 = 1280 | (x11 >>> 24);
    const j6 = 1536 | (x13 >>> 24);
    const j7 = 1792 | (x15 >>> 24);
    out[14] = TL[j0]! ^ TL[j1]! ^ TL[j2]! ^ TL[j3]! ^ TL[j4]! ^ TL[j5]! ^ TL[j6]! ^ TL[j7]!;
    out[15] = TH[j0]! ^ TH[j1]! ^ TH[j2]! ^ TH[j3]! ^ TH[j4]! ^ TH[j5]! ^ TH[j6]! ^ TH[j7]!;
  }
}

// Scratch for compress(); compress is synchronous and never re-entered.
const K = new Int32Array(16);
const T = new Int32Array(16);
export const ZERO: Block = new Int32Array(16);

/** h = g_N(h, m) (RFC 6986 §7): E(LPS(h ⊕ N), m) ⊕ h ⊕ m. */
export function compress(h: Block, n: Block, m: Block): void {
  lpsx(h, n, K);
  lpsx(K, m, T);
  for (let i = 0; i < 11; i++) {
    lpsx(K, C[i]!, K);
    lpsx(K, T, T);
  }
  lpsx(K, C[11]!, K);
  for (let i = 0; i < 16; i++) h[i] = h[i]! ^ T[i]! ^ K[i]! ^ m[i]!;
}

/** The 13 round keys of one compression, flat (13 × 16 ints) and as block views. */
export interface RoundKeys {
  flat: Int32Array;
  blocks: Block[];
}

/** The 13 round keys of g_N(h, ·): they depend only on h and N (RFC 6986 §7). */
export function keyScheduleJs(h: Block, n: Block): RoundKeys {
  const flat = new Int32Array(13 * 16);
  const blocks = Array.from({ length: 13 }, (_, i) => flat.subarray(16 * i, 16 * i + 16));
  lpsx(h, n, blocks[0]!);
  for (let i = 0; i < 12; i++) lpsx(blocks[i]!, C[i]!, blocks[i + 1]!);
  return { flat, blocks };
}

/** compress() with the round keys already known: half the LPS work. */
export function compressWithKeysJs(h: Block, keys: RoundKeys, m: Block): void {
  const k = keys.blocks;
  lpsx(k[0]!, m, T);
  for (let i = 1; i < 12; i++) lpsx(k[i]!, T, T);
  const last = k[12]!;
  for (let i = 0; i < 16; i++) h[i] = h[i]! ^ T[i]! ^ last[i]! ^ m[i]!;
}
