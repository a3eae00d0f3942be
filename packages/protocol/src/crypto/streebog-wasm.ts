// The Streebog compression function as a tiny WebAssembly module, emitted
// byte by byte at load time (no binary blob, no toolchain): straight-line
// code over 64-bit table lookups, about three times the speed of the int32 JS
// version. WebAssembly is a language global (browsers and Node), not a Node
// API; where it is missing, streebog.ts keeps its JS compression.
//
// Memory (one 64 KiB page, little-endian like the JS blocks):
//   TABLE  0      8×256 u64: the LPS table for byte position k, index v
//   C      16384  12 × 64 bytes: iteration constants
//   TMP .. KEYS   scratch blocks and the caller's arguments (below)

export const WASM_LAYOUT = {
  table: 0,
  c: 16_384,
  tmp: 17_152,
  k: 17_216,
  t: 17_280,
  h: 17_344,
  n: 17_408,
  m: 17_472,
  keys: 17_536,
} as const;

export interface StreebogWasm {
  /** Int32 view of the module's memory. */
  memory: Int32Array;
  /** h ← g_N(h, m) over the blocks at WASM_LAYOUT.h/n/m. */
  compress(): void;
  /** h ← g(h, m) with the 13 round keys at WASM_LAYOUT.keys. */
  compressWithKeys(): void;
  /** The 13 round keys of g_N(h, ·) into WASM_LAYOUT.keys. */
  keySchedule(): void;
}

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const OP = {
  end: 0x0b,
  call: 0x10,
  localGet: 0x20,
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

/** Function 0, lpsx(a, b, out): out = LPS(a ⊕ b); a and b are read fully first, so out may alias them. */
function lpsxBody(): number[] {
  const code: number[] = [];
  const L = WASM_LAYOUT;
  for (let w = 0; w < 8; w++) {
    code.push(...constant(L.tmp), ...local(0), ...load64(8 * w), ...local(1), ...load64(8 * w), OP.i64Xor);
    code.push(...store64(8 * w));
  }
  // Output word i takes byte i of every input word k (P), through the table of position k (S, L).
  for (let i = 0; i < 8; i++) {
    code.push(...local(2));
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

const call3 = (a: number[], b: number[], out: number[]) => [...a, ...b, ...out, OP.call, 0];

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

/** Function 1, compress(): the 12 rounds of E (RFC 6986 §7) with the key schedule interleaved. */
function compressBody(): number[] {
  const L = WASM_LAYOUT;
  const [h, n, m, k, t] = [constant(L.h), constant(L.n), constant(L.m), constant(L.k), constant(L.t)];
  const code = [...call3(h, n, k), ...call3(k, m, t)];
  for (let i = 0; i < 11; i++) code.push(...call3(k, constant(L.c + 64 * i), k), ...call3(k, t, t));
  code.push(...call3(k, constant(L.c + 64 * 11), k), ...finish(h, k, m));
  return code;
}

/** Function 2, compressWithKeys(): E with the round keys given. */
function compressWithKeysBody(): number[] {
  const L = WASM_LAYOUT;
  const [h, m, t] = [constant(L.h), constant(L.m), constant(L.t)];
  const code = [...call3(constant(L.keys), m, t)];
  for (let i = 1; i < 12; i++) code.push(...call3(constant(L.keys + 64 * i), t, t));
  code.push(...finish(h, constant(L.keys + 64 * 12), m));
  return code;
}

/** Function 3, keySchedule(): K1 = LPS(h ⊕ N), K(i+1) = LPS(Ki ⊕ Ci). */
function keyScheduleBody(): number[] {
  const L = WASM_LAYOUT;
  const code = [...call3(constant(L.h), constant(L.n), constant(L.keys))];
  for (let i = 0; i < 12; i++) {
    code.push(...call3(constant(L.keys + 64 * i), constant(L.c + 64 * i), constant(L.keys + 64 * (i + 1))));
  }
  return code;
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function functionCode(body: number[]): number[] {
  const withLocals = [0, ...body, OP.end]; // no locals beyond the parameters
  return [...uleb(withLocals.length), ...withLocals];
}

function name(text: string): number[] {
  return [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
}

/** The module's bytes. */
export function streebogWasmBytes(): Uint8Array {
  const I32 = 0x7f;
  const types = vector([
    [0x60, ...vector([[I32], [I32], [I32]]), 0], // (i32, i32, i32) → ()
    [0x60, 0, 0], // () → ()
  ]);
  const exportsList = vector([
    [...name('memory'), 0x02, 0],
    [...name('compress'), 0x00, 1],
    [...name('compressWithKeys'), 0x00, 2],
    [...name('keySchedule'), 0x00, 3],
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
    ...section(3, vector([[0], [1], [1], [1]])),
    ...section(5, vector([[0x00, 1]])), // one page, no maximum
    ...section(7, exportsList),
    ...section(
      10,
      vector([
        functionCode(lpsxBody()),
        functionCode(compressBody()),
        functionCode(compressWithKeysBody()),
        functionCode(keyScheduleBody()),
      ]),
    ),
  ]);
}

interface WasmGlobal {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
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
      compress(): void;
      compressWithKeys(): void;
      keySchedule(): void;
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
      compress: exports.compress,
      compressWithKeys: exports.compressWithKeys,
      keySchedule: exports.keySchedule,
    };
  } catch {
    return undefined;
  }
}
