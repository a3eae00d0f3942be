// One TCP connection to the operator carrying the messages of one or more
// registers. Each register has at most one message in flight — its drive's
// oldest unconfirmed document — and sends the next only once that one is
// confirmed. A lost connection, an undecodable reply or a reply timeout
// closes the socket; after a backoff the link reconnects and every register
// sends its oldest unconfirmed document again (protocol.md §1.7).
//
// This is the emulator's hot path (one write and one read per document), so
// replies are read with `onread` into one buffer shared by every link (the
// callback consumes it synchronously; only a reply cut between two reads is
// copied), framed and checked in place (the checks of FrameDecoder and
// decodeMessage: signature, versions, lengths, container CRC, message type),
// and matched to their register by the FN bytes, without a string or an
// object per reply. Timeouts are one sweep of the fleet's timer, not a timer
// per message.
import { createConnection, type Socket, type TcpNetConnectOpts } from 'node:net';
import {
  CONTAINER_HEADER_SIZE,
  crc16CcittFalse,
  MAX_CONTAINER_SIZE,
  SESSION_HEADER_SIZE,
} from '@openofd/protocol';
import type { ConnectRamp } from './connect-ramp.js';
import type { EmulatedRegister } from './register.js';
import type { RunStats } from './stats.js';

/** Opens a socket; the fleet's default is `net.createConnection` (tests watch connects through it). */
export type OpenSocket = (options: TcpNetConnectOpts) => Socket;

export interface LinkOptions {
  host: string;
  port: number;
  /** A sent message not confirmed within this many ms counts as lost (default 10 s). */
  ackTimeoutMs: number;
  stats: RunStats;
  /** Called after a register's document is confirmed or rejected (the fleet may produce the next). */
  onDelivered: (register: EmulatedRegister) => void;
  /** Called each time the connection is established. */
  onConnected?: (link: Link) => void;
  /** Shared bound on connects in progress; none when absent. */
  ramp?: ConnectRamp;
  /** Connect but send nothing until `release()` (the fleet starts sending once all are connected). */
  held?: boolean;
  openSocket?: OpenSocket;
}

const MIN_BACKOFF_MS = 50;
const MAX_BACKOFF_MS = 5_000;
const UNSIGNED_RETRY_MS = 1_000;
/** Session header: signature `2A 08 41 0A`, S-version `81 A2` (protocol.md §1.2). */
const SESSION_PREFIX = [0x2a, 0x08, 0x41, 0x0a, 0x81, 0xa2] as const;
const CONTAINER_MESSAGE_TYPE = 0xa5;
const CONTAINER_VERSION = 1;
/** Offset of the 8 BCD bytes of the FN number in the container header (§1.3). */
const CONTAINER_FN = 9;

/**
 * Filled by every socket's reads in turn; each read is consumed before the
 * next. A plain Uint8Array: its subarrays are cheaper than a Buffer's.
 */
const READ_BUFFER = new Uint8Array(64 * 1024);

/** `sentAt` of a register with nothing in flight. */
const IDLE = -1;
/** `sentAt` of a register whose reply had no valid ФПО: it sends again after UNSIGNED_RETRY_MS. */
const RETRY = Number.POSITIVE_INFINITY;

/** A register on this link and its message in flight. */
interface Slot {
  readonly register: EmulatedRegister;
  /** The FN number as the container header carries it: 8 BCD bytes. */
  readonly fnBcd: Uint8Array;
  /** performance.now() of the send in flight, IDLE or RETRY. */
  sentAt: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);

/** 16 digits packed two per byte, left-padded with zeros (protocol.md §1.3). */
function fnBcd(fnNumber: string): Uint8Array {
  const digits = fnNumber.padStart(16, '0');
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) {
    out[i] = ((digits.charCodeAt(2 * i) - 48) << 4) | (digits.charCodeAt(2 * i + 1) - 48);
  }
  return out;
}

function sameFn(bytes: Uint8Array, at: number, fn: Uint8Array): boolean {
  for (let i = 0; i < 8; i++) if (bytes[at + i] !== fn[i]) return false;
  return true;
}

export class Link {
  private socket: Socket | undefined;
  private open = false;
  private stopped = false;
  private held: boolean;
  /** Waiting for a ramp slot, or connecting with one. */
  private connecting = false;
  private holdsSlot = false;
  private connectStartedAt = 0;
  private backoff = MIN_BACKOFF_MS;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly slots: Slot[];
  private readonly slotOf = new Map<EmulatedRegister, Slot>();
  /** Several registers: slots by the last four FN bytes (one register: the only slot). */
  private readonly byFnTail = new Map<number, Slot[]>();
  /** A reply cut between two reads, waiting for the rest. */
  private carry: Uint8Array = new Uint8Array(0);
  private carried = 0;
  private readonly openSocket: OpenSocket;

  constructor(
    readonly registers: readonly EmulatedRegister[],
    private readonly options: LinkOptions,
  ) {
    this.held = options.held ?? false;
    this.openSocket = options.openSocket ?? createConnection;
    this.slots = registers.map((register) => ({
      register,
      fnBcd: fnBcd(register.profile.fnNumber),
      sentAt: IDLE,
    }));
    for (const slot of this.slots) {
      this.slotOf.set(slot.register, slot);
      const tail = new DataView(slot.fnBcd.buffer).getUint32(4);
      const list = this.byFnTail.get(tail);
      if (list) list.push(slot);
      else this.byFnTail.set(tail, [slot]);
    }
  }

  get connected(): boolean {
    return this.open;
  }

  /** Messages sent and not yet answered. */
  get waiting(): number {
    let n = 0;
    for (const slot of this.slots) if (slot.sentAt !== IDLE) n++;
    return n;
  }

  connect(): void {
    if (this.stopped || this.socket || this.connecting) return;
    this.connecting = true;
    const ramp = this.options.ramp;
    if (ramp) ramp.acquire(() => this.dial(true));
    else this.dial(false);
  }

  /** Starts sending (a link created `held`). */
  release(): void {
    if (!this.held) return;
    this.held = false;
    if (this.open) this.pumpAll(performance.now());
  }

  private dial(slot: boolean): void {
    this.holdsSlot = slot;
    if (this.stopped) {
      this.connecting = false;
      this.releaseSlot();
      return;
    }
    this.connectStartedAt = performance.now();
    const socket = this.openSocket({
      host: this.options.host,
      port: this.options.port,
      noDelay: true,
      onread: {
        buffer: READ_BUFFER,
        callback: (n: number, buffer: Uint8Array) => {
          this.read(buffer, n);
          return true;
        },
      },
    });
    this.socket = socket;
    socket.on('connect', () => {
      const now = performance.now();
      this.connecting = false;
      this.releaseSlot();
      this.open = true;
      this.backoff = MIN_BACKOFF_MS;
      this.carried = 0;
      this.options.stats.connected(now - this.connectStartedAt);
      this.options.onConnected?.(this);
      this.pumpAll(now);
    });
    socket.on('error', () => {
      // 'close' follows; counted there.
    });
    socket.on('close', () => this.closed());
  }

  private releaseSlot(): void {
    if (!this.holdsSlot) return;
    this.holdsSlot = false;
    this.options.ramp?.release();
  }

  private pumpAll(now: number): void {
    const socket = this.socket;
    if (this.slots.length > 1) socket?.cork();
    for (const slot of this.slots) this.send(slot, now);
    if (this.slots.length > 1) socket?.uncork();
  }

  /** Sends the register's oldest unconfirmed document if it has nothing in flight. */
  pump(register: EmulatedRegister): void {
    const slot = this.slotOf.get(register);
    if (slot) this.send(slot, performance.now());
  }

  private send(slot: Slot, now: number): void {
    if (!this.open || this.stopped || this.held || slot.sentAt !== IDLE) return;
    const register = slot.register;
    const pending = register.drive.oldest();
    if (!pending || pending.fdNumber > register.releasedThrough) return;
    const stats = this.options.stats;
    pending.attempts++;
    if (pending.attempts > 1) stats.retransmitted++;
    stats.sent++;
    stats.firstSendAt ??= now;
    slot.sentAt = now;
    this.socket!.write(pending.message);
  }

  /** Closes the connection if a message has waited longer than the timeout. */
  checkTimeouts(now: number): void {
    if (!this.open) return;
    for (const slot of this.slots) {
      if (slot.sentAt !== IDLE && slot.sentAt !== RETRY && now - slot.sentAt > this.options.ackTimeoutMs) {
        this.options.stats.errors++;
        this.socket?.destroy();
        return;
      }
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.socket?.destroy();
  }

  /** `n` new bytes at the start of `buffer` (the shared read buffer). */
  private read(buffer: Uint8Array, n: number): void {
    let bytes = buffer;
    let end = n;
    if (this.carried > 0) {
      this.keep(buffer, 0, n, this.carried);
      bytes = this.carry;
      end = this.carried;
    }
    const now = performance.now();
    const socket = this.socket;
    const cork = this.slots.length > 1;
    // Replies for several registers often arrive together: their next messages leave in one write.
    if (cork) socket?.cork();
    let at = 0;
    while (end - at >= SESSION_HEADER_SIZE) {
      const total = this.frameLength(bytes, at);
      if (total < 0 || (end - at >= total && !this.reply(bytes, at, at + total, now))) {
        this.fail();
        return;
      }
      if (end - at < total) break;
      at += total;
    }
    if (cork) socket?.uncork();
    if (bytes === this.carry) {
      this.carry.copyWithin(0, at, end);
      this.carried = end - at;
    } else if (at < end) this.keep(bytes, at, end, 0);
    else this.carried = 0;
  }

  /** Copies bytes[from, to) into the carry buffer at `offset`; `carried` becomes its new length. */
  private keep(bytes: Uint8Array, from: number, to: number, offset: number): void {
    const length = offset + to - from;
    if (length > this.carry.length) {
      const grown = new Uint8Array(Math.max(length, 2 * this.carry.length, 1024));
      grown.set(this.carry.subarray(0, offset));
      this.carry = grown;
    }
    this.carry.set(bytes.subarray(from, to), offset);
    this.carried = length;
  }

  /** Whole length of the frame starting at `at` (its session header is there), or -1 if it is not one. */
  private frameLength(bytes: Uint8Array, at: number): number {
    for (let i = 0; i < SESSION_PREFIX.length; i++) if (bytes[at + i] !== SESSION_PREFIX[i]) return -1;
    const bodyLength = u16(bytes, at + 24);
    if (bodyLength > MAX_CONTAINER_SIZE || bodyLength < CONTAINER_HEADER_SIZE) return -1;
    return SESSION_HEADER_SIZE + bodyLength;
  }

  /** One whole reply frame, bytes[start, end); false if it is malformed. */
  private reply(bytes: Uint8Array, start: number, end: number, now: number): boolean {
    const c = start + SESSION_HEADER_SIZE;
    if (u16(bytes, c) !== end - c) return false;
    // Container CRC: header bytes 0–1 and 4–31, then the body (protocol.md §1.3).
    const crc = crc16CcittFalse(bytes.subarray(c + 4, end), crc16CcittFalse(bytes.subarray(c, c + 2)));
    if (crc !== u16(bytes, c + 2)) return false;
    if (bytes[c + 4] !== CONTAINER_MESSAGE_TYPE || bytes[c + 6] !== CONTAINER_VERSION) return false;
    const slot = this.slotAt(bytes, c + CONTAINER_FN);
    const stats = this.options.stats;
    if (!slot) {
      stats.errors++;
      return true;
    }
    const register = slot.register;
    const outcome = register.drive.acknowledgeBody(
      bytes[c + 5]!,
      bytes.subarray(c + CONTAINER_HEADER_SIZE, end),
    );
    if (outcome === 'stale') {
      stats.duplicateConfirmations++;
      return true;
    }
    if (outcome === 'unsigned' || outcome === 'foreign') {
      // A real drive refuses such a receipt; the register sends the document again a little later.
      stats.errors++;
      slot.sentAt = RETRY;
      setTimeout(() => {
        if (slot.sentAt !== RETRY) return;
        slot.sentAt = IDLE;
        this.send(slot, performance.now());
      }, UNSIGNED_RETRY_MS).unref();
      return true;
    }
    if (slot.sentAt !== IDLE && slot.sentAt !== RETRY) stats.latency(now - slot.sentAt);
    stats.lastAckAt = now;
    if (outcome === 'confirmed') stats.confirmed++;
    else stats.rejected++;
    slot.sentAt = IDLE;
    this.options.onDelivered(register);
    this.send(slot, now);
    return true;
  }

  private slotAt(bytes: Uint8Array, at: number): Slot | undefined {
    if (this.slots.length === 1) {
      const only = this.slots[0]!;
      return sameFn(bytes, at, only.fnBcd) ? only : undefined;
    }
    const tail =
      ((bytes[at + 4]! << 24) | (bytes[at + 5]! << 16) | (bytes[at + 6]! << 8) | bytes[at + 7]!) >>> 0;
    const list = this.byFnTail.get(tail);
    if (list) for (const slot of list) if (sameFn(bytes, at, slot.fnBcd)) return slot;
    return undefined;
  }

  /** An undecodable reply: the connection is dropped (and reopened after the backoff). */
  private fail(): void {
    this.options.stats.errors++;
    this.carried = 0;
    this.socket?.destroy();
  }

  private closed(): void {
    const wasOpen = this.open;
    this.open = false;
    this.socket = undefined;
    this.carried = 0;
    if (this.connecting) {
      this.connecting = false;
      this.releaseSlot();
    }
    for (const slot of this.slots) slot.sentAt = IDLE;
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
