// HMAC-Streebog-256 (R 50.1.113-2016 §4.1.1, RFC 7836 §4.1.1): RFC 2104 HMAC
// over Streebog-256 with a 64-byte block.
import { Streebog } from './streebog.js';

const BLOCK = 64;

/**
 * The hasher every key's MAC runs in: `mac` is synchronous, so one serves all
 * keys, and a key holds only its two start states.
 */
const work = new Streebog(256);
const innerDigest = new Uint8Array(32);
/** Ints of one saved Streebog state (h ‖ N ‖ Σ). */
const STATE = 48;

/**
 * An HMAC key with its inner and outer states precomputed: each MAC costs the
 * message blocks plus three compressions for the outer hash, never the two
 * padded-key blocks again. A key is small, 384 bytes of state: a server keeps
 * one per fiscal drive (three subkeys each), up to 100 000 drives. Keeping a
 * hasher per state and the round keys of its first block (~1.7 kB per state)
 * had made a drive key ~24 kB; with thousands of drives in turn, copying
 * those from memory cost more than the key schedule they saved.
 */
export class HmacStreebog256 {
  /** Inner (ipad) state, then outer (opad) state. */
  private readonly starts = new Int32Array(2 * STATE);

  constructor(key: Uint8Array) {
    // A key longer than the block is hashed first (RFC 2104 §2).
    const k = key.length > BLOCK ? new Streebog(256).update(key).digest() : key;
    const pad = new Uint8Array(BLOCK);
    for (let i = 0; i < BLOCK; i++) pad[i] = (k[i] ?? 0) ^ 0x36;
    work.reset().update(pad).saveState(this.starts, 0);
    for (let i = 0; i < BLOCK; i++) pad[i] = (k[i] ?? 0) ^ 0x5c;
    work.reset().update(pad).saveState(this.starts, STATE);
  }

  /** HMAC of the concatenation of `parts` (32 bytes, into `out` if given). */
  mac(parts: Uint8Array | readonly Uint8Array[], out: Uint8Array = new Uint8Array(32)): Uint8Array {
    const inner = work.resumeFrom(this.starts, 0);
    if (parts instanceof Uint8Array) inner.update(parts);
    else for (const p of parts) inner.update(p);
    inner.digest(innerDigest);
    return work.resumeFrom(this.starts, STATE).update(innerDigest).digest(out);
  }
}

/** One-shot HMAC-Streebog-256(key, data). */
export function hmacStreebog256(key: Uint8Array, data: Uint8Array): Uint8Array {
  return new HmacStreebog256(key).mac(data);
}
