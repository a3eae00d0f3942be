// An emulated fiscal drive (ФН): numbers documents, signs them (ФПД, ФПС) with
// the emulated crypto, frames them, and keeps them in an unconfirmed queue
// until the operator's confirmation (with a valid ФПО) comes back — like a
// real ФН, which hands the register the oldest unconfirmed document to send
// again and again until it is confirmed (protocol.md §1.5, §1.7).
import { Buffer } from 'node:buffer';
import {
  deriveDriveKey,
  encodeDocument,
  encodeMessage,
  type FiscalDriveKey,
  type FnsDocument,
  signDocument,
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
  /** The whole session message, ready to send as many times as needed (a Buffer: written as is). */
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
  /** 1041 as the operator writes it: the FN number in ASCII (compared byte by byte, no string per reply). */
  private readonly fnAscii: Uint8Array;

  constructor(options: DriveOptions) {
    this.fnNumber = options.fnNumber;
    this.fnAscii = Uint8Array.from(options.fnNumber, (c) => c.charCodeAt(0));
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
      message: asBuffer(
        encodeMessage({
          aVersion: A_VERSION,
          fnNumber: this.fnNumber,
          documentType,
          fdNumber: this.nextFd,
          body: signed,
        }),
      ),
      attempts: 0,
    };
    this.queue.push(pending);
    this.nextFd++;
    return pending;
  }

  /** Applies a reply frame from the operator. */
  acknowledge(reply: WireMessage): AckOutcome {
    if (reply.container.fnNumber !== this.fnNumber) return 'foreign';
    return this.acknowledgeBody(reply.container.documentType, reply.body);
  }

  /**
   * Applies the container body of a reply whose container header already
   * names this drive (the link matched its FN bytes). A confirmation moves
   * the queue on only if it names this drive (1041) and its oldest document
   * (1040), and — as a real ФН does before it forgets a document — carries a
   * valid ФПО (1078).
   */
  acknowledgeBody(documentType: number, body: Uint8Array): AckOutcome {
    if (documentType !== 7) return 'foreign';
    const ack = readConfirmation(body, this.fnAscii);
    if (ack === undefined) return 'foreign';
    const oldest = this.oldest();
    if (oldest === undefined || ack.fdNumber !== oldest.fdNumber) return 'stale';
    if (this.checkOperatorSign && !verifySafely(this.key, body.subarray(0, ack.end))) return 'unsigned';
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return ack.rejected ? 'rejected' : 'confirmed';
  }
}

/** The same bytes as a Buffer, so that each socket write does not wrap them again. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
  /** End of the form-7 TLV in the body (the ФПО covers body[0, end)). */
  end: number;
  fdNumber: number;
  rejected: boolean;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);

/**
 * The fields of a form-7 confirmation the drive cares about (§1.6, §9), read
 * in place: undefined if it is not a well-formed confirmation for the drive
 * whose FN number is `fnAscii` (1041, trailing spaces allowed).
 */
function readConfirmation(body: Uint8Array, fnAscii: Uint8Array): Confirmation | undefined {
  if (body.length < 4 || u16(body, 0) !== 7) return undefined;
  const end = 4 + u16(body, 2);
  if (end > body.length) return undefined;
  let fnMatches = false;
  let fdNumber = -1;
  let rejected = false;
  for (let at = 4; at < end; ) {
    if (at + 4 > end) return undefined;
    const tag = u16(body, at);
    const start = at + 4;
    const stop = start + u16(body, at + 2);
    if (stop > end) return undefined;
    if (tag === 1041) fnMatches = sameFn(body, start, stop, fnAscii);
    else if (tag === 1040 && stop - start === 4) {
      fdNumber =
        (body[start]! | (body[start + 1]! << 8) | (body[start + 2]! << 16)) + body[start + 3]! * 2 ** 24;
    } else if (tag === 1206 && stop > start) rejected ||= (body[start]! & 2) !== 0;
    else if (tag === 1068) {
      for (let i = start; i < stop; ) {
        if (i + 4 > stop) return undefined;
        const innerStop = i + 4 + u16(body, i + 2);
        if (innerStop > stop) return undefined;
        if (u16(body, i) === 1022 && innerStop > i + 4) rejected ||= body[i + 4] !== 0;
        i = innerStop;
      }
    }
    at = stop;
  }
  return fnMatches ? { end, fdNumber, rejected } : undefined;
}

/** body[start, stop) is `fn` followed by nothing but spaces. */
function sameFn(body: Uint8Array, start: number, stop: number, fn: Uint8Array): boolean {
  if (stop - start < fn.length) return false;
  for (let i = 0; i < fn.length; i++) if (body[start + i] !== fn[i]) return false;
  for (let i = start + fn.length; i < stop; i++) if (body[i] !== 0x20) return false;
  return true;
}
