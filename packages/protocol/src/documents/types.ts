/** The FNS JSON shape of documents (protocol.md §2.6). */

/** A field value: integers and decimals as numbers (very large VLNs as decimal strings), text, STLV objects, arrays for repeated tags. */
export type FnsValue = string | number | FnsFields | FnsValue[];

export interface FnsFields {
  [key: string]: FnsValue;
}

/** Exactly one key: the document's JSON name (`{"receipt": {...}}`), or its form code in the tag-keyed shape. */
export type FnsDocument = Record<string, FnsFields>;

/** Nesting limit of STLVs, the document itself being level 1 (real documents use at most 4). */
export const MAX_DEPTH = 8;

/** Top-level keys that are not tags (protocol.md §2.6). */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['code', 'rawData', 'messageFiscalSign']);
