// Bounds how many of a fleet's connections are being opened at once. Two
// thousand connect() calls in one tick put 2 000 SYNs — then as many SYN-ACKs
// and ACKs — on loopback together; past the kernel's per-CPU backlog
// (net.core.netdev_max_backlog, 1 000) packets are dropped, and a dropped SYN
// is only sent again after 1, 3, 7 s. Real registers never connect in the
// same microsecond either: with at most `limit` handshakes in progress, the
// next starts as soon as one completes or fails.

/** Default limit: 128 handshakes (≈ 3 packets each) stay well under a 1 000-packet backlog. */
export const DEFAULT_MAX_PENDING_CONNECTS = 128;

export class ConnectRamp {
  private active = 0;
  private readonly waiting: ((() => void) | undefined)[] = [];
  private head = 0;

  constructor(readonly limit: number = DEFAULT_MAX_PENDING_CONNECTS) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new Error(`the connect limit must be a positive integer, got ${limit}`);
    }
  }

  /** Connects in progress. */
  get pending(): number {
    return this.active;
  }

  /** Connects waiting for a slot. */
  get queued(): number {
    return this.waiting.length - this.head;
  }

  /** Runs `start` now if a slot is free, else once one is; `start` must lead to exactly one `release()`. */
  acquire(start: () => void): void {
    if (this.active < this.limit) {
      this.active++;
      start();
    } else this.waiting.push(start);
  }

  /** A connect finished (established or failed): its slot goes to the next in line. */
  release(): void {
    const next = this.waiting[this.head];
    if (next === undefined) {
      this.active--;
      return;
    }
    this.waiting[this.head++] = undefined;
    if (this.head === this.waiting.length) {
      this.waiting.length = 0;
      this.head = 0;
    }
    next();
  }
}
