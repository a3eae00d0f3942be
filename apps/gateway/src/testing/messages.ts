import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  appendTopLevelTlv,
  decodeDocument,
  decodeMessage,
  deriveDriveKey,
  encodeDocument,
  encodeMessage,
  type FnsDocument,
  signDocument,
  splitDocument,
} from '@openofd/protocol';

// <repo>/../shared, wherever the repo is cloned (notes: CI puts shared/ beside it).
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const vector = JSON.parse(
  readFileSync(`${repoRoot}../shared/vectors/full_message_reregistration_report.json`, 'utf8'),
) as { hex: string };

/** The real 466-byte KKT→OFD message (doc 11, ФФД 1.05, FN 9999078900005488, FD 1). */
export const GOLDEN = Uint8Array.from(Buffer.from(vector.hex, 'hex'));
export const GOLDEN_FN = '9999078900005488';

const golden = decodeMessage(GOLDEN);
const goldenSplit = splitDocument(golden.body);
const FPD_TAG = 1077;
const goldenFpd = (() => {
  // The original 6 ФПД bytes, to keep unsigned variants realistic.
  const doc = goldenSplit.document;
  for (let at = 4; at + 4 <= doc.length; ) {
    const tag = doc[at]! | (doc[at + 1]! << 8);
    const len = doc[at + 2]! | (doc[at + 3]! << 8);
    if (tag === FPD_TAG) return doc.slice(at + 4, at + 4 + len);
    at += 4 + len;
  }
  throw new Error('golden document has no 1077');
})();

export interface MessageSpec {
  fn?: string;
  fd: number;
  /** Sign with the emulated drive key from this master key (else keep the golden trailer). */
  masterKey?: string;
  /** Edit the document's fields before encoding. */
  edit?: (fields: Record<string, unknown>) => void;
}

/** A variant of the golden message for another FN/FD, re-encoded and optionally signed. */
export function buildMessage(spec: MessageSpec): Uint8Array {
  const fn = spec.fn ?? GOLDEN_FN;
  const doc = decodeDocument(goldenSplit.document) as FnsDocument;
  const fields = doc.fiscalReportCorrection as Record<string, unknown>;
  for (const k of ['rawData', 'messageFiscalSign', 'fiscalSign']) delete fields[k];
  fields.fiscalDriveNumber = fn;
  fields.fiscalDocumentNumber = spec.fd;
  spec.edit?.(fields);
  const unsigned = encodeDocument(doc);
  let body: Uint8Array;
  if (spec.masterKey !== undefined) {
    const { document, trailer } = signDocument(deriveDriveKey(spec.masterKey, fn), unsigned);
    body = concat(document, trailer);
  } else {
    body = concat(appendTopLevelTlv(unsigned, FPD_TAG, goldenFpd), goldenSplit.trailer);
  }
  return encodeMessage({
    aVersion: golden.session.aVersion,
    fnNumber: fn,
    documentType: 11,
    fdNumber: spec.fd,
    service1: golden.container.service1,
    service2: golden.container.service2,
    body,
  });
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
