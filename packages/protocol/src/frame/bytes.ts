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
