// HMAC-Streebog-256 (R 50.1.113-2016 §4.1.1, RFC 7836 §4.1.1): RFC 2104 HMAC
// over Streebog-256 with a 64-byte block.
import { Streebog } from './streebog.js';

const BLOCK = 64;

/**
 * An HMAC key with its inner and outer states precomputed: each MAC costs the
 * message blocks plus three compressions for the outer hash, never the two
 * padded-key blocks again, and the first block of each hash reuses round keys
 * computed once per key. Instances are reusable and cheap to keep per key.
 */
export class HmacStreebog256 {
  private readonly innerStart = new Streebog(256);
  private readonly outerStart = new Streebog(256);
  private readonly work = new Streebog(256);
  private readonly innerDigest = new Uint8Array(32);

  constructor(key: Uint8Array) {
    // A key longer than the block is hashed first (RFC 2104 §2).
    const k = key.length > BLOCK ? new Streebog(256).update(key).digest() : key;
    const pad = new Uint8Array(BLOCK);
    for (let i = 0; i < BLOCK; i++) pad[i] = (k[i] ?? 0) ^ 0x36;
    this.innerStart.update(pad).precomputeRoundKeys();
    for (let i = 0; i < BLOCK; i++) pad[i] = (k[i] ?? 0) ^ 0x5c;
    this.outerStart.update(pad).precomputeRoundKeys();
  }

  /** HMAC of the concatenation of `parts` (32 bytes, into `out` if given). */
  mac(parts: Uint8Array | readonly Uint8Array[], out: Uint8Array = new Uint8Array(32)): Uint8Array {
    const inner = this.work.copyFrom(this.innerStart);
    if (parts instanceof Uint8Array) inner.update(parts);
    else for (const p of parts) inner.update(p);
    inner.digest(this.innerDigest);
    return this.work.copyFrom(this.outerStart).update(this.innerDigest).digest(out);
  }
}

/** One-shot HMAC-Streebog-256(key, data). */
export function hmacStreebog256(key: Uint8Array, data: Uint8Array): Uint8Array {
  return new HmacStreebog256(key).mac(data);
}
