/**
 * TLV writer (protocol.md §2.1) over a growable buffer. STLVs are written
 * in place: `begin` reserves the header, `end` patches the length.
 */
import { ProtocolError } from '../errors.js';

export class TlvWriter {
  private buf: Uint8Array;
  private len = 0;

  constructor(initialSize = 512) {
    this.buf = new Uint8Array(initialSize);
  }

  get length(): number {
    return this.len;
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  private header(tag: number, length: number): void {
    if (!Number.isInteger(tag) || tag < 0 || tag > 0xffff) {
      throw new ProtocolError('BAD_VALUE', `tag ${tag} is not a u16`, this.len);
    }
    if (length > 0xffff) {
      throw new ProtocolError(
        'VALUE_TOO_LONG',
        `tag ${tag} value of ${length} bytes exceeds 65535`,
        this.len,
      );
    }
    this.reserve(4);
    const b = this.buf;
    const p = this.len;
    b[p] = tag & 0xff;
    b[p + 1] = tag >> 8;
    b[p + 2] = length & 0xff;
    b[p + 3] = length >> 8;
    this.len = p + 4;
  }

  /** One TLV with the given value bytes. */
  tlv(tag: number, value: Uint8Array): this {
    this.header(tag, value.length);
    this.reserve(value.length);
    this.buf.set(value, this.len);
    this.len += value.length;
    return this;
  }

  /** Opens an STLV; returns the mark to pass to `end`. */
  begin(tag: number): number {
    const mark = this.len;
    this.header(tag, 0);
    return mark;
  }

  /** Closes the STLV opened at `mark`; returns its value length. */
  end(mark: number): number {
    const length = this.len - mark - 4;
    const tag = (this.buf[mark] as number) | ((this.buf[mark + 1] as number) << 8);
    if (length > 0xffff) {
      throw new ProtocolError('VALUE_TOO_LONG', `tag ${tag} value of ${length} bytes exceeds 65535`, mark);
    }
    this.buf[mark + 2] = length & 0xff;
    this.buf[mark + 3] = length >> 8;
    return length;
  }

  /** A copy of the bytes written so far. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
