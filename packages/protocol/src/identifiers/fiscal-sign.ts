// Printed ФПД (protocol.md §3.6): tag 1077 holds 6 raw bytes; receipts, the QR
// `fp=` and OFD JSON `fiscalSign` show the big-endian uint32 of bytes [2..6).
import { ProtocolError } from '../errors.js';

export function printedFiscalSign(raw: Uint8Array): number {
  // 4 bytes are accepted as already-printed form ([C] accepts 4-byte values).
  if (raw.length !== 6 && raw.length !== 4) {
    throw new ProtocolError('BAD_FIELD', `fiscal sign (1077) must be 6 bytes, got ${raw.length}`, 0, [1077]);
  }
  const b = raw.subarray(raw.length - 4);
  return ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
}
