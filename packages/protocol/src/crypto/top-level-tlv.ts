// Top-level element surgery for the emulated fiscal signs: the ФПД (1077)
// sits inside the document it signs and the ФПО (1078) inside the
// confirmation it signs, so each sign covers its document with that one
// element removed and the document's length field reduced to match.
// TLV layout: tag u16 LE, length u16 LE, value (protocol.md §2.1).
import { ProtocolError } from '../errors.js';

export interface WithoutTag {
  /** The document without the element, as zero-copy pieces (a new 4-byte header first). */
  parts: Uint8Array[];
  /** The removed element's value, if the document had one. */
  value: Uint8Array | undefined;
}

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

/** Splits `tag` (first top-level occurrence) out of a document TLV. */
export function withoutTopLevelTag(documentTlv: Uint8Array, tag: number): WithoutTag {
  if (documentTlv.length < 4) {
    throw new ProtocolError('TRUNCATED', 'document TLV shorter than its 4-byte header', documentTlv.length);
  }
  const length = u16(documentTlv, 2);
  if (4 + length !== documentTlv.length) {
    throw new ProtocolError(
      'LENGTH_OUT_OF_BOUNDS',
      `document TLV length ${length} does not match the ${documentTlv.length - 4} bytes given`,
      2,
    );
  }
  let at = 4;
  while (at < documentTlv.length) {
    if (at + 4 > documentTlv.length) throw new ProtocolError('TRUNCATED', 'element header cut short', at);
    const childTag = u16(documentTlv, at);
    const childLength = u16(documentTlv, at + 2);
    const next = at + 4 + childLength;
    if (next > documentTlv.length) {
      throw new ProtocolError('LENGTH_OUT_OF_BOUNDS', `element ${childTag} runs past the document`, at + 2, [
        childTag,
      ]);
    }
    if (childTag === tag) {
      const header = new Uint8Array(4);
      header.set(documentTlv.subarray(0, 2));
      const reduced = length - 4 - childLength;
      header[2] = reduced & 255;
      header[3] = reduced >>> 8;
      return {
        parts: [header, documentTlv.subarray(4, at), documentTlv.subarray(next)],
        value: documentTlv.subarray(at + 4, next),
      };
    }
    at = next;
  }
  return { parts: [documentTlv], value: undefined };
}

/** The document with one more top-level element appended (its length field updated). */
export function appendTopLevelTlv(documentTlv: Uint8Array, tag: number, value: Uint8Array): Uint8Array {
  if (documentTlv.length < 4 || u16(documentTlv, 2) + 4 !== documentTlv.length) {
    throw new ProtocolError('LENGTH_OUT_OF_BOUNDS', 'not a single document TLV', 0);
  }
  const length = u16(documentTlv, 2) + 4 + value.length;
  if (length > 0xffff) throw new ProtocolError('VALUE_TOO_LONG', 'document would exceed 65535 bytes', 2);
  const out = new Uint8Array(documentTlv.length + 4 + value.length);
  out.set(documentTlv);
  out[2] = length & 255;
  out[3] = length >>> 8;
  const at = documentTlv.length;
  out[at] = tag & 255;
  out[at + 1] = tag >>> 8;
  out[at + 2] = value.length & 255;
  out[at + 3] = value.length >>> 8;
  out.set(value, at + 4);
  return out;
}
