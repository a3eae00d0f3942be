import type { Readable } from 'node:stream';
import { decodeDocumentTags, FrameDecoder, splitDocument, type WireMessage } from '@openofd/protocol';

export interface Reply {
  fd: number;
  fn: string;
  /** 1022 (ФФД 1.05) or 14 when 1206 has the ФЛК bit (1.1/1.2), else 0. */
  code: number;
  /** ФПО bytes present. */
  fpo: boolean;
  message: WireMessage;
}

/** Reads confirmation frames from the gateway's side of a connection. */
export class ReplyReader {
  readonly replies: Reply[] = [];
  ended = false;
  readonly #decoder = new FrameDecoder();
  readonly #waiters: (() => void)[] = [];

  constructor(stream: Readable) {
    stream.on('data', (chunk: Buffer) => {
      for (const m of this.#decoder.push(chunk)) this.replies.push(toReply(m));
      this.#wake();
    });
    stream.on('end', () => {
      this.ended = true;
      this.#wake();
    });
    stream.on('close', () => {
      this.ended = true;
      this.#wake();
    });
  }

  /** Waits until `n` replies arrived (or the stream ended). */
  async waitFor(n: number, timeoutMs = 5000): Promise<Reply[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.replies.length < n && !this.ended) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${n} replies (${this.replies.length})`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.replies;
  }

  async waitEnd(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the connection to close');
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  #wake(): void {
    for (const w of this.#waiters.splice(0)) w();
  }
}

export function toReply(m: WireMessage): Reply {
  const { document } = splitDocument(m.body);
  const ack = decodeDocumentTags(document)['7'] as Record<string, unknown>;
  const inner = ack['1068'] as Record<string, unknown> | undefined;
  const flags = typeof ack['1206'] === 'number' ? (ack['1206'] as number) : 0;
  const code = inner ? Number(inner['1022']) : flags & 2 ? 14 : 0;
  return { fd: m.container.fdNumber, fn: m.container.fnNumber, code, fpo: '1078' in ack, message: m };
}
