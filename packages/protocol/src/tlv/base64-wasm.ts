// The inner loop of base64 (3 bytes → 4 characters through the 12-bit pair
// table) as a tiny WebAssembly function, emitted byte by byte at load time
// like crypto/streebog-wasm.ts. It runs without the JS bounds checks: about
// 0.25 µs less for the ~900-byte rawData of a receipt (protocol.md §2.6).
// WebAssembly is a language global, not a Node API; where it is missing or
// refused (a CSP without 'wasm-unsafe-eval'), base64.ts keeps its JS loop.
//
// Memory: PAIRS (4096 u16) at 0, the input at IN, the output right after it.

import { name, section, uleb, type WasmGlobal } from '../wasm/binary.js';

const PAIRS_AT = 0;
const IN = 8192;
const PAGE = 65536;

/** i32.const for 0 ≤ n < 2^13 (one or two signed LEB128 bytes). */
const i32 = (n: number) => (n < 64 ? [0x41, n] : [0x41, (n & 0x7f) | 0x80, n >> 7]);
const get = (i: number) => [0x20, i];
const set = (i: number) => [0x21, i];
const LOAD8 = 0x2d;
const LOAD16 = 0x2f;
const STORE32 = 0x36;
const [ADD, AND, OR, SHL, SHR_U, LT_U, EQZ] = [0x6a, 0x71, 0x72, 0x74, 0x76, 0x49, 0x45];

/**
 * encode(in, n, out): n (a multiple of 3) bytes at `in` → n/3·4 characters
 * at `out`. Locals: 0 in, 1 n, 2 out, 3 end, 4 the 24-bit group.
 */
// biome-ignore format: one instruction (with its immediates) per group, as in the wasm text format
const code = [
  ...get(0), ...get(1), ADD, ...set(3),
  0x02, 0x40, // block
  ...get(1), EQZ, 0x0d, 0, // br_if 0: nothing to do
  0x03, 0x40, // loop
  ...get(0), LOAD8, 0, 0, ...i32(16), SHL,
  ...get(0), LOAD8, 0, 1, ...i32(8), SHL, OR,
  ...get(0), LOAD8, 0, 2, OR, ...set(4),
  ...get(2), // store address
  ...get(4), ...i32(12), SHR_U, ...i32(1), SHL, LOAD16, 1, PAIRS_AT,
  ...get(4), ...i32(0xfff), AND, ...i32(1), SHL, LOAD16, 1, PAIRS_AT,
  ...i32(16), SHL, OR,
  STORE32, 2, 0, // little-endian: the first pair's characters first
  ...get(2), ...i32(4), ADD, ...set(2),
  ...get(0), ...i32(3), ADD, 0x22, 0, // local.tee 0
  ...get(3), LT_U, 0x0d, 0, // br_if loop
  0x0b, // end loop
  0x0b, // end block
  0x0b, // end function
];
const body = [1, 2, 0x7f, ...code]; // two i32 locals
// biome-ignore format: one section per line
const MODULE = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
  ...section(1, [1, 0x60, 3, 0x7f, 0x7f, 0x7f, 0]), // type (i32, i32, i32) → ()
  ...section(3, [1, 0]),
  ...section(5, [1, 0, 1]), // memory: 1 page to start, no maximum
  ...section(7, [2, ...name('memory'), 2, 0, ...name('encode'), 0, 0]),
  ...section(10, [1, ...uleb(body.length), ...body]),
]);

interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** Where the input goes; the characters follow it. */
export const WASM_IN = IN;

export interface Base64Wasm {
  /**
   * Encodes the whole 3-byte groups of `bytes` (the first `full` bytes, a
   * multiple of 3) and returns the module's memory, which holds the
   * characters from WASM_IN + bytes.length on, with room for 4 more after them.
   */
  encodeGroups(bytes: Uint8Array, full: number): Uint8Array;
}

/** The module, or null where WebAssembly is missing or refused. `alphabet`: the 64 character codes. */
export function loadBase64Wasm(alphabet: Uint8Array): Base64Wasm | null {
  const wasm = (globalThis as { WebAssembly?: WasmGlobal }).WebAssembly;
  if (wasm === undefined) return null;
  let memory: WasmMemory;
  let encode: (input: number, n: number, output: number) => void;
  try {
    const instance = new wasm.Instance(new wasm.Module(MODULE));
    memory = instance.exports.memory as WasmMemory;
    encode = instance.exports.encode as typeof encode;
  } catch {
    return null;
  }
  let view = new Uint8Array(memory.buffer);
  // The pair table: the characters of the high 6 bits, then of the low 6.
  for (let i = 0; i < 4096; i++) {
    view[PAIRS_AT + 2 * i] = alphabet[i >> 6] as number;
    view[PAIRS_AT + 2 * i + 1] = alphabet[i & 63] as number;
  }
  return {
    encodeGroups(bytes, full) {
      const out = IN + bytes.length;
      const need = out + (full / 3) * 4 + 4;
      if (need > view.length) {
        memory.grow(Math.ceil((need - view.length) / PAGE));
        view = new Uint8Array(memory.buffer); // growing detaches the old buffer
      }
      view.set(bytes, IN);
      encode(IN, full, out);
      return view;
    },
  };
}
