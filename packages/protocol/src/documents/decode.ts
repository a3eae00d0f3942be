/**
 * Document TLV → FNS JSON (protocol.md §2.1, §2.2, §2.6). One pass over the
 * bytes, no copies except strings; tag facts come from the registry, prebuilt
 * below into a dense array so the hot loop does no map or regex work.
 */
import { ProtocolError } from '../errors.js';
import {
  allDocuments,
  allTags,
  documentByCode,
  getTag,
  jsonNameFor,
  parentNameTable,
} from '../registry/registry.js';
import type { TagKind } from '../tags.js';
import { encodeBase64 } from '../tlv/base64.js';
import { decodeFpd, decodeFvln, decodeMessageFiscalSign, decodeUint, decodeVln } from '../tlv/values.js';
import { beginDocumentText, documentString, endDocumentText } from './document-text.js';
import { type FnsDocument, type FnsFields, type FnsValue, MAX_DEPTH } from './types.js';

const K_UINT = 0;
const K_VLN = 1;
const K_FVLN = 2;
const K_STRING = 3;
const K_BYTES = 4;
const K_FPD = 5;
const K_STLV = 6;
const KIND_CODE: Record<TagKind, number> = {
  byte: K_UINT,
  u16: K_UINT,
  u32: K_UINT,
  unixtime: K_UINT,
  vln: K_VLN,
  fvln: K_FVLN,
  string: K_STRING,
  bytes: K_BYTES,
  fpd: K_FPD,
  stlv: K_STLV,
};
const N_NONE = 0;
const N_TRIM = 1;
const N_INN = 2;

type Setter = (out: FnsFields, value: FnsValue) => void;

interface Entry {
  /** Dense index of a known tag (for the `seen` stamps); -1 for unknown tags. */
  index: number;
  kind: number;
  maxLength: number;
  repeatable: boolean;
  normalize: number;
  /** JSON key under this entry's parent (§2.1: names can depend on the parent). */
  name: string;
  /** Key of the tag-keyed shape. */
  key: string;
  /** Stores `name` on a fields object (see setterFor). */
  set: Setter;
  /** Entries for this STLV's children (its own parent-specific names applied); undefined for non-STLV. */
  children: Entry[] | undefined;
}

const setters = new Map<string, Setter>();

/**
 * A store of one fixed property name. `out[name] = v` at one site with ~300
 * different names is a megamorphic keyed store, and V8 turns an object built
 * by keyed stores into a slow dictionary past ~16 properties (a receipt has
 * ~25): both the decoder and JSON.stringify then slow down. A function per
 * name compiles to a named store with its own inline cache and keeps objects
 * in fast mode. Names come from the registry (escaped by JSON.stringify).
 * Where code generation is forbidden (CSP without 'unsafe-eval') the plain
 * keyed store is used: same result, slower.
 */
function setterFor(name: string): Setter {
  let set = setters.get(name);
  if (set === undefined) {
    try {
      set = new Function('out', 'value', `out[${JSON.stringify(name)}] = value;`) as Setter;
    } catch {
      set = (out, value) => {
        out[name] = value;
      };
    }
    setters.set(name, set);
  }
  return set;
}

/**
 * Tag number → decoding facts with the default names; unknown tags are built
 * on demand (kept as base64 bytes). Pre-filled so V8 keeps it a dense array.
 */
const MAX_TAG = allTags().reduce((m, t) => Math.max(m, t.tag), 0);
const ENTRIES = new Array<Entry | undefined>(MAX_TAG + 1).fill(undefined);
let known = 0;
for (let tag = 0; tag <= MAX_TAG; tag++) {
  const def = getTag(tag);
  if (def === undefined) continue;
  const name = jsonNameFor(tag, -1);
  ENTRIES[tag] = {
    index: known++,
    kind: KIND_CODE[def.kind],
    maxLength: def.maxLength,
    repeatable: def.repeatable,
    normalize: def.normalize === 'inn' ? N_INN : def.normalize === 'trim' ? N_TRIM : N_NONE,
    name,
    key: String(tag),
    set: setterFor(name),
    children: undefined,
  };
}

/**
 * The entry table used inside `parent`: ENTRIES itself, or a copy whose
 * entries carry the parent-specific names, so the hot loop resolves a name
 * with one array index (no per-field map lookup).
 */
function tableFor(parent: number): Entry[] {
  const names = parentNameTable(parent);
  if (names === undefined) return ENTRIES as Entry[];
  const table = ENTRIES.slice();
  for (const [tag, name] of names) {
    const e = table[tag];
    if (e !== undefined) table[tag] = { ...e, name, set: setterFor(name) };
  }
  return table as Entry[];
}

for (const e of ENTRIES) if (e !== undefined && e.kind === K_STLV) e.children = tableFor(Number(e.key));
/** Entry tables of the document level, by form code. */
const DOCUMENT_TABLES: (Entry[] | undefined)[] = [];
for (const d of allDocuments()) DOCUMENT_TABLES[d.code] = tableFor(d.code);
/** Children of an STLV whose tag is unknown, or of a bare fragment: default names. */
const DEFAULT_TABLE = ENTRIES as Entry[];

function unknownEntry(tag: number): Entry {
  return {
    index: -1,
    kind: K_BYTES,
    maxLength: 0xffff,
    repeatable: false,
    normalize: N_NONE,
    name: `tag${tag}`,
    key: String(tag),
    set: setterFor(`tag${tag}`),
    children: undefined,
  };
}

/**
 * "Tag already seen in this STLV?" without reading the output object (a
 * megamorphic keyed load, the decoder's main cost). One row of stamps per
 * nesting depth: only one STLV per depth is being decoded at any time, so a
 * child never overwrites its parent's stamps. A stamp equal to the current
 * call id means "seen"; a stale equal stamp after 2^32 calls only sends that
 * field down the exact (reading) path, so it can never lose data.
 */
const stamps = new Uint32Array((MAX_DEPTH + 1) * known);
let callId = 0;

/** §2.2 normalisation: trim INN and RNM; a 12-char INN starting "00" is a left-padded 10-digit one. */
function normalise(text: string, how: number): string {
  const t = text.trim();
  if (
    how === N_INN &&
    t.length === 12 &&
    t.charCodeAt(0) === 48 &&
    t.charCodeAt(1) === 48 &&
    t !== '000000000000'
  ) {
    return t.slice(2);
  }
  return t;
}

function decodeFields(
  bytes: Uint8Array,
  start: number,
  end: number,
  table: Entry[],
  path: number[],
  byTag: boolean,
  out: FnsFields,
): FnsFields {
  callId = (callId + 1) >>> 0;
  const id = callId;
  const row = path.length * known;
  let p = start;
  while (p < end) {
    if (p + 4 > end) {
      throw new ProtocolError('TRUNCATED', `TLV header needs 4 bytes, ${end - p} left`, p, path.slice());
    }
    const tag = (bytes[p] as number) | ((bytes[p + 1] as number) << 8);
    const len = (bytes[p + 2] as number) | ((bytes[p + 3] as number) << 8);
    const vStart = p + 4;
    const vEnd = vStart + len;
    if (vEnd > end) {
      throw new ProtocolError(
        'LENGTH_OUT_OF_BOUNDS',
        `length ${len} runs ${vEnd - end} byte(s) past the enclosing value`,
        p,
        [...path, tag],
      );
    }
    const e = table[tag] ?? unknownEntry(tag);
    if (len > e.maxLength) {
      throw new ProtocolError('VALUE_TOO_LONG', `${len} bytes exceed the maximum ${e.maxLength}`, p, [
        ...path,
        tag,
      ]);
    }
    let value: FnsValue;
    switch (e.kind) {
      case K_UINT:
        value = decodeUint(bytes, vStart, vEnd);
        break;
      case K_VLN:
        value = decodeVln(bytes, vStart, vEnd);
        break;
      case K_FVLN:
        value = decodeFvln(bytes, vStart, vEnd);
        break;
      case K_STRING:
        value = documentString(bytes, vStart, vEnd);
        if (e.normalize !== N_NONE) value = normalise(value, e.normalize);
        break;
      case K_FPD:
        value = decodeFpd(bytes, vStart, vEnd);
        break;
      case K_STLV:
        if (path.length >= MAX_DEPTH) {
          throw new ProtocolError('NESTING_TOO_DEEP', `STLV nesting exceeds ${MAX_DEPTH} levels`, p, [
            ...path,
            tag,
          ]);
        }
        path.push(tag);
        value = decodeFields(bytes, vStart, vEnd, e.children ?? DEFAULT_TABLE, path, byTag, {});
        path.pop();
        break;
      default:
        value = encodeBase64(bytes.subarray(vStart, vEnd));
    }
    const key = byTag ? e.key : e.name;
    const si = row + e.index;
    if (e.index >= 0 && stamps[si] !== id) {
      stamps[si] = id;
      // Tag-keyed keys are integer-like: element stores, already fast.
      if (byTag) out[key] = e.repeatable ? [value] : value;
      else e.set(out, e.repeatable ? [value] : value);
      p = vEnd;
      continue;
    }
    const prev = out[key];
    if (prev === undefined) out[key] = e.repeatable ? [value] : value;
    else if (e.repeatable) (prev as FnsValue[]).push(value);
    // A non-repeatable tag met twice is kept, as an array, rather than lost.
    else if (Array.isArray(prev)) prev.push(value);
    else out[key] = [prev, value];
    p = vEnd;
  }
  return out;
}

export interface DecodeOptions {
  /** Trailing bytes (ФПС, §1.4) received apart from the document; appended after any in `bytes`. */
  trailer?: Uint8Array;
}

function decodeWith(bytes: Uint8Array, options: DecodeOptions | undefined, byTag: boolean): FnsDocument {
  if (bytes.length < 4) {
    throw new ProtocolError('TRUNCATED', `document TLV header needs 4 bytes, got ${bytes.length}`, 0);
  }
  const code = (bytes[0] as number) | ((bytes[1] as number) << 8);
  const len = (bytes[2] as number) | ((bytes[3] as number) << 8);
  const doc = documentByCode(code);
  if (doc === undefined)
    throw new ProtocolError('UNKNOWN_DOCUMENT', `form code ${code} is not a document`, 0, [code]);
  const end = 4 + len;
  if (end > bytes.length) {
    throw new ProtocolError(
      'LENGTH_OUT_OF_BOUNDS',
      `document length ${len} runs ${end - bytes.length} byte(s) past the end`,
      0,
      [code],
    );
  }
  if (len > doc.maxLength) {
    throw new ProtocolError('VALUE_TOO_LONG', `document of ${len} bytes exceeds ${doc.maxLength}`, 0, [code]);
  }
  beginDocumentText(bytes, end);
  let fields: FnsFields;
  try {
    fields = decodeFields(bytes, 4, end, DOCUMENT_TABLES[code] ?? DEFAULT_TABLE, [code], byTag, { code });
  } finally {
    endDocumentText();
  }
  let raw = bytes;
  if (options?.trailer !== undefined && options.trailer.length > 0) {
    raw = new Uint8Array(bytes.length + options.trailer.length);
    raw.set(bytes);
    raw.set(options.trailer, bytes.length);
  }
  // §2.6: rawData = document TLV + the trailer bytes as received.
  fields.rawData = encodeBase64(raw);
  const mfs = decodeMessageFiscalSign(raw, end); // no subarray: a view costs more than the read
  if (mfs !== undefined) fields.messageFiscalSign = mfs;
  return { [byTag ? String(code) : doc.json]: fields };
}

/** A bare document TLV (maybe followed by its trailer) → `{ "<docName>": { code, ...fields, rawData, messageFiscalSign? } }`. */
export function decodeDocument(bytes: Uint8Array, options?: DecodeOptions): FnsDocument {
  return decodeWith(bytes, options, false);
}

/** As decodeDocument, with tag numbers as keys (`{"3": {"1040": 5, ...}}`). */
export function decodeDocumentTags(bytes: Uint8Array, options?: DecodeOptions): FnsDocument {
  return decodeWith(bytes, options, true);
}

/** The children of an STLV value as tag-keyed JSON (for bare TLV fragments, tests and tools). */
export function decodeStlvTags(bytes: Uint8Array, _parent = -1): FnsFields {
  // Tag-keyed: names (the only thing the parent changes) are not used.
  beginDocumentText(bytes, bytes.length);
  try {
    return decodeFields(bytes, 0, bytes.length, DEFAULT_TABLE, [], true, {});
  } finally {
    endDocumentText();
  }
}
