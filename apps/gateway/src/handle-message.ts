import type { FiscalCrypto, FnsJson, IngestDocumentInput, IngestOutcome } from '@openofd/core';
import {
  buildConfirmation,
  checkDocument,
  decodeDocument,
  encodeConfirmationMessage,
  type FfdVersion,
  ffdVersionFromCode,
  jsonNameFor,
  ProtocolError,
  splitDocument,
  type WireMessage,
} from '@openofd/protocol';
import type { RejectReason } from './metrics.js';

/** Operator response codes, tag 1022 (protocol.md §1.6). */
export const RESPONSE = { accepted: 0, unrecognised: 11, flkFailed: 14 } as const;

/** What to do with one message: send a confirmation, or close without one. */
export type MessageOutcome =
  | {
      kind: 'confirm';
      reply: Uint8Array;
      code: number;
      stored: IngestOutcome | 'not-stored';
      fnNumber: string;
      fdNumber: number;
      detail?: string;
    }
  | { kind: 'reject'; reason: RejectReason; detail: string };

export interface MessageHandlerOptions {
  crypto: FiscalCrypto;
  /** Durable commit; resolves only after the transaction holding the document committed. */
  commit: (document: IngestDocumentInput) => Promise<IngestOutcome>;
  /** Operator INN for tag 1017. */
  ofdInn: string;
  /** Version to answer in when the document names none (1209). */
  defaultFfdVersion?: FfdVersion;
  now?: () => Date;
}

export type MessageHandler = (message: WireMessage, receivedAt: Date) => Promise<MessageOutcome>;

const TAG_FFD_VERSION = 1209;
const TAG_FN = 1041;
const TAG_FD = 1040;

/**
 * The per-message pipeline after framing (frame and CRC are checked by the
 * FrameDecoder): fiscal signs → decode → ФЛК → durable commit → confirmation.
 * Never throws: every failure is an outcome.
 */
export function createMessageHandler(options: MessageHandlerOptions): MessageHandler {
  const now = options.now ?? (() => new Date());
  const fallbackVersion = options.defaultFfdVersion ?? '1.05';

  async function confirm(
    message: WireMessage,
    code: number,
    ffdVersion: FfdVersion,
    stored: IngestOutcome | 'not-stored',
    detail?: string,
  ): Promise<MessageOutcome> {
    const { fnNumber, fdNumber } = message.container;
    const fields = {
      ofdInn: options.ofdInn,
      fnNumber,
      fdNumber,
      dateTime: Math.floor(now().getTime() / 1000),
      responseCode: code,
      ffdVersion,
    };
    const unsigned = buildConfirmation(fields);
    const fpo = await options.crypto.operatorSign({ fnNumber, fdNumber, confirmation: unsigned });
    const tlv = fpo ? buildConfirmation({ ...fields, fpo }) : unsigned;
    return {
      kind: 'confirm',
      reply: encodeConfirmationMessage(message, tlv),
      code,
      stored,
      fnNumber,
      fdNumber,
      ...(detail !== undefined ? { detail } : {}),
    };
  }

  async function pipeline(message: WireMessage, receivedAt: Date): Promise<MessageOutcome> {
    // The container's FN (written by the drive, covered by its CRC and signs) is
    // authoritative; the session header's copy is the register's.
    const { container } = message;
    let split: ReturnType<typeof splitDocument>;
    try {
      split = splitDocument(message.body);
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      return confirm(message, RESPONSE.unrecognised, fallbackVersion, 'not-stored', err.describe());
    }
    if (split.code !== container.documentType) {
      const why = `document TLV is form ${split.code}, container says ${container.documentType}`;
      return confirm(message, RESPONSE.unrecognised, fallbackVersion, 'not-stored', why);
    }
    const verdict = await options.crypto
      .verifyMessage({
        fnNumber: container.fnNumber,
        fdNumber: container.fdNumber,
        document: split.document,
        trailer: split.trailer,
      })
      .catch((err: unknown) => {
        if (err instanceof ProtocolError) return { status: 'rejected' as const, reason: err.describe() };
        throw err;
      });
    if (verdict.status === 'rejected') {
      return { kind: 'reject', reason: 'bad_fiscal_sign', detail: verdict.reason };
    }
    let document: FnsJson;
    try {
      document = decodeDocument(split.document, { trailer: split.trailer }) as FnsJson;
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      return confirm(message, RESPONSE.unrecognised, fallbackVersion, 'not-stored', err.describe());
    }
    const name = Object.keys(document)[0] ?? '';
    const fields = document[name] ?? {};
    // The signs cover the document, not the headers: the headers' FN and FD
    // must be the document's own, or a replayed document could take another
    // FD number's place (and that document would then count as a duplicate).
    const docFn = fields[jsonNameFor(TAG_FN, split.code)];
    const docFd = fields[jsonNameFor(TAG_FD, split.code)];
    if (
      (docFn !== undefined && docFn !== container.fnNumber) ||
      (docFd !== undefined && docFd !== container.fdNumber)
    ) {
      return {
        kind: 'reject',
        reason: 'header_mismatch',
        detail: `headers say FN ${container.fnNumber} FD ${container.fdNumber}, the document ${String(docFn)} / ${String(docFd)}`,
      };
    }
    const versionCode = fields[jsonNameFor(TAG_FFD_VERSION, split.code)];
    const ffdVersion =
      (typeof versionCode === 'number' && ffdVersionFromCode(versionCode)) || fallbackVersion;
    const violations = checkDocument(document as Parameters<typeof checkDocument>[0], { ffdVersion });
    const stored = await options
      .commit({
        raw: message.raw,
        fnNumber: container.fnNumber,
        fdNumber: container.fdNumber,
        formCode: split.code,
        document,
        flkViolations: violations,
        cryptoStatus: verdict.status,
        receivedAt,
      })
      .catch((err: unknown) => err as Error);
    if (stored instanceof Error) {
      return { kind: 'reject', reason: 'commit_failed', detail: stored.message };
    }
    const errors = violations.filter((v) => v.severity === 'error');
    return errors.length > 0
      ? confirm(
          message,
          RESPONSE.flkFailed,
          ffdVersion,
          stored,
          errors.map((v) => `${v.tag} ${v.rule}: ${v.message}`).join('; '),
        )
      : confirm(message, RESPONSE.accepted, ffdVersion, stored);
  }

  // Whatever escapes the pipeline (a bug, a crypto box failure) refuses the
  // message: it is then neither confirmed nor allowed to break the session.
  return (message, receivedAt) =>
    pipeline(message, receivedAt).catch(
      (err: unknown): MessageOutcome => ({
        kind: 'reject',
        reason: 'internal',
        detail: (err as Error)?.stack ?? String(err),
      }),
    );
}
