// One emulated register (ККТ) with its fiscal drive, living through shifts:
// registration report once, then per shift: open, receipts (some returns,
// the odd correction), close, and now and then a current state report.
// Everything it decides comes from its own seeded generator, so the same seed
// and index give the same documents (only the backlog tags 1097/1098/1116
// depend on how fast confirmations arrive, as with a real ФН).
import { CATALOGUES, type CatalogueItem } from './catalogue.js';
import { planDay } from './demand.js';
import { Counters } from './documents/counters.js';
import { buildReceipt, type PaymentKind, type ReceiptLine } from './documents/receipt.js';
import {
  buildCloseShift,
  buildOpenShift,
  buildRegistrationReport,
  buildStateReport,
} from './documents/reports.js';
import { EmulatedFiscalDrive, type PendingDocument } from './fiscal-drive.js';
import type { Cashier, RegisterProfile } from './organizations.js';
import { Rng } from './random.js';

const DAY = 86_400;
const OPEN_AT = 9 * 3600;
const CLOSE_AT = 21 * 3600;
/** A state report after every this many closed shifts. */
const STATE_REPORT_EVERY = 7;
/** ФН-1.2 key life, days (protocol.md §3.4: 410 for the short drives). */
const KEY_LIFE_DAYS = 410;

/**
 * Register-local time source, unix seconds written as if UTC (§2.2).
 * `simulated`: starts on `startDay` and advances by the gaps between
 * documents, never past the real local now; `real`: the wall clock.
 */
export type ClockMode = { kind: 'simulated'; startDay: number } | { kind: 'real' };

export interface RegisterOptions {
  profile: RegisterProfile;
  seed: string | number;
  masterKey: string | Uint8Array;
  ofdInn: string;
  ofdName: string;
  clock: ClockMode;
  /** Multiplies the catalogue's daily demand (default 1). */
  demandScale?: number;
  checkOperatorSign?: boolean;
  /** Where a register that already sent documents carries on (its drive's counters live on). */
  resume?: ResumePoint;
  /** Wall clock, unix milliseconds (tests pin it). */
  now?: () => number;
}

/** What the operator already holds from a register: its drive continues after it. */
export interface ResumePoint {
  lastFdNumber: number;
  lastShiftNumber: number;
  /** Register-local time of the last document, unix seconds. */
  lastDocTime?: number;
}

export class EmulatedRegister {
  readonly profile: RegisterProfile;
  readonly drive: EmulatedFiscalDrive;
  /**
   * Documents up to this FD number may be sent. A pregenerated fleet paced at
   * a rate releases them one by one, as if each were made at that moment.
   */
  releasedThrough = Number.POSITIVE_INFINITY;
  private readonly rng: Rng;
  private readonly catalogue: readonly CatalogueItem[];
  private readonly options: RegisterOptions;
  private readonly now: () => number;
  private time: number;
  private registeredDay = -1;
  private shiftNumber = 0;
  private shiftOpen = false;
  private shiftDay = 0;
  private requestNumber = 0;
  private documentsInShift = 0;
  private shiftsClosed = 0;
  private stateReportDue = true;
  private cashier: Cashier;
  private plan: number[] = [];
  private shiftCounters = new Counters();
  private readonly driveCounters = new Counters();
  private readonly recentSales: ReceiptLine[] = [];

  constructor(options: RegisterOptions) {
    this.options = options;
    this.profile = options.profile;
    this.rng = Rng.derive(options.seed, `register/${options.profile.index}`);
    this.catalogue = CATALOGUES[options.profile.organization.kind];
    this.now = options.now ?? Date.now;
    this.drive = new EmulatedFiscalDrive({
      fnNumber: options.profile.fnNumber,
      masterKey: options.masterKey,
      ...(options.checkOperatorSign === undefined ? {} : { checkOperatorSign: options.checkOperatorSign }),
      ...(options.resume ? { firstFdNumber: options.resume.lastFdNumber + 1 } : {}),
    });
    this.cashier = this.profile.organization.cashiers[0]!;
    this.time =
      options.clock.kind === 'simulated'
        ? options.clock.startDay * DAY + OPEN_AT - 1800 + this.rng.int(0, 1200)
        : this.localNow();
    const resume = options.resume;
    if (resume && resume.lastFdNumber > 0) {
      // Registered before; the shift it had open is closed by the restart; a state report comes first.
      this.time = Math.max(this.time, resume.lastDocTime ?? 0);
      this.registeredDay = Math.floor(this.time / DAY);
      this.shiftNumber = resume.lastShiftNumber;
    }
  }

  /** Local time the register's clock shows now (its shop's UTC offset). */
  private localNow(): number {
    return Math.floor(this.now() / 1000) + this.profile.organization.utcOffset * 3600;
  }

  /** Moves the clock `seconds` on (simulated) or reads it (real); never ahead of the local now. */
  private tick(seconds: number): number {
    const real = this.localNow();
    this.time =
      this.options.clock.kind === 'real' ? Math.max(this.time, real) : Math.min(this.time + seconds, real);
    return Math.floor(this.time);
  }

  private keyResource(day: number): number {
    return Math.max(0, KEY_LIFE_DAYS - (day - this.registeredDay));
  }

  private remainingUnits(): number {
    let n = 0;
    for (const q of this.plan) n += q;
    return n;
  }

  /** Produces, signs and queues the register's next document. */
  nextDocument(): PendingDocument {
    if (this.registeredDay < 0) return this.register();
    if (!this.shiftOpen) {
      if (this.stateReportDue) return this.stateReport();
      return this.openShift();
    }
    const day = Math.floor(this.time / DAY);
    // A simulated clock that has caught up with now runs like a real one: shifts end when the
    // plan is sold or the day changes, not at closing time (which would only repeat empty shifts).
    const replaying = this.options.clock.kind === 'simulated' && this.time < this.localNow();
    const afterHours = replaying && this.time - day * DAY >= CLOSE_AT;
    if (this.remainingUnits() <= 0 || day !== this.shiftDay || afterHours) return this.closeShift();
    if (this.rng.chance(0.004)) return this.receipt('correction');
    if (this.rng.chance(0.02) && this.recentSales.length > 0) return this.receipt('return');
    return this.receipt('sale');
  }

  private register(): PendingDocument {
    const dateTime = this.tick(60);
    this.registeredDay = Math.floor(dateTime / DAY);
    return this.drive.close(
      buildRegistrationReport({
        profile: this.profile,
        dateTime,
        fdNumber: this.drive.nextFdNumber,
        cashier: this.cashier,
        ofdInn: this.options.ofdInn,
        ofdName: this.options.ofdName,
        keyResourceDays: KEY_LIFE_DAYS,
      }),
      dateTime,
    );
  }

  private stateReport(): PendingDocument {
    const dateTime = this.tick(30);
    this.stateReportDue = false;
    return this.drive.close(
      buildStateReport({
        profile: this.profile,
        dateTime,
        fdNumber: this.drive.nextFdNumber,
        cashier: this.cashier,
        shiftNumber: this.shiftNumber,
        backlog: this.drive.backlog(),
        driveCounters: this.driveCounters.toFns(),
        keyResourceDays: this.keyResource(Math.floor(dateTime / DAY)),
      }),
      dateTime,
    );
  }

  private openShift(): PendingDocument {
    if (this.options.clock.kind === 'simulated') {
      // Next morning (or this morning, before the first shift of the day).
      const day = Math.floor(this.time / DAY);
      const morning = day * DAY + OPEN_AT;
      const target = this.time < morning ? morning : morning + DAY;
      this.tick(target - this.time + this.rng.int(0, 900));
    }
    const dateTime = this.tick(0);
    const day = Math.floor(dateTime / DAY);
    this.shiftNumber++;
    this.shiftOpen = true;
    this.shiftDay = day;
    this.requestNumber = 0;
    this.documentsInShift = 1;
    this.shiftCounters = new Counters();
    this.cashier = this.rng.pick(this.profile.organization.cashiers);
    this.plan = planDay(this.catalogue, day, this.rng, this.options.demandScale ?? 1);
    return this.drive.close(
      buildOpenShift({
        profile: this.profile,
        dateTime,
        fdNumber: this.drive.nextFdNumber,
        cashier: this.cashier,
        shiftNumber: this.shiftNumber,
        keyResourceDays: this.keyResource(day),
      }),
      dateTime,
    );
  }

  private closeShift(): PendingDocument {
    const dateTime = this.tick(this.rng.int(60, 600));
    this.shiftOpen = false;
    this.shiftsClosed++;
    if (this.shiftsClosed % STATE_REPORT_EVERY === 0) this.stateReportDue = true;
    return this.drive.close(
      buildCloseShift({
        profile: this.profile,
        dateTime,
        fdNumber: this.drive.nextFdNumber,
        cashier: this.cashier,
        shiftNumber: this.shiftNumber,
        documentsInShift: this.documentsInShift + 1,
        receiptsInShift: this.shiftCounters.receipts,
        backlog: this.drive.backlog(),
        shiftCounters: this.shiftCounters.toFns(),
        driveCounters: this.driveCounters.toFns(),
        keyResourceDays: this.keyResource(Math.floor(dateTime / DAY)),
      }),
      dateTime,
    );
  }

  /** Mean gap between receipts so that the day's plan lasts the trading day. */
  private receiptGap(): number {
    const receiptsLeft = Math.max(1, this.remainingUnits() / 2.5);
    const day = Math.floor(this.time / DAY);
    const secondsLeft = Math.max(600, day * DAY + CLOSE_AT - this.time);
    return (secondsLeft / receiptsLeft) * -Math.log(1 - this.rng.next());
  }

  private saleLines(): ReceiptLine[] {
    const lines: ReceiptLine[] = [];
    const weights = this.plan.map((q) => Math.max(0, q));
    const count = Math.min(6, 1 + Math.floor(-Math.log(1 - this.rng.next()) * 1.4));
    for (let n = 0; n < count && weights.some((w) => w > 0); n++) {
      const i = this.rng.weightedIndex(weights);
      const item = this.catalogue[i]!;
      const left = this.plan[i]!;
      let quantity: number;
      if (item.measure === 0) quantity = Math.min(left, this.rng.chance(0.3) ? this.rng.int(2, 4) : 1);
      else {
        const portion = Math.round((0.2 + 1.8 * this.rng.next()) * 1000) / 1000;
        quantity = left - portion < 0.1 ? left : portion;
      }
      quantity = Math.round(quantity * 1000) / 1000;
      this.plan[i] = Math.round((left - quantity) * 1000) / 1000;
      weights[i] = 0;
      if (quantity > 0) lines.push({ item, quantity });
    }
    return lines;
  }

  private payment(): PaymentKind {
    const kinds: PaymentKind[] = ['card', 'cash', 'mixed', 'advance', 'prepayment', 'credit'];
    return kinds[this.rng.weightedIndex([0.54, 0.29, 0.07, 0.03, 0.035, 0.035])]!;
  }

  private buyer(): string | undefined {
    if (!this.rng.chance(0.12)) return undefined;
    return this.rng.chance(0.5)
      ? `client${this.rng.int(1, 9999)}@mail.example`
      : `+79${String(this.rng.int(0, 999_999_999)).padStart(9, '0')}`;
  }

  private receipt(kind: 'sale' | 'return' | 'correction'): PendingDocument {
    const dateTime = this.tick(this.options.clock.kind === 'simulated' ? this.receiptGap() : 0);
    let lines: ReceiptLine[];
    if (kind === 'return') lines = [this.rng.pick(this.recentSales)];
    else if (kind === 'correction') lines = [{ item: this.rng.pick(this.catalogue), quantity: 1 }];
    else lines = this.saleLines();
    if (lines.length === 0) return this.closeShift();
    if (kind === 'sale') {
      this.recentSales.push(...lines);
      if (this.recentSales.length > 30) this.recentSales.splice(0, this.recentSales.length - 30);
    }
    this.requestNumber++;
    this.documentsInShift++;
    const payment =
      kind === 'sale'
        ? this.payment()
        : kind === 'return'
          ? this.rng.pick(['cash', 'card'] as const)
          : 'cash';
    const buyer = kind === 'correction' ? undefined : this.buyer();
    const { document, totals } = buildReceipt({
      profile: this.profile,
      dateTime,
      fdNumber: this.drive.nextFdNumber,
      shiftNumber: this.shiftNumber,
      requestNumber: this.requestNumber,
      operationType: kind === 'return' ? 2 : 1,
      cashier: this.cashier,
      lines,
      payment,
      ...(buyer === undefined ? {} : { buyer }),
      ...(kind === 'correction' ? { correction: { basisDate: Math.floor(dateTime / DAY) * DAY } } : {}),
    });
    this.shiftCounters.add(totals);
    this.driveCounters.add(totals);
    return this.drive.close(document, dateTime);
  }
}
