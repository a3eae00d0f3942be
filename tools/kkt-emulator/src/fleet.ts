// A fleet of emulated registers sending to one operator address: builds the
// registers, spreads them over connections, paces document production and
// reports a summary. Three ways to pace:
//   rate = 0 — closed loop: each register makes its next document as soon as
//              the previous one is delivered (throughput limited by the operator);
//   rate > 0 — open loop: R documents per second across the fleet, whatever
//              the operator does (unconfirmed documents pile up like in a real ФН);
//   pregenerate — every register makes all its documents before the first
//              send, so sending measures the operator, not document building;
//              with a rate, they are released at that rate (open loop again).
import { ConnectRamp, DEFAULT_MAX_PENDING_CONNECTS } from './connect-ramp.js';
import { Link, type OpenSocket } from './link.js';
import { registerProfile } from './organizations.js';
import { type ClockMode, EmulatedRegister, type ResumePoint } from './register.js';
import { type EmulatorSummary, RunStats } from './stats.js';

export interface FleetOptions {
  host?: string;
  port: number;
  /** Number of registers (N). */
  registers: number;
  /** Index of the first register (identities are per index, organizations.ts). */
  firstIndex?: number;
  /** Documents per register (M); unlimited when absent. */
  documentsPerRegister?: number;
  /** Documents per second across the fleet; 0 or absent = closed loop. */
  rate?: number;
  /** TCP connections (C) the registers share; default one per register. */
  connections?: number;
  /** Stop producing documents after this many seconds, then drain. */
  durationSeconds?: number;
  /** How long to wait for the unconfirmed queues to empty at the end (default 30 s). */
  drainSeconds?: number;
  seed?: string | number;
  masterKey: string | Uint8Array;
  /** 1017 of registration reports (OFD_OPERATOR_INN). */
  ofdInn?: string;
  ofdName?: string;
  clock?: ClockMode;
  demandScale?: number;
  pregenerate?: boolean;
  /** Check the ФПО of confirmations (default true; a `--crypto none` gateway sends none). */
  checkOperatorSign?: boolean;
  ackTimeoutMs?: number;
  /** Registers the operator already heard from, by FN number: their drives carry on from there. */
  resume?: ReadonlyMap<string, ResumePoint>;
  /**
   * Connections being opened at once (default 128): the rest wait for a
   * slot, so a big fleet ramps up instead of flooding the listener and the
   * loopback backlog with SYNs in one burst (connect-ramp.ts).
   */
  maxPendingConnects?: number;
  /**
   * Open every connection before the first document leaves, so the run
   * (its elapsed time, rate and latencies) measures sending, not connecting.
   * Default: on when `pregenerate`, off otherwise (a register sends as soon
   * as it is connected). Stragglers still not connected after
   * `connectWaitMs` start sending when they are.
   */
  connectBeforeSending?: boolean;
  /** connectBeforeSending: how long to wait for the last connections before sending anyway (default 10 s). */
  connectWaitMs?: number;
  /**
   * Called once when the run's clock starts: right before the first send
   * (with connectBeforeSending, once every connection is open). A benchmark
   * can read its CPU counters here to leave connection setup out.
   */
  onSendingStarted?: () => void;
  /** How sockets are opened (default `net.createConnection`; tests watch connects through it). */
  openSocket?: OpenSocket;
}

export interface Fleet {
  readonly registers: readonly EmulatedRegister[];
  /** Builds the pregenerated documents now (else `run()` does); lets a benchmark time sending alone. */
  prepare(): void;
  /** Connects and starts sending; resolves with the summary when finished or stopped. */
  run(): Promise<EmulatorSummary>;
  /** Stops producing and sending now; `run()` resolves. */
  stop(): void;
  /** Figures so far. */
  snapshot(): EmulatorSummary;
}

const DAY_MS = 86_400_000;
const CONNECT_WAIT_MS = 10_000;

export function createFleet(options: FleetOptions): Fleet {
  if (!Number.isInteger(options.registers) || options.registers < 1) {
    throw new Error(`registers must be a positive integer, got ${options.registers}`);
  }
  const firstIndex = options.firstIndex ?? 0;
  const clock: ClockMode = options.clock ?? {
    kind: 'simulated',
    startDay: Math.floor(Date.now() / DAY_MS) - 30,
  };
  const registers = Array.from({ length: options.registers }, (_, i) => {
    const profile = registerProfile(firstIndex + i);
    const resume = options.resume?.get(profile.fnNumber);
    return new EmulatedRegister({
      profile,
      ...(resume ? { resume } : {}),
      seed: options.seed ?? 1,
      masterKey: options.masterKey,
      ofdInn: options.ofdInn ?? '7704358518',
      ofdName: options.ofdName ?? 'OpenOFD',
      clock,
      ...(options.demandScale === undefined ? {} : { demandScale: options.demandScale }),
      ...(options.checkOperatorSign === undefined ? {} : { checkOperatorSign: options.checkOperatorSign }),
    });
  });
  return new FleetRun(options, registers);
}

/** Runs a fleet to completion and returns its summary. */
export async function runEmulator(options: FleetOptions): Promise<EmulatorSummary> {
  return createFleet(options).run();
}

class FleetRun implements Fleet {
  private readonly stats = new RunStats();
  private readonly links: Link[] = [];
  private readonly produced = new Map<EmulatedRegister, number>();
  private producing = true;
  private finished = false;
  private resolve: ((s: EmulatorSummary) => void) | undefined;
  private timers: NodeJS.Timeout[] = [];
  private cursor = 0;
  private tokens = 0;
  private lastPace = 0;
  private prepared = false;
  private released = 0;
  /** Links connected at least once (connectBeforeSending waits for all). */
  private readonly everConnected = new Set<Link>();
  private sending = false;
  private readonly ramp: ConnectRamp;

  constructor(
    private readonly options: FleetOptions,
    readonly registers: readonly EmulatedRegister[],
  ) {
    this.ramp = new ConnectRamp(options.maxPendingConnects ?? DEFAULT_MAX_PENDING_CONNECTS);
    const held = options.connectBeforeSending ?? options.pregenerate === true;
    const count = Math.max(1, Math.min(options.connections ?? registers.length, registers.length));
    const groups: EmulatedRegister[][] = Array.from({ length: count }, () => []);
    registers.forEach((r, i) => {
      groups[i % count]!.push(r);
    });
    for (const group of groups) {
      this.links.push(
        new Link(group, {
          host: options.host ?? '127.0.0.1',
          port: options.port,
          ackTimeoutMs: options.ackTimeoutMs ?? 10_000,
          stats: this.stats,
          onDelivered: (r) => this.delivered(r),
          ramp: this.ramp,
          held,
          ...(held ? { onConnected: (link: Link) => this.linkConnected(link) } : {}),
          ...(options.openSocket ? { openSocket: options.openSocket } : {}),
        }),
      );
    }
  }

  private linkConnected(link: Link): void {
    this.everConnected.add(link);
    if (this.everConnected.size === this.links.length) this.startSending();
  }

  private linkOf(index: number): Link {
    return this.links[index % this.links.length]!;
  }

  private budgetLeft(r: EmulatedRegister): boolean {
    const limit = this.options.documentsPerRegister;
    return limit === undefined || (this.produced.get(r) ?? 0) < limit;
  }

  /** Makes the register's next document; false when its budget is spent. */
  private produce(r: EmulatedRegister): boolean {
    if (!this.producing || !this.budgetLeft(r)) return false;
    r.nextDocument();
    this.produced.set(r, (this.produced.get(r) ?? 0) + 1);
    this.stats.generated++;
    return true;
  }

  private closedLoop(): boolean {
    return !this.options.rate && !this.options.pregenerate;
  }

  private delivered(r: EmulatedRegister): void {
    if (this.closedLoop() && r.drive.unconfirmed === 0) this.produce(r);
    this.checkDone();
  }

  run(): Promise<EmulatorSummary> {
    const done = new Promise<EmulatorSummary>((resolve) => {
      this.resolve = resolve;
    });
    if (this.options.pregenerate) this.prepare();
    else if (this.closedLoop()) {
      for (const r of this.registers) this.produce(r);
    }
    for (const link of this.links) link.connect();
    this.timers.push(
      setInterval(() => {
        const now = performance.now();
        for (const link of this.links) link.checkTimeouts(now);
        this.checkDone();
      }, 200),
    );
    const held = this.options.connectBeforeSending ?? this.options.pregenerate === true;
    if (!held) this.startSending();
    else if (!this.sending)
      this.timers.push(setTimeout(() => this.startSending(), this.options.connectWaitMs ?? CONNECT_WAIT_MS));
    this.checkDone();
    return done;
  }

  /** Starts the clock of the run: links send, the rate pacer and the duration timer start. */
  private startSending(): void {
    if (this.sending || this.finished) return;
    this.sending = true;
    this.options.onSendingStarted?.();
    this.lastPace = performance.now();
    for (const link of this.links) link.release();
    if (this.options.rate) this.timers.push(setInterval(() => this.pace(), 10));
    if (this.options.durationSeconds !== undefined) {
      this.timers.push(
        setTimeout(() => {
          this.producing = false;
          this.timers.push(setTimeout(() => this.finish(), (this.options.drainSeconds ?? 30) * 1000));
          this.checkDone();
        }, this.options.durationSeconds * 1000),
      );
    }
  }

  /** Makes (or, pregenerated, releases) the register's next document; false when none is left. */
  private next(r: EmulatedRegister): boolean {
    if (!this.options.pregenerate) return this.produce(r);
    if (!this.producing || r.releasedThrough >= r.drive.nextFdNumber - 1) return false;
    r.releasedThrough++;
    this.released++;
    return true;
  }

  prepare(): void {
    if (!this.options.pregenerate || this.prepared) return;
    if (this.options.documentsPerRegister === undefined) {
      throw new Error('pregenerate needs documentsPerRegister');
    }
    this.prepared = true;
    for (const r of this.registers) {
      while (this.produce(r));
      if (this.options.rate) r.releasedThrough = 0;
    }
  }

  /** Open loop: hand out R documents per second round-robin over registers with budget. */
  private pace(): void {
    const now = performance.now();
    this.tokens = Math.min(this.tokens + ((now - this.lastPace) / 1000) * this.options.rate!, 1000);
    this.lastPace = now;
    let idle = 0;
    while (this.tokens >= 1 && idle < this.registers.length) {
      const index = this.cursor++ % this.registers.length;
      const r = this.registers[index]!;
      if (!this.next(r)) {
        idle++;
        continue;
      }
      idle = 0;
      this.tokens--;
      this.linkOf(index).pump(r);
    }
  }

  /** Counted, not scanned: this runs on every confirmation. */
  private allProduced(): boolean {
    if (!this.producing) return true;
    const limit = this.options.documentsPerRegister;
    if (limit === undefined) return false;
    const total = limit * this.registers.length;
    const paced = this.options.pregenerate && this.options.rate;
    return this.stats.generated === total && (!paced || this.released === total);
  }

  private unconfirmed(): number {
    return this.stats.generated - this.stats.confirmed - this.stats.rejected;
  }

  private checkDone(): void {
    if (this.finished || !this.allProduced()) return;
    if (this.unconfirmed() === 0) this.finish();
  }

  stop(): void {
    this.producing = false;
    this.finish();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.producing = false;
    for (const t of this.timers) clearTimeout(t);
    for (const link of this.links) link.stop();
    this.resolve?.(this.snapshot());
  }

  snapshot(): EmulatorSummary {
    return this.stats.summary(this.registers.length, this.links.length, this.unconfirmed());
  }
}
