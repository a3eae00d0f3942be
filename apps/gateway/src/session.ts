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

interface InFlight {
  receivedAt: Date;
  /** Set when the handler settles; answers go out strictly in arrival order. */
  result: MessageOutcome | undefined;
}

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
  /** Messages handed to the handler and not yet answered, in arrival order. */
  readonly #inFlight: InFlight[] = [];
  #refused = false;
  #throttled = false;
  #messageTimer: NodeJS.Timeout | undefined;
  /**
   * One idle timer per connection, re-armed only when it fires: activity just
   * stamps #lastActive (a clearTimeout + setTimeout per message showed in the
   * profile at thousands of messages per second).
   */
  #idleTimer: NodeJS.Timeout | undefined;
  #lastActive = Date.now();
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
    let settled: { messages: WireMessage[]; error?: ProtocolError };
    try {
      settled = this.#decoder.pushSettled(chunk);
    } catch (err) {
      this.#refuseFrame(err);
      return;
    }
    const { messages, error } = settled;
    const now = Date.now();
    this.#lastActive = now;
    if (messages.length > 0) {
      const receivedAt = new Date(now);
      for (const m of messages) this.#accept(m, receivedAt);
    }
    // Whole messages ahead of a bad frame in the same chunk are still answered.
    if (error) {
      this.#refuseFrame(error);
      return;
    }
    const after = this.#decoder.buffered;
    if (after === 0) this.#clearMessageTimer();
    else if (before === 0 || messages.length > 0) this.#startMessageTimer();
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
    metrics.countReceived();
    const entry: InFlight = { receivedAt, result: undefined };
    this.#inFlight.push(entry);
    if (this.#inFlight.length >= maxPending) this.#stream.pause();
    handle(message, receivedAt).then(
      (result) => this.#settle(entry, result),
      (err: unknown) => this.#settle(entry, { kind: 'reject', reason: 'internal', detail: String(err) }),
    );
    const brake = this.#options.backpressure;
    if (brake?.saturated && !this.#throttled) {
      this.#throttled = true;
      this.#stream.pause();
      void brake.whenRelieved().then(() => {
        this.#throttled = false;
        if (this.#state === 'open' && this.#inFlight.length < maxPending) this.#stream.resume();
      });
    }
  }

  /** Records a handler's result and answers every message at the head that has one. */
  #settle(entry: InFlight, result: MessageOutcome): void {
    entry.result = result;
    const queue = this.#inFlight;
    if (queue[0] !== entry) return;
    while (queue.length > 0 && queue[0]!.result !== undefined) {
      const head = queue.shift()!;
      this.#deliver(head.result!, head.receivedAt);
    }
    if (this.#state === 'open' && queue.length < this.#options.maxPending && !this.#throttled) {
      this.#stream.resume();
    }
    if (queue.length === 0) {
      if (this.#state === 'draining') this.#finish();
      else if (this.#state === 'closed') this.#resolveDone();
      else this.#lastActive = Date.now();
    }
  }

  #deliver(result: MessageOutcome, receivedAt: Date): void {
    const { metrics } = this.#options;
    if (result.kind === 'reject') {
      if (!this.#refused) this.#reject(result.reason, result.detail, true);
      return;
    }
    metrics.countStored(result.stored);
    // After a refusal nothing more is confirmed: the register resends in order.
    if (this.#refused || this.#state === 'closed') return;
    this.#stream.write(result.reply);
    metrics.countAnswered(result.code, (Date.now() - receivedAt.getTime()) / 1000);
    if (result.code === 0) {
      // The fields object only when debug is on: this runs for every document.
      if (this.#log.isLevelEnabled('debug')) {
        this.#log.debug(
          { fn: result.fnNumber, fd: result.fdNumber, code: result.code, stored: result.stored },
          'confirmed',
        );
      }
    } else {
      this.#log.info(
        {
          fn: result.fnNumber,
          fd: result.fdNumber,
          code: result.code,
          stored: result.stored,
          detail: result.detail,
        },
        'answered with an error code',
      );
    }
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
    this.#log.debug({ why, pending: this.#inFlight.length }, 'closing');
    if (this.#inFlight.length === 0) this.#finish();
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
    this.#resolveDone();
  }

  #closeNow(): void {
    this.#clearMessageTimer();
    this.#clearIdle();
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#stream.destroy();
    // Still in flight: #settle resolves `done` once the last of them is answered (or dropped).
    if (this.#inFlight.length === 0) this.#resolveDone();
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

  #armIdle(delayMs = this.#options.idleTimeoutMs): void {
    this.#clearIdle();
    if (this.#state !== 'open') return;
    this.#idleTimer = setTimeout(() => this.#onIdleTimer(), delayMs);
  }

  #onIdleTimer(): void {
    this.#idleTimer = undefined;
    if (this.#state !== 'open') return;
    // Waiting on our own commit, or inside a message (the message timer guards that), is not idle.
    if (this.#inFlight.length > 0 || this.#decoder.buffered > 0) {
      this.#lastActive = Date.now();
      this.#armIdle();
      return;
    }
    const quietFor = Date.now() - this.#lastActive;
    if (quietFor >= this.#options.idleTimeoutMs) this.#drain('idle');
    else this.#armIdle(this.#options.idleTimeoutMs - quietFor);
  }

  #clearIdle(): void {
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }
}
