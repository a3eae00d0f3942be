import { connect, type Socket } from 'node:net';
import { FrameDecoder } from '@openofd/protocol';
import { buildMessage } from './messages.js';
import { toReply } from './replies.js';

export interface RegisterClientOptions {
  host?: string;
  port: number;
  fn: string;
  masterKey?: string;
  /** Messages sent ahead of their confirmations. */
  window?: number;
  /** Wait this long for a reply before giving up on the connection. */
  replyTimeoutMs?: number;
}

/**
 * A test register: numbers documents 1, 2, 3 … and keeps them in an
 * unconfirmed queue like a real ФН, resending the queue on every new
 * connection until each is confirmed.
 */
export class RegisterClient {
  readonly confirmed = new Set<number>();
  readonly unconfirmed: number[] = [];
  resent = 0;
  connectionsOpened = 0;
  readonly #options: RegisterClientOptions;
  readonly #messages = new Map<number, Uint8Array>();
  readonly #everSent = new Set<number>();
  #nextFd = 1;
  #socket: Socket | undefined;
  #sent = 0; // how many of the queue's head went out on the current connection
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;

  constructor(options: RegisterClientOptions) {
    this.#options = options;
  }

  /** Queues `n` new documents. */
  produce(n: number): void {
    for (let i = 0; i < n; i++) {
      const fd = this.#nextFd++;
      this.#messages.set(
        fd,
        buildMessage({
          fn: this.#options.fn,
          fd,
          ...(this.#options.masterKey !== undefined ? { masterKey: this.#options.masterKey } : {}),
        }),
      );
      this.unconfirmed.push(fd);
    }
    this.#pump();
  }

  start(): void {
    this.#running = true;
    this.#loop = this.#run();
  }

  /** Resolves once every queued document is confirmed (or rejects after `timeoutMs`). */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.unconfirmed.length > 0) {
      if (Date.now() > deadline) {
        throw new Error(`${this.#options.fn}: ${this.unconfirmed.length} documents still unconfirmed`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#socket?.destroy();
    this.#wake?.();
    await this.#loop;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      try {
        await this.#session();
      } catch {
        // Connection refused or lost: the ФН keeps its queue and tries again.
      }
      if (this.#running) await new Promise((r) => setTimeout(r, 30));
    }
  }

  #session(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const socket = connect({ host: this.#options.host ?? '127.0.0.1', port: this.#options.port });
      socket.setNoDelay(true);
      const decoder = new FrameDecoder();
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => socket.destroy(new Error('no reply')), this.#options.replyTimeoutMs ?? 5000);
      };
      socket.once('connect', () => {
        this.connectionsOpened++;
        this.#socket = socket;
        this.#sent = 0;
        this.#pump();
        arm();
      });
      socket.on('data', (chunk: Buffer) => {
        arm();
        for (const m of decoder.push(chunk)) {
          const reply = toReply(m);
          // Replies come in order for the head of the queue.
          if (reply.fd === this.unconfirmed[0] && reply.code === 0) {
            this.unconfirmed.shift();
            this.confirmed.add(reply.fd);
            this.#messages.delete(reply.fd);
            this.#sent--;
          }
        }
        this.#pump();
      });
      socket.on('error', () => {});
      socket.on('close', () => {
        clearTimeout(timer);
        this.#socket = undefined;
        if (this.#running) reject(new Error('closed'));
        else resolve();
      });
      this.#wake = () => socket.destroy();
    });
  }

  #pump(): void {
    const socket = this.#socket;
    if (!socket || socket.destroyed) return;
    const window = this.#options.window ?? 4;
    while (this.#sent < Math.min(window, this.unconfirmed.length)) {
      const fd = this.unconfirmed[this.#sent]!;
      if (this.#everSent.has(fd)) this.resent++;
      this.#everSent.add(fd);
      socket.write(this.#messages.get(fd)!);
      this.#sent++;
    }
  }
}
