// CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, xorout 0.
// Used for the container CRC (protocol.md §1.3) and the RNM check value (§3.1).
// Check value: crc16CcittFalse(ascii("123456789")) = 0x29B1.

const TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n << 8;
    for (let bit = 0; bit < 8; bit++) c = c & 0x8000 ? (c << 1) ^ 0x1021 : c << 1;
    table[n] = c & 0xffff;
  }
  return table;
}

/**
 * CRC of `bytes`; pass the previous result as `init` to continue over a
 * second range (the container CRC skips the header's own CRC field).
 */
export function crc16CcittFalse(bytes: Uint8Array, init = 0xffff): number {
  let crc = init & 0xffff;
  for (let i = 0; i < bytes.length; i++) {
    crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >>> 8) ^ bytes[i]!) & 0xff]!;
  }
  return crc;
}

// Slicing by 4: T2..T4[x] are the state after byte x followed by 1..3 zero
// bytes, so four bytes take four independent lookups (the CRC is linear:
// the state's two bytes XOR into the first two message bytes) instead of a
// chain of four dependent ones. The container CRC covers every message.
const T2 = new Uint16Array(256);
const T3 = new Uint16Array(256);
const T4 = new Uint16Array(256);
for (let x = 0; x < 256; x++) {
  const zero = (c: number) => ((c << 8) & 0xffff) ^ TABLE[c >>> 8]!;
  T2[x] = zero(TABLE[x]!);
  T3[x] = zero(T2[x]!);
  T4[x] = zero(T3[x]!);
}

/** CRC of `bytes[from..to)` continuing from `init`, without a subarray. */
export function crc16Range(bytes: Uint8Array, from: number, to: number, init = 0xffff): number {
  let crc = init & 0xffff;
  let i = from;
  for (const last = to - 3; i < last; i += 4) {
    crc =
      T4[(crc >>> 8) ^ bytes[i]!]! ^
      T3[(crc & 0xff) ^ bytes[i + 1]!]! ^
      T2[bytes[i + 2]!]! ^
      TABLE[bytes[i + 3]!]!;
  }
  for (; i < to; i++) {
    crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >>> 8) ^ bytes[i]!) & 0xff]!;
  }
  return crc;
}
