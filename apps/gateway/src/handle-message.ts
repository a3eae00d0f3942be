import type {
  FiscalCrypto,
  FnsJson,
  IngestDocumentInput,
  IngestOutcome,
  MessageVerdict,
} from '@openofd/core';
import {
  type ConfirmationDraft,
  checkDocument,
  decodeDocument,
  draftConfirmationReply,
  type FfdVersion,
  ffdVersionFromCode,
  jsonNameFor,
  ProtocolError,
  type SplitDocument,
  sealConfirmationReply,
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

/** Never rejects: every failure is an outcome. */
export type MessageHandler = (message: WireMessage, receivedAt: Date) => Promise<MessageOutcome>;

const TAG_FFD_VERSION = 1209;
const TAG_FN = 1041;
const TAG_FD = 1040;

type Stored = IngestOutcome | 'not-stored';

/** JSON names of the tags the handler reads, per form code (the registry lookups once per form). */
interface FormNames {
  fn: string;
  fd: string;
  version: string;
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return value instanceof Promise;
}

function internal(err: unknown): MessageOutcome {
  return { kind: 'reject', reason: 'internal', detail: (err as Error)?.stack ?? String(err) };
}

/**
 * The per-message pipeline after framing (frame and CRC are checked by the
 * FrameDecoder): fiscal signs → decode → ФЛК → durable commit → confirmation.
 * Never rejects: every failure is an outcome.
 *
 * Synchronous up to the commit when the crypto answers synchronously (the
 * emulated one does): the only promises per message are the commit's and
 * one continuation; an asynchronous crypto box (an HSM) is awaited where it answers.
 */
export function createMessageHandler(options: MessageHandlerOptions): MessageHandler {
  const { crypto, commit, ofdInn } = options;
  const now = options.now;
  const fallbackVersion = options.defaultFfdVersion ?? '1.05';
  const namesByForm: (FormNames | undefined)[] = [];

  function formNames(code: number): FormNames {
    let names = namesByForm[code];
    if (names === undefined) {
      names = {
        fn: jsonNameFor(TAG_FN, code),
        fd: jsonNameFor(TAG_FD, code),
        version: jsonNameFor(TAG_FFD_VERSION, code),
      };
      namesByForm[code] = names;
    }
    return names;
  }

  function confirm(
    message: WireMessage,
    code: number,
    ffdVersion: FfdVersion,
    stored: Stored,
    detail?: string,
  ): MessageOutcome | Promise<MessageOutcome> {
    try {
      const { fnNumber, fdNumber } = message.container;
      // The reply frame is written once; the ФПО signs its confirmation TLV in place.
      const draft = draftConfirmationReply(message, {
        ofdInn,
        fnNumber,
        fdNumber,
        dateTime: Math.floor((now ? now().getTime() : Date.now()) / 1000),
        responseCode: code,
        ffdVersion,
      });
      const fpo = crypto.operatorSign({ fnNumber, fdNumber, confirmation: draft.unsigned });
      if (isPromise(fpo)) {
        return fpo.then((sign) => answer(message, draft, sign, code, stored, detail), internal);
      }
      return answer(message, draft, fpo, code, stored, detail);
    } catch (err) {
      return internal(err);
    }
  }

  function answer(
    message: WireMessage,
    draft: ConfirmationDraft,
    fpo: Uint8Array | undefined,
    code: number,
    stored: Stored,
    detail: string | undefined,
  ): MessageOutcome {
    try {
      const reply = sealConfirmationReply(draft, fpo);
      const { fnNumber, fdNumber } = message.container;
      return detail === undefined
        ? { kind: 'confirm', reply, code, stored, fnNumber, fdNumber }
        : { kind: 'confirm', reply, code, stored, fnNumber, fdNumber, detail };
    } catch (err) {
      return internal(err);
    }
  }

  function verified(
    message: WireMessage,
    receivedAt: Date,
    split: SplitDocument,
    verdict: MessageVerdict,
  ): MessageOutcome | Promise<MessageOutcome> {
    if (verdict.status === 'rejected') {
      return { kind: 'reject', reason: 'bad_fiscal_sign', detail: verdict.reason };
    }
    const { container } = message;
    let document: FnsJson;
    try {
      document = decodeDocument(split.document, { trailer: split.trailer }) as FnsJson;
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      return confirm(message, RESPONSE.unrecognised, fallbackVersion, 'not-stored', err.describe());
    }
    let fields: Record<string, unknown> = {};
    for (const name in document) {
      fields = document[name] ?? {};
      break;
    }
    const names = formNames(split.code);
    // The signs cover the document, not the headers: the headers' FN and FD
    // must be the document's own, or a replayed document could take another
    // FD number's place (and that document would then count as a duplicate).
    const docFn = fields[names.fn];
    const docFd = fields[names.fd];
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
    const versionCode = fields[names.version];
    const ffdVersion =
      (typeof versionCode === 'number' && ffdVersionFromCode(versionCode)) || fallbackVersion;
    const violations = checkDocument(document as Parameters<typeof checkDocument>[0], { ffdVersion });
    return commit({
      raw: message.raw,
      fnNumber: container.fnNumber,
      fdNumber: container.fdNumber,
      formCode: split.code,
      document,
      flkViolations: violations,
      cryptoStatus: verdict.status,
      receivedAt,
    }).then(
      (stored) => {
        let errors: string | undefined;
        for (const v of violations) {
          if (v.severity !== 'error') continue;
          const line = `${v.tag} ${v.rule}: ${v.message}`;
          errors = errors === undefined ? line : `${errors}; ${line}`;
        }
        return errors === undefined
          ? confirm(message, RESPONSE.accepted, ffdVersion, stored)
          : confirm(message, RESPONSE.flkFailed, ffdVersion, stored, errors);
      },
      (err: unknown): MessageOutcome => ({
        kind: 'reject',
        reason: 'commit_failed',
        detail: (err as Error)?.message ?? String(err),
      }),
    );
  }

  function pipeline(message: WireMessage, receivedAt: Date): MessageOutcome | Promise<MessageOutcome> {
    // The container's FN (written by the drive, covered by its CRC and signs) is
    // authoritative; the session header's copy is the register's, and the reply
    // goes back under it (protocol.md §1.6), so it must name the same drive.
    const { container } = message;
    if (message.session.fnNumber !== container.fnNumber) {
      return {
        kind: 'reject',
        reason: 'header_mismatch',
        detail: `session header says FN ${message.session.fnNumber}, the container ${container.fnNumber}`,
      };
    }
    let split: SplitDocument;
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
    let verdict: MessageVerdict | Promise<MessageVerdict>;
    try {
      verdict = crypto.verifyMessage({
        fnNumber: container.fnNumber,
        fdNumber: container.fdNumber,
        document: split.document,
        trailer: split.trailer,
      });
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      verdict = { status: 'rejected', reason: err.describe() };
    }
    if (isPromise(verdict)) {
      return verdict
        .catch((err: unknown): MessageVerdict => {
          if (err instanceof ProtocolError) return { status: 'rejected', reason: err.describe() };
          throw err;
        })
        .then((v) => verified(message, receivedAt, split, v))
        .catch(internal);
    }
    return verified(message, receivedAt, split, verdict);
  }

  // Whatever escapes the pipeline (a bug, a crypto box failure) refuses the
  // message: it is then neither confirmed nor allowed to break the session.
  return (message, receivedAt) => {
    let outcome: MessageOutcome | Promise<MessageOutcome>;
    try {
      outcome = pipeline(message, receivedAt);
    } catch (err) {
      outcome = internal(err);
    }
    return isPromise(outcome) ? outcome : Promise.resolve(outcome);
  };
}
