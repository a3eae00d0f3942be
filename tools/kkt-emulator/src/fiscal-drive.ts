// An emulated fiscal drive (ФН): numbers documents, signs them (ФПД, ФПС) with
// the emulated crypto, frames them, and keeps them in an unconfirmed queue
// until the operator's confirmation (with a valid ФПО) comes back — like a
// real ФН, which hands the register the oldest unconfirmed document to send
// again and again until it is confirmed (protocol.md §1.5, §1.7).
import {
  deriveDriveKey,
  encodeDocument,
  encodeMessage,
  type FiscalDriveKey,
  type FnsDocument,
  signDocument,
  TlvReader,
  verifyOperatorSign,
  type WireMessage,
} from '@openofd/protocol';
import type { Backlog } from './documents/reports.js';

/** A-protocol version bytes `00 01`, as in every fixture (protocol.md §1.2), read as u16 LE. */
const A_VERSION = 0x0100;

export interface PendingDocument {
  fdNumber: number;
  documentType: number;
  /** Register-local time of the document, unix seconds. */
  dateTime: number;
  /** The whole session message, ready to send as many times as needed. */
  message: Uint8Array;
  /** Times sent so far. */
  attempts: number;
}

/**
 * What a reply did to the queue: `confirmed` (accepted), `rejected` (confirmed
 * with a ФЛК error or a non-zero 1022: the drive still counts it delivered),
 * `stale` (for a document no longer waiting), `unsigned` (ФПО missing or
 * wrong: ignored, the document stays queued), `foreign` (not a confirmation for this drive).
 */
export type AckOutcome = 'confirmed' | 'rejected' | 'stale' | 'unsigned' | 'foreign';

export interface DriveOptions {
  fnNumber: string;
  masterKey: string | Uint8Array;
  /** Check the ФПО of confirmations, as a real drive does (default true). */
  checkOperatorSign?: boolean;
  /** Number of the first document (a drive resumed after documents 1..n reached the operator). */
  firstFdNumber?: number;
}

export class EmulatedFiscalDrive {
  readonly fnNumber: string;
  readonly key: FiscalDriveKey;
  private readonly checkOperatorSign: boolean;
  private nextFd = 1;
  private readonly queue: PendingDocument[] = [];
  private head = 0;

  constructor(options: DriveOptions) {
    this.fnNumber = options.fnNumber;
    this.key = deriveDriveKey(options.masterKey, options.fnNumber);
    this.checkOperatorSign = options.checkOperatorSign ?? true;
    this.nextFd = options.firstFdNumber ?? 1;
  }

  /** The number the next document must carry in 1040. */
  get nextFdNumber(): number {
    return this.nextFd;
  }

  get unconfirmed(): number {
    return this.queue.length - this.head;
  }

  /** The oldest unconfirmed document: the only one a drive hands out for sending. */
  oldest(): PendingDocument | undefined {
    return this.queue[this.head];
  }

  backlog(): Backlog {
    const first = this.oldest();
    return first
      ? { count: this.unconfirmed, firstDateTime: first.dateTime, firstNumber: first.fdNumber }
      : { count: 0, firstDateTime: 0, firstNumber: 0 };
  }

  /**
   * Closes a document built with `fiscalDocumentNumber = nextFdNumber`:
   * encodes it, appends the ФПД (1077), frames it with the ФПС trailer and queues it.
   */
  close(document: FnsDocument, dateTime: number): PendingDocument {
    const [name] = Object.keys(document);
    const fields = document[name!]!;
    if (fields.fiscalDocumentNumber !== this.nextFd) {
      throw new Error(
        `document carries FD ${String(fields.fiscalDocumentNumber)}, drive expects ${this.nextFd}`,
      );
    }
    const unsigned = encodeDocument(document);
    const documentType = unsigned[0]! | (unsigned[1]! << 8);
    const signed = signDocumentBody(this.key, unsigned);
    const pending: PendingDocument = {
      fdNumber: this.nextFd,
      documentType,
      dateTime,
      message: encodeMessage({
        aVersion: A_VERSION,
        fnNumber: this.fnNumber,
        documentType,
        fdNumber: this.nextFd,
        body: signed,
      }),
      attempts: 0,
    };
    this.queue.push(pending);
    this.nextFd++;
    return pending;
  }

  /** Applies a reply frame from the operator. */
  acknowledge(reply: WireMessage): AckOutcome {
    if (reply.container.documentType !== 7 || reply.container.fnNumber !== this.fnNumber) return 'foreign';
    const ack = readConfirmation(reply.body);
    if (ack === undefined || ack.fnNumber !== this.fnNumber) return 'foreign';
    const oldest = this.oldest();
    if (oldest === undefined || ack.fdNumber !== oldest.fdNumber) return 'stale';
    if (this.checkOperatorSign && !verifySafely(this.key, ack.tlv)) return 'unsigned';
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return ack.rejected ? 'rejected' : 'confirmed';
  }
}

function signDocumentBody(key: FiscalDriveKey, unsigned: Uint8Array): Uint8Array {
  const { document, trailer } = signDocument(key, unsigned);
  const body = new Uint8Array(document.length + trailer.length);
  body.set(document);
  body.set(trailer, document.length);
  return body;
}

function verifySafely(key: FiscalDriveKey, tlv: Uint8Array): boolean {
  try {
    return verifyOperatorSign(key, tlv);
  } catch {
    return false;
  }
}

interface Confirmation {
  tlv: Uint8Array;
  fnNumber: string;
  fdNumber: number;
  rejected: boolean;
}

/** The fields of a form-7 confirmation the drive cares about (§1.6, §9); undefined if it is not one. */
function readConfirmation(body: Uint8Array): Confirmation | undefined {
  try {
    const top = new TlvReader(body);
    if (!top.next() || top.tag !== 7) return undefined;
    const tlv = body.subarray(top.offset, top.end);
    let fnNumber = '';
    let fdNumber = -1;
    let rejected = false;
    const r = new TlvReader(body, top.start, top.end, [7]);
    while (r.next()) {
      if (r.tag === 1041) fnNumber = String.fromCharCode(...body.subarray(r.start, r.end)).trim();
      else if (r.tag === 1040 && r.end - r.start === 4) {
        fdNumber =
          (body[r.start]! | (body[r.start + 1]! << 8) | (body[r.start + 2]! << 16)) +
          body[r.start + 3]! * 2 ** 24;
      } else if (r.tag === 1206 && r.end > r.start) rejected ||= (body[r.start]! & 2) !== 0;
      else if (r.tag === 1068) {
        const inner = new TlvReader(body, r.start, r.end, [7, 1068]);
        while (inner.next())
          if (inner.tag === 1022 && inner.end > inner.start) rejected ||= body[inner.start] !== 0;
      }
    }
    return { tlv, fnNumber, fdNumber, rejected };
  } catch {
    return undefined;
  }
}
