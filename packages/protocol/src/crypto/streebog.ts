// GOST R 34.11-2012 "Streebog" hash (RFC 6986), 256- and 512-bit.
//
// Byte order: like OpenSSL/gost-engine and the RFC 7836 / R 50.1.113-2016
// HMAC vectors, a message is the byte string as it lies in memory, and the
// digest is returned in memory order. RFC 6986 prints both as big-endian
// numbers, i.e. byte-reversed (see streebog.test.ts).
//
// Speed: runs of blocks and the finalisation run in a small WebAssembly module
// generated at load time (streebog-wasm.ts) where the platform has WebAssembly
// (browsers, Node), else in JS (streebog-js.ts: int32 halves, folded LPS
// tables, no BigInt). Measured on Node 20 (2-core Xeon, per CPU second):
// WebAssembly ~143 MB/s (~105 with one JS call per compression and an LPS
// function called 25 times per block; ~80 with the block in i64 locals and
// bytes taken by shifts: this CPU runs out of ALU ports before load ports);
// the unrolled JS ~49 MB/s; the same with a loop ~39 MB/s; one interleaved
// lo/hi table ~42 MB/s; state in 48 locals ~45 MB/s; BigUint64Array tables
// ~3.4 MB/s (BigInt ops allocate).
import {
  type Block,
  C,
  compress,
  compressWithKeysJs,
  keyScheduleJs,
  loadBlock,
  type RoundKeys,
  TH,
  TL,
  ZERO,
} from './streebog-js.js';
import { loadStreebogWasm, WASM_LAYOUT, WASM_MSG_BLOCKS } from './streebog-wasm.js';

// The WebAssembly block processing (streebog-wasm.ts) when the platform has
// it: per call, the state and the message go into its memory, the state back.
const WASM = loadStreebogWasm(TL, TH, C);
const W_H = WASM_LAYOUT.h / 4;
const W_N = WASM_LAYOUT.n / 4;
const W_M = WASM_LAYOUT.m / 4;
const W_KEYS = WASM_LAYOUT.keys / 4;
/** h ‖ N ‖ Σ, in ints. */
const STATE_INTS = 48;
const W_H_BYTES = WASM_LAYOUT.h;
const W_MSG = WASM_LAYOUT.msg;
const MSG_BYTES = 64 * WASM_MSG_BLOCKS;

/** Which compression this platform runs: 'wasm' or 'js'. */
export const STREEBOG_BACKEND: 'wasm' | 'js' = WASM ? 'wasm' : 'js';

function compressAny(h: Block, n: Block, m: Block): void {
  if (WASM === undefined) {
    compress(h, n, m);
    return;
  }
  const mem = WASM.memory;
  mem.set(h, W_H);
  mem.set(n, W_N);
  mem.set(m, W_M);
  WASM.compress(WASM_LAYOUT.n, WASM_LAYOUT.m);
  for (let i = 0; i < 16; i++) h[i] = mem[W_H + i]!;
}

function keySchedule(h: Block, n: Block): RoundKeys {
  if (WASM === undefined) return keyScheduleJs(h, n);
  const mem = WASM.memory;
  mem.set(h, W_H);
  mem.set(n, W_N);
  WASM.keySchedule();
  const flat = mem.slice(W_KEYS, W_KEYS + 13 * 16);
  return { flat, blocks: Array.from({ length: 13 }, (_, i) => flat.subarray(16 * i, 16 * i + 16)) };
}

function compressWithKeys(h: Block, keys: RoundKeys, m: Block): void {
  if (WASM === undefined) {
    compressWithKeysJs(h, keys, m);
    return;
  }
  const mem = WASM.memory;
  mem.set(keys.flat, W_KEYS);
  mem.set(h, W_H);
  mem.set(m, W_M);
  WASM.compressWithKeys();
  for (let i = 0; i < 16; i++) h[i] = mem[W_H + i]!;
}

/** Both compressions, for tests that hold them to each other. */
export const compressions = {
  js: (h: Int32Array, n: Int32Array, m: Int32Array) => compress(h, n, m),
  any: compressAny,
  /** Via precomputed round keys, JS and platform paths. */
  keyedJs: (h: Int32Array, n: Int32Array, m: Int32Array) => compressWithKeysJs(h, keyScheduleJs(h, n), m),
  keyedAny: (h: Int32Array, n: Int32Array, m: Int32Array) => compressWithKeys(h, keySchedule(h, n), m),
};

/** Copies `length` bytes (a short run: a loop beats allocating a subarray for set). */
function copyBytes(src: Uint8Array, from: number, length: number, dst: Uint8Array, to: number): void {
  for (let i = 0; i < length; i++) dst[to + i] = src[from + i]!;
}

/** acc = acc + m mod 2^512 (little-endian 32-bit limbs). */
function add512(acc: Block, m: Block): void {
  let carry = 0;
  for (let i = 0; i < 16; i++) {
    const sum = (acc[i]! >>> 0) + (m[i]! >>> 0) + carry;
    acc[i] = sum | 0;
    carry = sum > 0xffffffff ? 1 : 0;
  }
}

/** acc = acc + bits mod 2^512, bits < 2^32. */
function addBits(acc: Block, bits: number): void {
  let carry = bits;
  for (let i = 0; i < 16 && carry !== 0; i++) {
    const sum = (acc[i]! >>> 0) + carry;
    acc[i] = sum | 0;
    carry = sum > 0xffffffff ? 1 : 0;
  }
}

/**
 * Incremental Streebog. `update` may be called any number of times; `digest`
 * finishes it (the hasher is spent afterwards). `copyFrom` lets HMAC resume
 * from a precomputed state instead of re-hashing its padded key block.
 */
interface JsState {
  h: Block;
  n: Block;
  sigma: Block;
  m: Block;
}

const NO_KEYS: RoundKeys = { flat: new Int32Array(0), blocks: [] };

export class Streebog {
  /** h ‖ N ‖ Σ: one array, so the WebAssembly path moves it with one copy each way. */
  private readonly state = new Int32Array(STATE_INTS);
  /** Views of `state` and a message block, for the JS path only (not allocated with WebAssembly). */
  private readonly js: JsState | undefined =
    WASM === undefined
      ? {
          h: this.state.subarray(0, 16),
          n: this.state.subarray(16, 32),
          sigma: this.state.subarray(32, 48),
          m: new Int32Array(16),
        }
      : undefined;
  private readonly buf = new Uint8Array(64);
  private bufLen = 0;
  /** Round keys for the next block, valid while `keysFresh` (see precomputeRoundKeys). */
  private keys: RoundKeys = NO_KEYS;
  private keysFresh = false;

  constructor(readonly outputBits: 256 | 512 = 256) {
    this.reset();
  }

  /** Back to the initial vector (RFC 6986 §5.1: 0x01 bytes for 256, zeros for 512). */
  reset(): this {
    this.state.fill(0);
    if (this.outputBits === 256) this.state.fill(0x01010101, 0, 16);
    this.bufLen = 0;
    this.keysFresh = false;
    return this;
  }

  /**
   * Computes the round keys of the next compression, which depend only on the
   * current state: a state that is resumed many times (an HMAC key's padded
   * block, via copyFrom) then saves them on every resume. Only on a block boundary.
   */
  precomputeRoundKeys(): this {
    if (this.bufLen !== 0) throw new Error('round keys can only be precomputed on a block boundary');
    this.keys = keySchedule(this.state.subarray(0, 16), this.state.subarray(16, 32));
    this.keysFresh = true;
    return this;
  }

  /**
   * @internal Copies h ‖ N ‖ Σ (48 ints) into `into` at `at`; only on a block
   * boundary (HMAC keeps its padded-key states this way, without a hasher each).
   */
  saveState(into: Int32Array, at: number): void {
    if (this.bufLen !== 0) throw new Error('a state can only be saved on a block boundary');
    for (let i = 0; i < STATE_INTS; i++) into[at + i] = this.state[i]!;
  }

  /** @internal Continues from a state saveState wrote (a 256-bit hasher). */
  resumeFrom(from: Int32Array, at: number): this {
    for (let i = 0; i < STATE_INTS; i++) this.state[i] = from[at + i]!;
    this.bufLen = 0;
    this.keysFresh = false;
    return this;
  }

  copyFrom(other: Streebog): this {
    this.state.set(other.state);
    if (other.bufLen > 0) this.buf.set(other.buf);
    this.bufLen = other.bufLen;
    this.keys = other.keys;
    this.keysFresh = other.keysFresh;
    return this;
  }

  update(data: Uint8Array, start = 0, end = data.length): this {
    let pos = start;
    if (this.bufLen > 0) {
      const take = Math.min(64 - this.bufLen, end - pos);
      copyBytes(data, pos, take, this.buf, this.bufLen);
      this.bufLen += take;
      pos += take;
      if (this.bufLen < 64) return this;
      this.absorb(this.buf, 0, 1);
      this.bufLen = 0;
    }
    const blocks = (end - pos) >>> 6;
    if (blocks > 0) {
      this.absorb(data, pos, blocks);
      pos += 64 * blocks;
    }
    if (pos < end) {
      copyBytes(data, pos, end - pos, this.buf, 0);
      this.bufLen = end - pos;
    }
    return this;
  }

  /** Finishes the hash (RFC 6986 §8.2–8.3) into `out` (32 or 64 bytes) and returns it. */
  digest(out: Uint8Array = new Uint8Array(this.outputBits / 8)): Uint8Array {
    const r = this.bufLen;
    this.buf.fill(0, r);
    this.buf[r] = 1;
    // The 256-bit hash is the most significant half: memory bytes 32..63.
    const first = this.outputBits === 256 ? 8 : 0;
    if (WASM !== undefined) {
      WASM.memory.set(this.state, W_H);
      WASM.bytes.set(this.buf, W_MSG);
      WASM.final(8 * r, this.useKeys());
      copyBytes(WASM.bytes, W_H_BYTES + 4 * first, 64 - 4 * first, out, 0);
      return out;
    }
    const { h, n, sigma, m } = this.js!;
    loadBlock(this.buf, 0, m);
    this.compressMessage();
    addBits(n, 8 * r);
    add512(sigma, m);
    compressAny(h, ZERO, n);
    compressAny(h, ZERO, sigma);
    for (let i = first; i < 16; i++) {
      const w = h[i]!;
      const o = 4 * (i - first);
      out[o] = w & 255;
      out[o + 1] = (w >>> 8) & 255;
      out[o + 2] = (w >>> 16) & 255;
      out[o + 3] = (w >>> 24) & 255;
    }
    return out;
  }

  /** Absorbs `count` whole blocks of `data` from `offset` (RFC 6986 §8.2). */
  private absorb(data: Uint8Array, offset: number, count: number): void {
    if (WASM === undefined) {
      const { n, sigma, m } = this.js!;
      for (let b = 0; b < count; b++) {
        loadBlock(data, offset + 64 * b, m);
        this.compressMessage();
        addBits(n, 512);
        add512(sigma, m);
      }
      return;
    }
    WASM.memory.set(this.state, W_H);
    for (let done = 0; done < count; ) {
      const run = Math.min(count - done, WASM_MSG_BLOCKS);
      const from = offset + 64 * done;
      // A whole small message goes in as is (no subarray to allocate); bytes past the run are ignored.
      if (from === 0 && data.length <= MSG_BYTES) WASM.bytes.set(data, W_MSG);
      else WASM.bytes.set(data.subarray(from, from + 64 * run), W_MSG);
      WASM.blocks(run, this.useKeys());
      done += run;
    }
    const mem = WASM.memory;
    for (let i = 0; i < STATE_INTS; i++) this.state[i] = mem[W_H + i]!;
  }

  /** 1 when the next block runs on precomputed round keys (now in the module's memory), else 0. */
  private useKeys(): number {
    if (!this.keysFresh) return 0;
    this.keysFresh = false;
    WASM!.memory.set(this.keys.flat, W_KEYS);
    return 1;
  }

  /** JS path: h ← g_N(h, m) for the block in `js.m`. */
  private compressMessage(): void {
    const { h, n, m } = this.js!;
    if (this.keysFresh) {
      this.keysFresh = false;
      compressWithKeys(h, this.keys, m);
    } else compressAny(h, n, m);
  }
}

/** Streebog-256 of `data` (digest in memory byte order). */
export function streebog256(data: Uint8Array): Uint8Array {
  return new Streebog(256).update(data).digest();
}

/** Streebog-512 of `data` (digest in memory byte order). */
export function streebog512(data: Uint8Array): Uint8Array {
  return new Streebog(512).update(data).digest();
}
