/**
 * TLV cursor (protocol.md §2.1): tag u16 LE, length u16 LE, then `length`
 * value bytes. Children of an STLV come in any order; the cursor only walks.
 */
import { ProtocolError } from '../errors.js';

export interface Tlv {
  tag: number;
  /** Offset of the tag's first byte. */
  offset: number;
  /** Value range [start, end). */
  start: number;
  end: number;
}

export class TlvReader {
  tag = 0;
  offset = 0;
  start = 0;
  end = 0;
  private pos: number;

  /** Walks the TLVs in `bytes[from, to)`; `path` names the enclosing tags in errors. */
  constructor(
    private readonly bytes: Uint8Array,
    from = 0,
    private readonly to = bytes.length,
    private readonly path: readonly number[] = [],
  ) {
    this.pos = from;
  }

  /** Advances to the next element; false at the end of the range. */
  next(): boolean {
    const p = this.pos;
    if (p >= this.to) return false;
    const b = this.bytes;
    if (p + 4 > this.to) {
      throw new ProtocolError('TRUNCATED', `TLV header needs 4 bytes, ${this.to - p} left`, p, this.path);
    }
    const tag = (b[p] as number) | ((b[p + 1] as number) << 8);
    const len = (b[p + 2] as number) | ((b[p + 3] as number) << 8);
    if (p + 4 + len > this.to) {
      throw new ProtocolError(
        'LENGTH_OUT_OF_BOUNDS',
        `tag ${tag} length ${len} runs ${p + 4 + len - this.to} byte(s) past the end`,
        p,
        [...this.path, tag],
      );
    }
    this.tag = tag;
    this.offset = p;
    this.start = p + 4;
    this.end = p + 4 + len;
    this.pos = this.end;
    return true;
  }
}

/** All TLVs of `bytes[from, to)`, in order. */
export function readTlvs(bytes: Uint8Array, from = 0, to = bytes.length): Tlv[] {
  const r = new TlvReader(bytes, from, to);
  const out: Tlv[] = [];
  while (r.next()) out.push({ tag: r.tag, offset: r.offset, start: r.start, end: r.end });
  return out;
}
