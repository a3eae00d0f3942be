// Incremental decoder of the KKT→OFD TCP stream (protocol.md §1.2, §1.7).
// Takes chunks split anywhere, yields whole messages. Memory is bounded by one
// message (≤ 30 + 32 KiB): an oversized length is rejected as soon as the
// 30-byte header is complete, a wrong signature byte as soon as it arrives.
import { ProtocolError } from '../errors.js';
import { takeBytes } from './bytes.js';
import { checkBodyLength, decodeMessage, type WireMessage } from './message.js';
import { checkSessionPrefix, decodeSessionHeader, SESSION_HEADER_SIZE } from './session-header.js';

export class FrameDecoder {
  #header = new Uint8Array(SESSION_HEADER_SIZE);
  #message: Uint8Array | null = null; // allocated once the header gives the size
  #filled = 0; // bytes of the current message received so far
  #offset = 0; // stream offset of the current message's first byte
  #failure: ProtocolError | null = null;

  /** Bytes held for the message in progress. */
  get buffered(): number {
    return this.#filled;
  }

  /**
   * Feeds one chunk; returns every message it completes. Throws a
   * ProtocolError (offset = position in the stream) on the first bad frame;
   * the stream cannot be resynchronised, so every later call throws it again.
   */
  push(chunk: Uint8Array): WireMessage[] {
    const { messages, error } = this.pushSettled(chunk);
    if (error) throw error;
    return messages;
  }

  /**
   * Like `push`, but a bad frame does not take the whole messages before it
   * in the same chunk down with it: they come back beside the error. They
   * were whole and sound, so the caller may still answer them before it closes
   * the stream (§1.7), sparing the register a resend.
   */
  pushSettled(chunk: Uint8Array): { messages: WireMessage[]; error?: ProtocolError } {
    const messages: WireMessage[] = [];
    if (this.#failure) return { messages, error: this.#failure };
    try {
      this.#consume(chunk, messages);
      return { messages };
    } catch (e) {
      if (!(e instanceof ProtocolError)) throw e;
      this.#failure = e;
      return { messages, error: e };
    }
  }

  /** Call at end of stream: throws TRUNCATED if a message was cut off. */
  end(): void {
    if (this.#failure) throw this.#failure;
    if (this.#filled > 0) {
      this.#failure = new ProtocolError(
        'TRUNCATED',
        `stream ended inside a message after ${this.#filled} bytes`,
        this.#offset + this.#filled,
      );
      throw this.#failure;
    }
  }

  #consume(chunk: Uint8Array, out: WireMessage[]): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.#message === null && this.#filled === 0 && chunk.length - pos >= SESSION_HEADER_SIZE) {
        // The usual case: the header (often the whole message) is in this chunk; no copy of it.
        const head = chunk.subarray(pos, pos + SESSION_HEADER_SIZE);
        const session = decodeSessionHeader(head, this.#offset);
        checkBodyLength(session, this.#offset);
        const total = SESSION_HEADER_SIZE + session.bodyLength;
        if (chunk.length - pos >= total) {
          // Whole: short-lived (handled, stored, dropped), so from the shared slab.
          const message = takeBytes(total);
          message.set(pos === 0 && chunk.length === total ? chunk : chunk.subarray(pos, pos + total));
          out.push(decodeMessage(message, this.#offset, session));
          this.#offset += total;
          pos += total;
          continue;
        }
        this.#header.set(head);
        this.#message = new Uint8Array(total);
        this.#message.set(head, 0);
        this.#filled = SESSION_HEADER_SIZE;
        pos += SESSION_HEADER_SIZE;
      }
      if (this.#message === null) {
        const take = Math.min(SESSION_HEADER_SIZE - this.#filled, chunk.length - pos);
        this.#header.set(chunk.subarray(pos, pos + take), this.#filled);
        checkSessionPrefix(this.#header, this.#filled, this.#filled + take, this.#offset);
        this.#filled += take;
        pos += take;
        if (this.#filled < SESSION_HEADER_SIZE) break;
        const session = decodeSessionHeader(this.#header, this.#offset);
        checkBodyLength(session, this.#offset);
        this.#message = new Uint8Array(SESSION_HEADER_SIZE + session.bodyLength);
        this.#message.set(this.#header, 0);
      }
      const message = this.#message;
      const take = Math.min(message.length - this.#filled, chunk.length - pos);
      message.set(chunk.subarray(pos, pos + take), this.#filled);
      this.#filled += take;
      pos += take;
      if (this.#filled < message.length) break;
      out.push(decodeMessage(message, this.#offset));
      this.#offset += message.length;
      this.#message = null;
      this.#filled = 0;
    }
  }
}
