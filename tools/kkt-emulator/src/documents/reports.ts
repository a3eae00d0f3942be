// Registration report (1), shift open (2), shift close (5) and current state
// report (21), ФФД 1.2, FNS JSON shape.
import type { FnsDocument, FnsFields } from '@openofd/protocol';
import type { Cashier, RegisterProfile } from '../organizations.js';

/** 1188: the emulated register's firmware version (≤ 8 characters). */
export const KKT_VERSION = '1.2.0';
/** 1189/1190/1209: ФФД 1.2. */
const FFD_12 = 4;

export interface ReportBase {
  profile: RegisterProfile;
  dateTime: number;
  fdNumber: number;
  cashier: Cashier;
}

/** 1097/1098/1116: what the drive has not had confirmed (a real ФН reports its queue). */
export interface Backlog {
  count: number;
  /** Local time of the oldest unconfirmed document. */
  firstDateTime: number;
  firstNumber: number;
}

function base(b: ReportBase): FnsFields {
  return {
    user: b.profile.organization.name,
    userInn: b.profile.organization.inn,
    dateTime: b.dateTime,
    fiscalDocumentNumber: b.fdNumber,
    fiscalDriveNumber: b.profile.fnNumber,
    kktRegId: b.profile.rnm,
    operator: b.cashier.name,
    operatorInn: b.cashier.inn,
    retailPlaceAddress: b.profile.address,
    retailPlace: b.profile.place,
  };
}

function backlogFields(backlog: Backlog): FnsFields {
  const out: FnsFields = { notTransmittedDocumentsQuantity: backlog.count };
  if (backlog.count > 0) {
    out.notTransmittedDocumentsDateTime = backlog.firstDateTime;
    out.notTransmittedDocumentNumber = backlog.firstNumber;
  }
  return out;
}

export function buildRegistrationReport(
  b: ReportBase & { ofdInn: string; ofdName: string; keyResourceDays: number },
): FnsDocument {
  const org = b.profile.organization;
  return {
    fiscalReport: {
      ...base(b),
      kktNumber: b.profile.serial,
      taxationType: org.taxationTypes,
      encryptionSign: 0,
      autoMode: 0,
      offlineMode: 0,
      internetSign: 0,
      serviceSign: 0,
      bsoSign: 0,
      kktVersion: KKT_VERSION,
      documentKktVersion: FFD_12,
      documentFdVersion: FFD_12,
      fiscalDocumentFormatVer: FFD_12,
      ofdInn: b.ofdInn,
      ofdName: b.ofdName,
      fnsUrl: 'www.nalog.gov.ru',
      sellerAddress: org.email,
      usageConditionSigns: 0,
      fdKeyResource: b.keyResourceDays,
    },
  };
}

export function buildOpenShift(
  b: ReportBase & { shiftNumber: number; keyResourceDays: number },
): FnsDocument {
  return {
    openShift: {
      ...base(b),
      shiftNumber: b.shiftNumber,
      kktVersion: KKT_VERSION,
      documentKktVersion: FFD_12,
      fiscalDocumentFormatVer: FFD_12,
      fdKeyResource: b.keyResourceDays,
    },
  };
}

export function buildCloseShift(
  b: ReportBase & {
    shiftNumber: number;
    documentsInShift: number;
    receiptsInShift: number;
    backlog: Backlog;
    shiftCounters: FnsFields;
    driveCounters: FnsFields;
    keyResourceDays: number;
  },
): FnsDocument {
  return {
    closeShift: {
      ...base(b),
      shiftNumber: b.shiftNumber,
      documentsQuantity: b.documentsInShift,
      receiptQuantity: b.receiptsInShift,
      ...backlogFields(b.backlog),
      shiftSumReports: b.shiftCounters,
      fiscalDriveSumReports: b.driveCounters,
      fiscalDocumentFormatVer: FFD_12,
      fdKeyResource: b.keyResourceDays,
    },
  };
}

export function buildStateReport(
  b: ReportBase & {
    shiftNumber: number;
    backlog: Backlog;
    driveCounters: FnsFields;
    keyResourceDays: number;
  },
): FnsDocument {
  const fields = base(b);
  // The state report carries no cashier (it can be printed without one).
  delete fields.operator;
  delete fields.operatorInn;
  return {
    currentStateReport: {
      ...fields,
      shiftNumber: b.shiftNumber,
      offlineMode: 0,
      ...backlogFields(b.backlog),
      fiscalDriveSumReports: b.driveCounters,
      fiscalDocumentFormatVer: FFD_12,
      keyResource: b.keyResourceDays,
    },
  };
}
