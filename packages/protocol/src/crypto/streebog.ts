// GOST R 34.11-2012 "Streebog" hash (RFC 6986), 256- and 512-bit.
//
// Byte order: like OpenSSL/gost-engine and the RFC 7836 / R 50.1.113-2016
// HMAC vectors, a message is the byte string as it lies in memory, and the
// digest is returned in memory order. RFC 6986 prints both as big-endian
// numbers, i.e. byte-reversed (see streebog.test.ts).
//
// Speed: the compression runs in a small WebAssembly module generated at load
// time (streebog-wasm.ts) where the platform has WebAssembly (browsers, Node),
// else in JS (streebog-js.ts: int32 halves, folded LPS tables, no BigInt).
// Measured on Node 20 (2-core Xeon, per CPU second): WebAssembly ~100 MB/s;
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
import { loadStreebogWasm, WASM_LAYOUT } from './streebog-wasm.js';

// The WebAssembly compression (streebog-wasm.ts) when the platform has it:
// blocks are copied in and out of its memory around each call.
const WASM = loadStreebogWasm(TL, TH, C);
const W_H = WASM_LAYOUT.h / 4;
const W_N = WASM_LAYOUT.n / 4;
const W_M = WASM_LAYOUT.m / 4;
const W_KEYS = WASM_LAYOUT.keys / 4;

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
  WASM.compress();
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
export class Streebog {
  private readonly h: Block = new Int32Array(16);
  private readonly n: Block = new Int32Array(16);
  private readonly sigma: Block = new Int32Array(16);
  private readonly buf = new Uint8Array(64);
  private readonly m: Block = new Int32Array(16);
  private bufLen = 0;
  /** Round keys for the next block, valid while `keysFresh` (see precomputeRoundKeys). */
  private keys: RoundKeys = { flat: new Int32Array(0), blocks: [] };
  private keysFresh = false;

  constructor(readonly outputBits: 256 | 512 = 256) {
    this.reset();
  }

  /** Back to the initial vector (RFC 6986 §5.1: 0x01 bytes for 256, zeros for 512). */
  reset(): this {
    this.h.fill(this.outputBits === 256 ? 0x01010101 : 0);
    this.n.fill(0);
    this.sigma.fill(0);
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
    this.keys = keySchedule(this.h, this.n);
    this.keysFresh = true;
    return this;
  }

  copyFrom(other: Streebog): this {
    this.h.set(other.h);
    this.n.set(other.n);
    this.sigma.set(other.sigma);
    this.buf.set(other.buf);
    this.bufLen = other.bufLen;
    this.keys = other.keys;
    this.keysFresh = other.keysFresh;
    return this;
  }

  update(data: Uint8Array, start = 0, end = data.length): this {
    let pos = start;
    if (this.bufLen > 0) {
      const take = Math.min(64 - this.bufLen, end - pos);
      this.buf.set(data.subarray(pos, pos + take), this.bufLen);
      this.bufLen += take;
      pos += take;
      if (this.bufLen < 64) return this;
      loadBlock(this.buf, 0, this.m);
      this.absorb();
      this.bufLen = 0;
    }
    while (end - pos >= 64) {
      loadBlock(data, pos, this.m);
      this.absorb();
      pos += 64;
    }
    if (pos < end) {
      this.buf.set(data.subarray(pos, end), 0);
      this.bufLen = end - pos;
    }
    return this;
  }

  /** Finishes the hash (RFC 6986 §8.2–8.3) into `out` (32 or 64 bytes) and returns it. */
  digest(out: Uint8Array = new Uint8Array(this.outputBits / 8)): Uint8Array {
    const r = this.bufLen;
    this.buf.fill(0, r);
    this.buf[r] = 1;
    loadBlock(this.buf, 0, this.m);
    this.compressMessage();
    addBits(this.n, 8 * r);
    add512(this.sigma, this.m);
    compressAny(this.h, ZERO, this.n);
    compressAny(this.h, ZERO, this.sigma);
    // The 256-bit hash is the most significant half: memory bytes 32..63.
    const first = this.outputBits === 256 ? 8 : 0;
    for (let i = first; i < 16; i++) {
      const w = this.h[i]!;
      const o = 4 * (i - first);
      out[o] = w & 255;
      out[o + 1] = (w >>> 8) & 255;
      out[o + 2] = (w >>> 16) & 255;
      out[o + 3] = (w >>> 24) & 255;
    }
    return out;
  }

  private absorb(): void {
    this.compressMessage();
    addBits(this.n, 512);
    add512(this.sigma, this.m);
  }

  private compressMessage(): void {
    if (this.keysFresh) {
      this.keysFresh = false;
      compressWithKeys(this.h, this.keys, this.m);
    } else compressAny(this.h, this.n, this.m);
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
