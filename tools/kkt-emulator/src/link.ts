// One TCP connection to the operator carrying the messages of one or more
// registers. Each register has at most one message in flight — its drive's
// oldest unconfirmed document — and sends the next only once that one is
// confirmed. A lost connection, an undecodable reply or a reply timeout
// closes the socket; after a backoff the link reconnects and every register
// sends its oldest unconfirmed document again (protocol.md §1.7).
import { createConnection, type Socket } from 'node:net';
import { FrameDecoder, type WireMessage } from '@openofd/protocol';
import type { EmulatedRegister } from './register.js';
import type { RunStats } from './stats.js';

export interface LinkOptions {
  host: string;
  port: number;
  /** A sent message not confirmed within this many ms counts as lost (default 10 s). */
  ackTimeoutMs: number;
  stats: RunStats;
  /** Called after a register's document is confirmed or rejected (the fleet may produce the next). */
  onDelivered: (register: EmulatedRegister) => void;
}

const MIN_BACKOFF_MS = 50;
const MAX_BACKOFF_MS = 5_000;
const UNSIGNED_RETRY_MS = 1_000;

export class Link {
  private socket: Socket | undefined;
  private open = false;
  private stopped = false;
  private backoff = MIN_BACKOFF_MS;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private decoder = new FrameDecoder();
  private readonly byFn = new Map<string, EmulatedRegister>();
  /** fnNumber → send time (performance.now()) of the message in flight. */
  private readonly inFlight = new Map<string, number>();

  constructor(
    readonly registers: readonly EmulatedRegister[],
    private readonly options: LinkOptions,
  ) {
    for (const r of registers) this.byFn.set(r.profile.fnNumber, r);
  }

  get connected(): boolean {
    return this.open;
  }

  connect(): void {
    if (this.stopped || this.socket) return;
    const socket = createConnection({ host: this.options.host, port: this.options.port });
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('connect', () => {
      this.open = true;
      this.backoff = MIN_BACKOFF_MS;
      this.decoder = new FrameDecoder();
      for (const r of this.registers) this.pump(r);
    });
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => {
      // 'close' follows; counted there.
    });
    socket.on('close', () => this.closed());
  }

  /** Sends the register's oldest unconfirmed document if it has nothing in flight. */
  pump(register: EmulatedRegister): void {
    if (!this.open || this.stopped) return;
    const fn = register.profile.fnNumber;
    if (this.inFlight.has(fn)) return;
    const pending = register.drive.oldest();
    if (!pending || pending.fdNumber > register.releasedThrough) return;
    const stats = this.options.stats;
    pending.attempts++;
    if (pending.attempts > 1) stats.retransmitted++;
    stats.sent++;
    const now = performance.now();
    stats.firstSendAt ??= now;
    this.inFlight.set(fn, now);
    this.socket!.write(pending.message);
  }

  /** Closes the connection if a message has waited longer than the timeout. */
  checkTimeouts(now: number): void {
    if (!this.open) return;
    for (const sentAt of this.inFlight.values()) {
      if (sentAt !== Number.POSITIVE_INFINITY && now - sentAt > this.options.ackTimeoutMs) {
        this.options.stats.errors++;
        this.socket?.destroy();
        return;
      }
    }
  }

  get waiting(): number {
    return this.inFlight.size;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.socket?.destroy();
  }

  private receive(chunk: Buffer): void {
    let replies: WireMessage[];
    try {
      replies = this.decoder.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
    } catch {
      this.options.stats.errors++;
      this.socket?.destroy();
      return;
    }
    // Replies for several registers often arrive together: their next messages leave in one write.
    const socket = this.socket;
    socket?.cork();
    for (const reply of replies) this.handle(reply);
    socket?.uncork();
  }

  private handle(reply: WireMessage): void {
    const stats = this.options.stats;
    const register = this.byFn.get(reply.container.fnNumber);
    if (!register) {
      stats.errors++;
      return;
    }
    const outcome = register.drive.acknowledge(reply);
    const fn = register.profile.fnNumber;
    if (outcome === 'stale') {
      stats.duplicateConfirmations++;
      return;
    }
    if (outcome === 'unsigned' || outcome === 'foreign') {
      // A real drive refuses such a receipt; the register sends the document again a little later.
      stats.errors++;
      this.inFlight.set(fn, Number.POSITIVE_INFINITY);
      setTimeout(() => {
        if (this.inFlight.get(fn) !== Number.POSITIVE_INFINITY) return;
        this.inFlight.delete(fn);
        this.pump(register);
      }, UNSIGNED_RETRY_MS).unref();
      return;
    }
    const now = performance.now();
    const sentAt = this.inFlight.get(fn);
    if (sentAt !== undefined) stats.latency(now - sentAt);
    stats.lastAckAt = now;
    if (outcome === 'confirmed') stats.confirmed++;
    else stats.rejected++;
    this.inFlight.delete(fn);
    this.options.onDelivered(register);
    this.pump(register);
  }

  private closed(): void {
    const wasOpen = this.open;
    this.open = false;
    this.socket = undefined;
    this.inFlight.clear();
    if (this.stopped) return;
    if (!wasOpen || this.registers.some((r) => r.drive.unconfirmed > 0)) this.options.stats.errors++;
    const delay = this.backoff * (0.5 + Math.random());
    this.backoff = Math.min(MAX_BACKOFF_MS, this.backoff * 2);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect();
    }, delay);
  }
}
