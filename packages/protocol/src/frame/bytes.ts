// Small byte helpers shared by the frame codecs (little-endian unless named).

export function u16le(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

export function putU16le(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
}

export function toHex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

/** Copies `src` into a fresh array of exactly `size` bytes (zero-filled when shorter). */
export function fixed(src: Uint8Array | undefined, size: number): Uint8Array {
  const out = new Uint8Array(size);
  if (src) out.set(src.subarray(0, size));
  return out;
}

const SLAB_BYTES = 64 * 1024;
/** Larger requests get arrays of their own. */
const SLAB_MAX_TAKE = 2048;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

/**
 * A zero-filled array of `length` bytes for a short-lived message or reply.
 * Small ones are views into a shared 64 KiB ArrayBuffer, never reused, so
 * the memory is freed once every view of a slab is gone: a `new Uint8Array`
 * over 64 bytes has a backing store of its own (malloc, external-memory
 * accounting, sweeping), ~0.35 µs against ~0.05 µs for a view. Only for
 * arrays that do not outlive their moment (one kept for long would pin its slab).
 */
export function takeBytes(length: number): Uint8Array {
  if (length > SLAB_MAX_TAKE) return new Uint8Array(length);
  if (slabUsed + length > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const bytes = new Uint8Array(slab, slabUsed, length);
  // Keep views 8-byte aligned (DataView/typed views over them stay cheap).
  slabUsed += (length + 7) & ~7;
  return bytes;
}
