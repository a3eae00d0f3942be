import type { IngestDocumentInput } from '../documents/ingest-documents.js';

/** Register-local seconds for 'YYYY-MM-DDTHH:MM:SS' (local time written as UTC, protocol.md §2.2). */
export function localSeconds(isoLocal: string): number {
  return Date.parse(`${isoLocal}Z`) / 1000;
}

export interface ReceiptSpec {
  fn?: string;
  fd: number;
  rnm?: string;
  userInn?: string;
  docTime?: string;
  receivedAt?: Date;
  cash?: number;
  ecash?: number;
  buyer?: string;
  shift?: number;
  cashier?: string;
}

const DEFAULT_FN = '9999078900000001';

function rawFor(fn: string, fd: number): Uint8Array {
  // Distinct, recognisable bytes per document; the store must keep them verbatim.
  const text = `raw:${fn}:${fd}:\u0000\u00ff`;
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
}

/** A ФФД 1.2 receipt (form 3) as the gateway would hand it to ingestDocuments. */
export function receiptInput(spec: ReceiptSpec): IngestDocumentInput {
  const fn = spec.fn ?? DEFAULT_FN;
  const cash = spec.cash ?? 10000;
  const ecash = spec.ecash ?? 0;
  const fields: Record<string, unknown> = {
    code: 3,
    fiscalDriveNumber: fn,
    fiscalDocumentNumber: spec.fd,
    dateTime: localSeconds(spec.docTime ?? '2026-12-04T10:00:00'),
    userInn: spec.userInn ?? '7702203276',
    kktRegId: spec.rnm ?? '0000000005008570',
    kktNumber: '000000000002',
    user: 'ООО Ромашка',
    retailPlaceAddress: 'г. Москва, ул. Тверская, 1',
    shiftNumber: spec.shift ?? 1,
    operationType: 1,
    totalSum: cash + ecash,
    cashTotalSum: cash,
    ecashTotalSum: ecash,
    prepaidSum: 0,
    creditSum: 0,
    provisionSum: 0,
    operator: spec.cashier ?? 'Иванова А.',
    fiscalSign: 2853205313,
    fiscalDocumentFormatVer: 4,
  };
  if (spec.buyer !== undefined) fields.buyerPhoneOrAddress = spec.buyer;
  return {
    raw: rawFor(fn, spec.fd),
    fnNumber: fn,
    fdNumber: spec.fd,
    formCode: 3,
    document: { receipt: fields },
    flkViolations: [],
    cryptoStatus: 'verified',
    receivedAt: spec.receivedAt ?? new Date(),
  };
}

/** A shift-close report (form 5) carrying the drive's backlog and key resource. */
export function closeShiftInput(spec: {
  fn?: string;
  fd: number;
  docTime: string;
  backlog: number;
  backlogOldest?: string;
  backlogFirstFd?: number;
  keyResourceDays?: number;
  receivedAt?: Date;
}): IngestDocumentInput {
  const fn = spec.fn ?? DEFAULT_FN;
  const fields: Record<string, unknown> = {
    code: 5,
    fiscalDriveNumber: fn,
    fiscalDocumentNumber: spec.fd,
    dateTime: localSeconds(spec.docTime),
    userInn: '7702203276',
    kktRegId: '0000000005008570',
    shiftNumber: 1,
    notTransmittedDocumentsQuantity: spec.backlog,
    fiscalDocumentFormatVer: 4,
  };
  if (spec.backlogOldest !== undefined) {
    fields.notTransmittedDocumentsDateTime = localSeconds(spec.backlogOldest);
  }
  if (spec.backlogFirstFd !== undefined) fields.notTransmittedDocumentNumber = spec.backlogFirstFd;
  if (spec.keyResourceDays !== undefined) fields.fdKeyResource = spec.keyResourceDays;
  return {
    raw: rawFor(fn, spec.fd),
    fnNumber: fn,
    fdNumber: spec.fd,
    formCode: 5,
    document: { closeShift: fields },
    flkViolations: [],
    cryptoStatus: 'unverified',
    receivedAt: spec.receivedAt ?? new Date(),
  };
}
