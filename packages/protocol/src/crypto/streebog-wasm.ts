// Streebog's block processing as a tiny WebAssembly module, emitted byte by
// byte at load time (no binary blob, no toolchain): straight-line code over
// 64-bit table lookups, about three times the speed of the int32 JS version.
// The module runs whole runs of blocks (compression, N and Σ updates) and the
// finalisation, so JS only copies the message and the 192-byte state in and
// out once per call. WebAssembly is a language global (browsers and Node), not
// a Node API; where it is missing, streebog.ts keeps its JS compression.
//
// Memory (one 64 KiB page, little-endian like the JS blocks):
//   TABLE  0      8×256 u64: the LPS table for byte position k, index v
//   C      16384  12 × 64 bytes: iteration constants
//   TMP .. KEYS   scratch blocks, the hash state h ‖ N ‖ Σ and round keys (below)
//   MSG    18496  message blocks handed in by the caller

import { name, section, sleb, uleb, vector, type WasmGlobal } from '../wasm/binary.js';

export const WASM_LAYOUT = {
  table: 0,
  c: 16_384,
  tmp: 17_152,
  k: 17_216,
  t: 17_280,
  /** h, N and Σ, contiguous: the 48-int state of a Streebog instance. */
  h: 17_344,
  n: 17_408,
  sigma: 17_472,
  m: 17_536,
  /** 64 zero bytes: the N of the two finalising compressions g_0. */
  zero: 17_600,
  keys: 17_664,
  msg: 18_496,
} as const;

/** Blocks the message area holds (32 KiB). */
export const WASM_MSG_BLOCKS = 512;

export interface StreebogWasm {
  /** Int32 view of the module's memory. */
  memory: Int32Array;
  /** Byte view of the same memory. */
  bytes: Uint8Array;
  /** h ← g_N(h, m), N and m at the given addresses. */
  compress(n: number, m: number): void;
  /** h ← g(h, m) with the 13 round keys at WASM_LAYOUT.keys, m at WASM_LAYOUT.m. */
  compressWithKeys(): void;
  /** The 13 round keys of g_N(h, ·) into WASM_LAYOUT.keys. */
  keySchedule(): void;
  /**
   * Absorbs `count` blocks from WASM_LAYOUT.msg into the state (RFC 6986 §8.2):
   * h ← g_N(h, m), N += 512, Σ += m; the first with the round keys at
   * WASM_LAYOUT.keys when `keyed` is 1.
   */
  blocks(count: number, keyed: number): void;
  /**
   * Finishes the hash (§8.2 last block, §8.3): the padded last block at
   * WASM_LAYOUT.msg holding `bits` message bits, then h ← g_0(h, N), g_0(h, Σ).
   */
  final(bits: number, keyed: number): void;
}

const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  call: 0x10,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i64Const: 0x42,
  i32GeU: 0x4f,
  i64LtU: 0x54,
  i32Add: 0x6a,
  i32Or: 0x72,
  i64Add: 0x7c,
  i64ExtendI32U: 0xad,
  i32Const: 0x41,
  i32Shl: 0x74,
  i32Load8u: 0x2d,
  i64Load: 0x29,
  i64Store: 0x37,
  i64Xor: 0x85,
} as const;

const constant = (n: number) => [OP.i32Const, ...sleb(n)];
const load8 = (offset: number) => [OP.i32Load8u, 0, ...uleb(offset)];
const load64 = (offset: number) => [OP.i64Load, 3, ...uleb(offset)];
const store64 = (offset: number) => [OP.i64Store, 3, ...uleb(offset)];
const local = (i: number) => [OP.localGet, i];

/**
 * out = LPS(a ⊕ b), inlined (a call per LPS cost ~10 %); a and b are read
 * fully first, so out may alias them. Each argument is code pushing an address.
 */
function lpsx(a: number[], b: number[], out: number[]): number[] {
  const code: number[] = [];
  const L = WASM_LAYOUT;
  for (let w = 0; w < 8; w++) {
    code.push(...constant(L.tmp), ...a, ...load64(8 * w), ...b, ...load64(8 * w), OP.i64Xor);
    code.push(...store64(8 * w));
  }
  // Output word i takes byte i of every input word k (P), through the table of position k (S, L).
  for (let i = 0; i < 8; i++) {
    code.push(...out);
    for (let k = 0; k < 8; k++) {
      code.push(
        ...constant(L.tmp),
        ...load8(8 * k + i),
        ...constant(3),
        OP.i32Shl,
        ...load64(L.table + 2048 * k),
      );
      if (k > 0) code.push(OP.i64Xor);
    }
    code.push(...store64(8 * i));
  }
  return code;
}

const call3 = lpsx;

/** h ⊕= T ⊕ last ⊕ m, word by word. */
function finish(h: number[], last: number[], m: number[]): number[] {
  const code: number[] = [];
  const L = WASM_LAYOUT;
  for (let w = 0; w < 8; w++) {
    code.push(...h, ...h, ...load64(8 * w), ...constant(L.t), ...load64(8 * w), OP.i64Xor);
    code.push(...last, ...load64(8 * w), OP.i64Xor, ...m, ...load64(8 * w), OP.i64Xor, ...store64(8 * w));
  }
  return code;
}

/** Function 0, compress(n, m): the 12 rounds of E (RFC 6986 §7) with the key schedule interleaved. */
function compressBody(): number[] {
  const L = WASM_LAYOUT;
  const [h, n, m, k, t] = [constant(L.h), local(0), local(1), constant(L.k), constant(L.t)];
  const code = [...call3(h, n, k), ...call3(k, m, t)];
  for (let i = 0; i < 11; i++) code.push(...call3(k, constant(L.c + 64 * i), k), ...call3(k, t, t));
  code.push(...call3(k, constant(L.c + 64 * 11), k), ...finish(h, k, m));
  return code;
}

/** Function 1, compressWithKeys(): E with the round keys given. */
function compressWithKeysBody(): number[] {
  const L = WASM_LAYOUT;
  const [h, m, t] = [constant(L.h), constant(L.m), constant(L.t)];
  const code = [...call3(constant(L.keys), m, t)];
  for (let i = 1; i < 12; i++) code.push(...call3(constant(L.keys + 64 * i), t, t));
  code.push(...finish(h, constant(L.keys + 64 * 12), m));
  return code;
}

/** Function 2, keySchedule(): K1 = LPS(h ⊕ N), K(i+1) = LPS(Ki ⊕ Ci). */
function keyScheduleBody(): number[] {
  const L = WASM_LAYOUT;
  const code = [...call3(constant(L.h), constant(L.n), constant(L.keys))];
  for (let i = 0; i < 12; i++) {
    code.push(...call3(constant(L.keys + 64 * i), constant(L.c + 64 * i), constant(L.keys + 64 * (i + 1))));
  }
  return code;
}

/**
 * target += the 512-bit number whose word w `source(w)` pushes, mod 2^512,
 * with i64 locals a, s and carry (indices given).
 */
function add512(
  target: number,
  source: (w: number) => number[],
  a: number,
  s: number,
  carry: number,
): number[] {
  const code = [OP.i64Const, 0, OP.localSet, carry];
  for (let w = 0; w < 8; w++) {
    code.push(...constant(0), ...load64(target + 8 * w), OP.localSet, a);
    // s = a + source: carry out when s < a; then s + carry: carry out when that is < s.
    code.push(OP.localGet, a, ...source(w), OP.i64Add, OP.localTee, s, OP.localGet, a, OP.i64LtU);
    code.push(OP.localGet, s, OP.localGet, carry, OP.i64Add, OP.localTee, a, OP.localGet, s, OP.i64LtU);
    code.push(OP.i32Or, OP.i64ExtendI32U, OP.localSet, carry);
    code.push(...constant(0), OP.localGet, a, ...store64(target + 8 * w));
  }
  return code;
}

const word = (address: number) => (w: number) => [...constant(0), ...load64(address + 8 * w)];
const small = (n: number) => (w: number) => [OP.i64Const, ...sleb(w === 0 ? n : 0)];

/** m ← the block at `from` (code pushing its address). */
function loadM(from: number[]): number[] {
  const code: number[] = [];
  for (let w = 0; w < 8; w++)
    code.push(...constant(0), ...from, ...load64(WASM_LAYOUT.msg + 8 * w), ...store64(WASM_LAYOUT.m + 8 * w));
  return code;
}

/** g_N(h, m) or, when local `keyed` is set, g with the stored round keys (then `keyed` is cleared). */
function compressMessage(keyed: number): number[] {
  const L = WASM_LAYOUT;
  return [
    OP.localGet,
    keyed,
    OP.if,
    0x40,
    OP.call,
    1,
    ...constant(0),
    OP.localSet,
    keyed,
    OP.else,
    ...constant(L.n),
    ...constant(L.m),
    OP.call,
    0,
    OP.end,
  ];
}

/** Function 3, blocks(count, keyed); locals: i (i32) 2, then i64 a 3, s 4, carry 5. */
function blocksBody(): number[] {
  const L = WASM_LAYOUT;
  const [count, keyed, i] = [0, 1, 2];
  return [
    OP.block,
    0x40,
    OP.loop,
    0x40,
    OP.localGet,
    i,
    OP.localGet,
    count,
    OP.i32GeU,
    OP.brIf,
    1,
    ...loadM([OP.localGet, i, ...constant(6), OP.i32Shl]),
    ...compressMessage(keyed),
    ...add512(L.n, small(512), 3, 4, 5),
    ...add512(L.sigma, word(L.m), 3, 4, 5),
    OP.localGet,
    i,
    ...constant(1),
    OP.i32Add,
    OP.localSet,
    i,
    OP.br,
    0,
    OP.end,
    OP.end,
  ];
}

/** Function 4, final(bits, keyed); locals: i64 a 2, s 3, carry 4. */
function finalBody(): number[] {
  const L = WASM_LAYOUT;
  const [bits, keyed] = [0, 1];
  return [
    ...loadM(constant(0)),
    ...compressMessage(keyed),
    ...add512(L.n, (w) => (w === 0 ? [OP.localGet, bits, OP.i64ExtendI32U] : [OP.i64Const, 0]), 2, 3, 4),
    ...add512(L.sigma, word(L.m), 2, 3, 4),
    ...constant(L.zero),
    ...constant(L.n),
    OP.call,
    0,
    ...constant(L.zero),
    ...constant(L.sigma),
    OP.call,
    0,
  ];
}

const I32 = 0x7f;
const I64 = 0x7e;

/** A function body with its local declarations: [count, type] runs. */
function functionCode(body: number[], locals: [number, number][] = []): number[] {
  const withLocals = [...vector(locals.map(([n, type]) => [...uleb(n), type])), ...body, OP.end];
  return [...uleb(withLocals.length), ...withLocals];
}

/** The module's bytes. */
export function streebogWasmBytes(): Uint8Array {
  const types = vector([
    [0x60, ...vector([[I32], [I32]]), 0], // (i32, i32) → ()
    [0x60, 0, 0], // () → ()
  ]);
  const exportsList = vector([
    [...name('memory'), 0x02, 0],
    [...name('compress'), 0x00, 0],
    [...name('compressWithKeys'), 0x00, 1],
    [...name('keySchedule'), 0x00, 2],
    [...name('blocks'), 0x00, 3],
    [...name('final'), 0x00, 4],
  ]);
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, types),
    ...section(3, vector([[0], [1], [1], [0], [0]])),
    ...section(5, vector([[0x00, 1]])), // one page, no maximum
    ...section(7, exportsList),
    ...section(
      10,
      vector([
        functionCode(compressBody()),
        functionCode(compressWithKeysBody()),
        functionCode(keyScheduleBody()),
        functionCode(blocksBody(), [
          [1, I32],
          [3, I64],
        ]),
        functionCode(finalBody(), [[3, I64]]),
      ]),
    ),
  ]);
}

/**
 * Instantiates the module and fills its tables (`tl`/`th`: the JS LPS tables,
 * `c`: the iteration constants as 16-int blocks); undefined without WebAssembly.
 */
export function loadStreebogWasm(
  tl: Int32Array,
  th: Int32Array,
  c: readonly Int32Array[],
): StreebogWasm | undefined {
  const api = (globalThis as { WebAssembly?: WasmGlobal }).WebAssembly;
  if (api === undefined) return undefined;
  try {
    const instance = new api.Instance(new api.Module(streebogWasmBytes()));
    const exports = instance.exports as {
      memory: { buffer: ArrayBuffer };
      compress(n: number, m: number): void;
      compressWithKeys(): void;
      keySchedule(): void;
      blocks(count: number, keyed: number): void;
      final(bits: number, keyed: number): void;
    };
    const memory = new Int32Array(exports.memory.buffer);
    for (let j = 0; j < 2048; j++) {
      memory[2 * j] = tl[j]!;
      memory[2 * j + 1] = th[j]!;
    }
    c.forEach((block, i) => {
      memory.set(block, (WASM_LAYOUT.c + 64 * i) / 4);
    });
    return {
      memory,
      bytes: new Uint8Array(exports.memory.buffer),
      compress: exports.compress,
      compressWithKeys: exports.compressWithKeys,
      keySchedule: exports.keySchedule,
      blocks: exports.blocks,
      final: exports.final,
    };
  } catch {
    return undefined;
  }
}
