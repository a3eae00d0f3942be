/**
 * The one error type of the codec. `code` is stable and machine-readable,
 * `offset` is the byte offset in the input where the problem was found, and
 * `path` is the chain of TLV tags leading to it (outermost first).
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
    readonly offset: number = 0,
    readonly path: readonly number[] = [],
  ) {
    super(message);
  }

  /** One line for logs and the CLI: code, offset, tag path and message. */
  describe(): string {
    const at = this.path.length > 0 ? ` tag ${this.path.join('/')}` : '';
    return `${this.code} at offset ${this.offset}${at}: ${this.message}`;
  }
}

export type ProtocolErrorCode =
  | 'TRUNCATED' // input ends before a header or value is complete
  | 'LENGTH_OUT_OF_BOUNDS' // a length field points past the enclosing data
  | 'VALUE_TOO_LONG' // value longer than the tag's maximum or fixed width
  | 'BAD_VALUE' // value bytes do not fit the tag's kind (e.g. u32 not 4 bytes)
  | 'UNKNOWN_TAG' // tag number not in the registry (where strictness is requested)
  | 'UNKNOWN_DOCUMENT' // form code not a known document
  | 'NESTING_TOO_DEEP' // STLV nested deeper than the codec allows
  | 'FRAME_TOO_LARGE' // container over 32 KiB (protocol.md §1.2)
  | 'BAD_SIGNATURE' // session header signature is not 2A 08 41 0A
  | 'BAD_VERSION' // unsupported session/container protocol version
  | 'BAD_CRC' // container CRC-16/CCITT-FALSE mismatch
  | 'LENGTH_MISMATCH' // session body length and container length disagree
  | 'BAD_FIELD' // a header or identifier field is malformed (FN digits, BCD …)
  | 'BAD_JSON'; // JSON given to the encoder does not fit the document model
