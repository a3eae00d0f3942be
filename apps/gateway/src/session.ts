import type { Duplex } from 'node:stream';
import { FrameDecoder, ProtocolError, type WireMessage } from '@openofd/protocol';
import type { Logger } from 'pino';
import type { MessageHandler, MessageOutcome } from './handle-message.js';
import type { GatewayMetrics, RejectReason } from './metrics.js';

export interface SessionLimits {
  /** Close a connection that sends nothing and waits for nothing this long. */
  idleTimeoutMs: number;
  /** Slow-loris guard: a message must be whole this long after its first byte. */
  messageTimeoutMs: number;
  /** Messages of one connection in flight before reading pauses (backpressure). */
  maxPending: number;
}

/** Process-wide brake: while saturated, sessions stop reading (the group committer's queue). */
export interface Backpressure {
  readonly saturated: boolean;
  whenRelieved(): Promise<void>;
}

export interface SessionOptions extends SessionLimits {
  handle: MessageHandler;
  backpressure?: Backpressure;
  logger: Logger;
  metrics: GatewayMetrics;
}

type State = 'open' | 'draining' | 'closed';

const LINGER_MS = 2000;

const FRAME_REASONS: Partial<Record<string, RejectReason>> = {
  BAD_SIGNATURE: 'bad_signature',
  BAD_VERSION: 'bad_version',
  BAD_CRC: 'bad_crc',
  FRAME_TOO_LARGE: 'frame_too_large',
  LENGTH_MISMATCH: 'length_mismatch',
  BAD_FIELD: 'bad_field',
  TRUNCATED: 'truncated',
};

/**
 * One register connection as a state machine over a duplex stream (no
 * sockets here; server.ts adapts node:net). Reads frames, hands each whole
 * message to the handler, writes confirmations in arrival order, and closes
 * on the first bad frame, a timeout, or a message refused without confirmation.
 *
 *   open ──bad frame / timeout / refusal / peer EOF / shutdown──▶ draining ──in-flight done──▶ closed
 */
export class Session {
  /** Settles when the connection is closed and no message of it is in flight. */
  readonly done: Promise<void>;
  readonly #stream: Duplex;
  readonly #options: SessionOptions;
  readonly #log: Logger;
  readonly #decoder = new FrameDecoder();
  #state: State = 'open';
  #pending = 0;
  #tail: Promise<void> = Promise.resolve();
  #refused = false;
  #throttled = false;
  #messageTimer: NodeJS.Timeout | undefined;
  #idleTimer: NodeJS.Timeout | undefined;
  #resolveDone!: () => void;

  constructor(stream: Duplex, options: SessionOptions) {
    this.#stream = stream;
    this.#options = options;
    this.#log = options.logger;
    this.done = new Promise((resolve) => {
      this.#resolveDone = resolve;
    });
    stream.on('data', (chunk: Buffer) => this.#onData(chunk));
    stream.on('end', () => this.#onEnd());
    stream.on('error', (err) => {
      this.#log.debug({ err: err.message }, 'connection error');
      this.#closeNow();
    });
    stream.on('close', () => this.#closeNow());
    this.#armIdle();
  }

  /** Graceful stop: read nothing more, confirm what is in flight, then close. */
  shutdown(): Promise<void> {
    this.#drain('shutdown');
    return this.done;
  }

  #onData(chunk: Buffer): void {
    if (this.#state !== 'open') return;
    const before = this.#decoder.buffered;
    let messages: WireMessage[];
    try {
      messages = this.#decoder.push(chunk);
    } catch (err) {
      this.#refuseFrame(err);
      return;
    }
    const receivedAt = new Date();
    for (const m of messages) this.#accept(m, receivedAt);
    const after = this.#decoder.buffered;
    if (after === 0) this.#clearMessageTimer();
    else if (before === 0 || messages.length > 0) this.#startMessageTimer();
    this.#armIdle();
  }

  #onEnd(): void {
    if (this.#state !== 'open') return;
    try {
      this.#decoder.end();
    } catch (err) {
      this.#refuseFrame(err);
      return;
    }
    this.#drain('peer closed');
  }

  #refuseFrame(err: unknown): void {
    if (err instanceof ProtocolError) {
      this.#reject(FRAME_REASONS[err.code] ?? 'malformed_frame', err.describe());
    } else {
      this.#reject('internal', (err as Error)?.stack ?? String(err));
    }
  }

  #accept(message: WireMessage, receivedAt: Date): void {
    const { metrics, handle, maxPending } = this.#options;
    metrics.received.inc();
    this.#pending++;
    if (this.#pending >= maxPending) this.#stream.pause();
    const outcome = handle(message, receivedAt);
    const brake = this.#options.backpressure;
    if (brake?.saturated && !this.#throttled) {
      this.#throttled = true;
      this.#stream.pause();
      void brake.whenRelieved().then(() => {
        this.#throttled = false;
        if (this.#state === 'open' && this.#pending < maxPending) this.#stream.resume();
      });
    }
    this.#tail = this.#tail.then(async () => {
      const result = await outcome.catch(
        (err: unknown): MessageOutcome => ({ kind: 'reject', reason: 'internal', detail: String(err) }),
      );
      this.#pending--;
      this.#deliver(result, receivedAt);
      if (this.#state === 'open' && this.#pending < maxPending && !this.#throttled) this.#stream.resume();
      if (this.#pending === 0) {
        if (this.#state === 'draining') this.#finish();
        else this.#armIdle();
      }
    });
  }

  #deliver(result: MessageOutcome, receivedAt: Date): void {
    const { metrics } = this.#options;
    if (result.kind === 'reject') {
      if (!this.#refused) this.#reject(result.reason, result.detail, true);
      return;
    }
    if (result.stored === 'stored') metrics.stored.inc();
    else if (result.stored === 'duplicate') metrics.duplicates.inc();
    // After a refusal nothing more is confirmed: the register resends in order.
    if (this.#refused || this.#state === 'closed') return;
    this.#stream.write(result.reply);
    metrics.answered.inc({ code: String(result.code) });
    metrics.confirmSeconds.observe((Date.now() - receivedAt.getTime()) / 1000);
    const fields = { fn: result.fnNumber, fd: result.fdNumber, code: result.code, stored: result.stored };
    if (result.code === 0) this.#log.debug(fields, 'confirmed');
    else this.#log.info({ ...fields, detail: result.detail }, 'answered with an error code');
  }

  /**
   * A specific, logged rejection; the connection closes once in-flight
   * messages settle. A refused message (`stopsConfirmations`) also stops every
   * confirmation after it, so the register resends from there in order; after
   * a bad frame the messages before it may still be confirmed.
   */
  #reject(reason: RejectReason, detail: string, stopsConfirmations = false): void {
    this.#options.metrics.reject(reason);
    this.#log.warn({ reason, detail }, 'rejected');
    if (stopsConfirmations) this.#refused = true;
    this.#drain(reason);
  }

  #drain(why: string): void {
    if (this.#state !== 'open') return;
    this.#state = 'draining';
    this.#clearMessageTimer();
    this.#clearIdle();
    this.#stream.pause();
    this.#log.debug({ why, pending: this.#pending }, 'closing');
    if (this.#pending === 0) this.#finish();
  }

  #finish(): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    // End our half and let the confirmations drain; a peer that never closes
    // its half is cut off after a short linger.
    this.#stream.end();
    const linger = setTimeout(() => this.#stream.destroy(), LINGER_MS);
    linger.unref();
    this.#stream.once('close', () => clearTimeout(linger));
    void this.#tail.then(() => this.#resolveDone());
  }

  #closeNow(): void {
    this.#clearMessageTimer();
    this.#clearIdle();
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#stream.destroy();
    void this.#tail.then(() => this.#resolveDone());
  }

  #startMessageTimer(): void {
    this.#clearMessageTimer();
    this.#messageTimer = setTimeout(() => {
      this.#messageTimer = undefined;
      if (this.#state !== 'open') return;
      this.#reject(
        'message_timeout',
        `message incomplete ${this.#options.messageTimeoutMs} ms after its first byte (${this.#decoder.buffered} bytes)`,
      );
    }, this.#options.messageTimeoutMs);
  }

  #clearMessageTimer(): void {
    if (this.#messageTimer !== undefined) clearTimeout(this.#messageTimer);
    this.#messageTimer = undefined;
  }

  #armIdle(): void {
    this.#clearIdle();
    if (this.#state !== 'open') return;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = undefined;
      // Waiting on our own commit, or inside a message (the message timer guards that), is not idle.
      if (this.#pending > 0 || this.#decoder.buffered > 0) this.#armIdle();
      else this.#drain('idle');
    }, this.#options.idleTimeoutMs);
  }

  #clearIdle(): void {
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }
}
