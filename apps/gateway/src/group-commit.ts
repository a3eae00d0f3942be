import type { IngestDocumentInput, IngestOutcome } from '@openofd/core';

export type StoreBatch = (documents: IngestDocumentInput[]) => Promise<IngestOutcome[]>;

export interface GroupCommitOptions {
  store: StoreBatch;
  /** Most documents in one transaction. */
  maxBatch?: number;
  /**
   * How long the first document waits for company when a transaction slot is
   * free. 0 (default): until the current I/O turn ends, so messages read
   * together commit together; under load the wait for a free slot batches.
   */
  maxDelayMs?: number;
  /** Transactions in flight at once (1 for PGlite: one connection). */
  concurrency?: number;
  /** Queued documents beyond which `saturated` tells readers to pause (bounds memory). */
  maxQueued?: number;
  /** Called after each transaction: size, seconds, whether it committed. */
  onBatch?: (size: number, seconds: number, ok: boolean) => void;
}

interface Pending {
  document: IngestDocumentInput;
  resolve(outcome: IngestOutcome): void;
  reject(error: unknown): void;
}

/**
 * Group commit: documents from every connection share transactions, so
 * throughput does not cost one fsync per document. A document's promise
 * settles only after its transaction has committed (or failed); while a
 * transaction is in flight the next batch fills up.
 */
export class GroupCommitter {
  readonly #store: StoreBatch;
  readonly #maxBatch: number;
  readonly #maxDelayMs: number;
  readonly #concurrency: number;
  readonly #onBatch: GroupCommitOptions['onBatch'];
  #queue: Pending[] = [];
  #inFlight = 0;
  #timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  #closed = false;
  readonly #maxQueued: number;
  #inFlightDocuments = 0;
  #relief: (() => void)[] = [];
  #idle: (() => void)[] = [];

  constructor(options: GroupCommitOptions) {
    this.#store = options.store;
    this.#maxBatch = options.maxBatch ?? 500;
    this.#maxDelayMs = options.maxDelayMs ?? 0;
    this.#concurrency = options.concurrency ?? 1;
    this.#onBatch = options.onBatch;
    this.#maxQueued = options.maxQueued ?? 20_000;
  }

  /** Resolves with the document's outcome once its transaction committed; rejects if it failed. */
  submit(document: IngestDocumentInput): Promise<IngestOutcome> {
    if (this.#closed) return Promise.reject(new Error('the committer is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ document, resolve, reject });
      if (this.#queue.length >= this.#maxBatch) this.#flush();
      else if (this.#timer === undefined && this.#inFlight < this.#concurrency) {
        const fire = () => {
          this.#timer = undefined;
          this.#flush();
        };
        this.#timer = this.#maxDelayMs > 0 ? setTimeout(fire, this.#maxDelayMs) : setImmediate(fire);
      }
    });
  }

  /** Documents waiting or in flight. */
  get pending(): number {
    return this.#queue.length + this.#inFlightDocuments;
  }

  /** Too many documents wait: connections should stop reading until `whenRelieved()`. */
  get saturated(): boolean {
    return this.#queue.length >= this.#maxQueued;
  }

  /** Resolves once the queue has drained to half of `maxQueued`. */
  whenRelieved(): Promise<void> {
    if (!this.saturated) return Promise.resolve();
    return new Promise((resolve) => this.#relief.push(resolve));
  }

  /** Refuses new documents and resolves when everything submitted has settled. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#flush();
    if (this.#queue.length === 0 && this.#inFlight === 0) return;
    await new Promise<void>((resolve) => this.#idle.push(resolve));
  }

  #flush(): void {
    if (this.#timer !== undefined) {
      if (this.#maxDelayMs > 0) clearTimeout(this.#timer as NodeJS.Timeout);
      else clearImmediate(this.#timer as NodeJS.Immediate);
      this.#timer = undefined;
    }
    while (this.#inFlight < this.#concurrency && this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      this.#inFlight++;
      this.#inFlightDocuments += batch.length;
      void this.#commit(batch);
    }
  }

  async #commit(batch: Pending[]): Promise<void> {
    const results = await this.#storeIsolating(batch.map((p) => p.document));
    this.#inFlight--;
    this.#inFlightDocuments -= batch.length;
    batch.forEach((p, i) => {
      const result = results[i];
      if (typeof result === 'string') p.resolve(result);
      else p.reject(result ?? new Error('the store returned no outcome for a document'));
    });
    if (this.#queue.length < this.#maxQueued / 2) for (const wake of this.#relief.splice(0)) wake();
    // Whatever arrived during this transaction has waited long enough.
    if (this.#queue.length > 0) this.#flush();
    else if (this.#inFlight === 0) for (const wake of this.#idle.splice(0)) wake();
  }

  /**
   * One transaction for the batch. If it fails on the data of some document
   * (SQLSTATE class 22/23/54), the halves are retried apart, so one poisoned
   * document cannot keep failing the documents of other registers; any other
   * failure (database down) fails the whole batch.
   */
  async #storeIsolating(documents: IngestDocumentInput[]): Promise<(IngestOutcome | Error)[]> {
    const started = performance.now();
    try {
      const outcomes = await this.#store(documents);
      this.#onBatch?.(documents.length, (performance.now() - started) / 1000, true);
      return outcomes;
    } catch (err) {
      this.#onBatch?.(documents.length, (performance.now() - started) / 1000, false);
      const error = err instanceof Error ? err : new Error(String(err));
      if (documents.length === 1 || !isDataError(err)) return documents.map(() => error);
      const mid = documents.length >> 1;
      return [
        ...(await this.#storeIsolating(documents.slice(0, mid))),
        ...(await this.#storeIsolating(documents.slice(mid))),
      ];
    }
  }
}

/** A SQLSTATE of data exception (22), integrity violation (23) or program limit (54) anywhere in the cause chain. */
function isDataError(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(22|23|54)[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}
