import type { FnsFields } from '../documents/types.js';
import type { FfdVersion } from '../tags.js';
import type { ScanResult } from './scan-fields.js';

/**
 * `error`: the document breaks the format-logic control of the ФФД (a real
 * ОФД would answer with ФЛК error flags); `warning`: suspicious but met in
 * real documents (e.g. a cashier INN with a wrong check digit, §3.2).
 */
export type FlkSeverity = 'error' | 'warning';

export interface FlkViolation {
  /** The tag at fault (the form code for document-level problems). */
  tag: number;
  /** Tag chain from the form code down to `tag`, e.g. [3, 1059, 1043]. */
  path: number[];
  /** JSON location for the cabinet, e.g. `receipt.items[2].sum`. */
  pointer: string;
  /** Stable rule identifier, e.g. `required`, `item-sum`, `enum`. */
  rule: string;
  severity: FlkSeverity;
  /** Russian text for the cabinet. */
  message: string;
}

export interface FlkOptions {
  /** Version to check against when the document carries no 1209 (e.g. the register's 1189). */
  ffdVersion?: FfdVersion;
  /** Clock for the "not in the future" check, unix milliseconds (default Date.now()). */
  now?: number;
}

/** What a value rule sees: the document's fields, form and version. */
export interface FlkContext {
  form: number;
  /** JSON name of the document (`receipt`). */
  docName: string;
  version: FfdVersion;
  fields: FnsFields;
  now: number;
  /** INN and enum findings of the one walk over all fields, once a rule asked for them. */
  scanned?: ScanResult;
}
