/**
 * FNS JSON → document TLV (protocol.md §2.1, §2.2, §2.6), the inverse of
 * decode.ts: `decodeDocument(encodeDocument(x))` equals x apart from
 * `rawData` and `messageFiscalSign` (the encoder writes no trailer).
 * Accepts FNS names, `tag<number>` keys and bare tag numbers.
 */
import { ProtocolError } from '../errors.js';
import { documentByCode, documentByName, getTag, tagForJsonName } from '../registry/registry.js';
import type { DocumentDef, TagDef } from '../tags.js';
import { decodeBase64 } from '../tlv/base64.js';
import { encodeCp866 } from '../tlv/cp866.js';
import { encodeFpd, encodeFvln, encodeUint, encodeVln } from '../tlv/values.js';
import { TlvWriter } from '../tlv/writer.js';
import { type FnsDocument, type FnsFields, MAX_DEPTH, RESERVED_KEYS } from './types.js';

const UINT_WIDTH: Partial<Record<TagDef['kind'], number>> = { byte: 1, u16: 2, u32: 4, unixtime: 4 };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function bad(message: string, w: TlvWriter, path: readonly number[]): never {
  throw new ProtocolError('BAD_JSON', message, w.length, path);
}

function stringBytes(def: TagDef, value: string): Uint8Array {
  const text =
    def.padding === 'spaces-right' && def.fixedLength !== null ? value.padEnd(def.fixedLength, ' ') : value;
  return encodeCp866(text);
}

/** Value bytes of one scalar (non-STLV) field. */
function scalarBytes(def: TagDef | undefined, key: string, value: unknown): Uint8Array | string {
  if (def === undefined)
    return typeof value === 'string' ? decodeBase64(value) : 'a base64 string (unknown tag)';
  const width = UINT_WIDTH[def.kind];
  if (width !== undefined) return typeof value === 'number' ? encodeUint(value, width) : 'an integer';
  switch (def.kind) {
    case 'vln':
      return typeof value === 'number' || typeof value === 'string'
        ? encodeVln(value, def.maxLength)
        : 'an integer (kopecks)';
    case 'fvln':
      return typeof value === 'number' || typeof value === 'string'
        ? encodeFvln(value, def.maxLength)
        : 'a decimal number';
    case 'string':
      return typeof value === 'string' ? stringBytes(def, value) : 'a string';
    case 'bytes':
      return typeof value === 'string' ? decodeBase64(value) : 'a base64 string';
    case 'fpd':
      return typeof value === 'number' ? encodeFpd(value) : 'the printed fiscal sign (a number)';
    default:
      return `a value of ${key}`;
  }
}

function encodeOne(
  w: TlvWriter,
  tag: number,
  key: string,
  value: unknown,
  depth: number,
  path: number[],
): void {
  const def = getTag(tag);
  const at = w.length;
  if (def?.kind === 'stlv') {
    if (!isObject(value)) bad(`${key} must be an object`, w, [...path, tag]);
    if (depth >= MAX_DEPTH) {
      throw new ProtocolError('NESTING_TOO_DEEP', `STLV nesting exceeds ${MAX_DEPTH} levels`, at, [
        ...path,
        tag,
      ]);
    }
    const mark = w.begin(tag);
    path.push(tag);
    encodeFields(w, value, tag, depth + 1, path);
    path.pop();
    const len = w.end(mark);
    if (len > def.maxLength) {
      throw new ProtocolError('VALUE_TOO_LONG', `${key}: ${len} bytes exceed ${def.maxLength}`, at, [
        ...path,
        tag,
      ]);
    }
    return;
  }
  let bytes: Uint8Array | string;
  try {
    bytes = scalarBytes(def, key, value);
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    throw new ProtocolError(e.code, `${key}: ${e.message}`, at, [...path, tag]);
  }
  if (typeof bytes === 'string') bad(`${key} must be ${bytes}`, w, [...path, tag]);
  const max = def?.maxLength ?? 0xffff;
  if (bytes.length > max) {
    throw new ProtocolError('VALUE_TOO_LONG', `${key}: ${bytes.length} bytes exceed ${max}`, at, [
      ...path,
      tag,
    ]);
  }
  w.tlv(tag, bytes);
}

function encodeFields(
  w: TlvWriter,
  fields: Record<string, unknown>,
  parent: number,
  depth: number,
  path: number[],
): void {
  for (const key of Object.keys(fields)) {
    if (depth === 1 && RESERVED_KEYS.has(key)) continue;
    const value = fields[key];
    if (value === undefined) continue;
    const tag = tagForJsonName(key, parent);
    if (tag === undefined) bad(`unknown field "${key}"`, w, path);
    if (Array.isArray(value)) for (const item of value) encodeOne(w, tag, key, item, depth, path);
    else encodeOne(w, tag, key, value, depth, path);
  }
}

function documentOf(name: string): DocumentDef | undefined {
  return documentByName(name) ?? (/^\d{1,3}$/.test(name) ? documentByCode(Number(name)) : undefined);
}

/** `{ "<docName>": { ...fields } }` → the document TLV (no trailer). Throws ProtocolError (BAD_JSON, …). */
export function encodeDocument(doc: FnsDocument): Uint8Array {
  const w = new TlvWriter();
  if (!isObject(doc)) bad('a document must be an object {"<docName>": {...}}', w, []);
  const keys = Object.keys(doc);
  if (keys.length !== 1) bad(`a document must have exactly one key, got ${keys.length}`, w, []);
  const name = keys[0] as string;
  const def = documentOf(name);
  if (def === undefined) throw new ProtocolError('UNKNOWN_DOCUMENT', `"${name}" is not a document name`, 0);
  const fields: unknown = doc[name];
  if (!isObject(fields)) bad(`${name} must be an object`, w, [def.code]);
  if (fields.code !== undefined && fields.code !== def.code) {
    bad(`code ${String(fields.code)} does not match ${name} (${def.code})`, w, [def.code]);
  }
  const mark = w.begin(def.code);
  encodeFields(w, fields, def.code, 1, [def.code]);
  const len = w.end(mark);
  if (len > def.maxLength) {
    throw new ProtocolError('VALUE_TOO_LONG', `document of ${len} bytes exceeds ${def.maxLength}`, 0, [
      def.code,
    ]);
  }
  return w.finish();
}

/** Tag-keyed (or named) STLV children → TLV bytes, as inside `parent`. */
export function encodeStlv(fields: FnsFields, parent = -1): Uint8Array {
  const w = new TlvWriter();
  encodeFields(w, fields, parent, 2, []);
  return w.finish();
}
