// fast-check arbitraries of FNS JSON documents generated from the registry:
// for every tag a value valid for its kind and maximum length, STLVs pruned
// to fit their maximum, so encode → decode must give the document back.
import fc from 'fast-check';
import { encodeStlv } from '../src/documents/encode.js';
import type { FnsDocument, FnsFields, FnsValue } from '../src/documents/types.js';
import { allTags, documentByCode, jsonNameFor } from '../src/registry/registry.js';
import type { TagDef } from '../src/tags.js';
import { encodeBase64 } from '../src/tlv/base64.js';
import { decodeCp866 } from '../src/tlv/cp866.js';
import { decodeFvln, encodeVln } from '../src/tlv/values.js';

const CP866_CHARS = Array.from(decodeCp866(Uint8Array.from({ length: 256 }, (_, i) => i)));
const UNKNOWN_TAGS = [999, 3000, 4321, 60000];
const MAX_DEPTH = 3;

const u32 = fc.tuple(fc.nat(0xffff), fc.nat(0xffff)).map(([a, b]) => a * 65536 + b);

function uintOf(bytes: number): fc.Arbitrary<FnsValue> {
  if (bytes >= 4) return u32;
  return fc.nat(2 ** (8 * bytes) - 1);
}

function vln(max: number): fc.Arbitrary<FnsValue> {
  return fc
    .bigInt({ min: 0n, max: 2n ** (8n * BigInt(max)) - 1n })
    .map((b) => (b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b.toString()));
}

/** A decimal that FVLN represents exactly within `max` bytes (≤15 significant digits, §2.2). */
function fvln(max: number): fc.Arbitrary<FnsValue> {
  const top = Math.min(2 ** (8 * (max - 1)) - 1, 10 ** 15 - 1);
  return fc.tuple(fc.nat(6), fc.maxSafeNat()).map(([point, m]) => {
    const mantissa = encodeVln(m % (top + 1));
    return decodeFvln(Uint8Array.from([point, ...mantissa]));
  });
}

function text(def: TagDef): fc.Arbitrary<FnsValue> {
  const s = fc.string({ unit: fc.constantFrom(...CP866_CHARS), maxLength: def.maxLength });
  if (def.normalize === 'none') return s;
  // Normalised text (§2.2) comes back trimmed, and a 12-char INN loses a leading "00".
  return s.map((v) => {
    const t = v.trim();
    return t.length === 12 && t.startsWith('00') ? `1${t.slice(1)}` : t;
  });
}

function scalar(def: TagDef): fc.Arbitrary<FnsValue> {
  switch (def.kind) {
    case 'byte':
      return uintOf(1);
    case 'u16':
      return uintOf(2);
    case 'u32':
    case 'unixtime':
    case 'fpd':
      return uintOf(4);
    case 'vln':
      return vln(def.maxLength);
    case 'fvln':
      return fvln(def.maxLength);
    case 'string':
      return text(def);
    default:
      return fc.uint8Array({ maxLength: Math.min(def.maxLength, 64) }).map(encodeBase64);
  }
}

/** Drops fields from the end until the encoded STLV fits `max` bytes. */
function fit(fields: FnsFields, parent: number, max: number): FnsFields {
  const out = { ...fields };
  const keys = Object.keys(out);
  while (keys.length > 0 && encodeStlv(out, parent).length > max) delete out[keys.pop() as string];
  return out;
}

function fieldValue(tag: number, def: TagDef | undefined, depth: number): fc.Arbitrary<FnsValue> {
  if (def === undefined) return fc.uint8Array({ maxLength: 16 }).map(encodeBase64);
  const one: fc.Arbitrary<FnsValue> =
    def.kind === 'stlv' ? fields(tag, depth + 1).map((f) => fit(f, tag, def.maxLength)) : scalar(def);
  return def.repeatable ? fc.array(one, { minLength: 1, maxLength: 3 }) : one;
}

const TAGS = new Map<number, TagDef | undefined>([
  ...allTags().map((t) => [t.tag, t] as const),
  ...UNKNOWN_TAGS.map((t) => [t, undefined] as const),
]);
const ALL = [...TAGS.keys()];
const LEAVES = ALL.filter((t) => TAGS.get(t)?.kind !== 'stlv');

/** The fields of an STLV (or a document) inside `parent`. */
export function fields(parent: number, depth: number): fc.Arbitrary<FnsFields> {
  const pool = depth >= MAX_DEPTH ? LEAVES : ALL;
  return fc.uniqueArray(fc.constantFrom(...pool), { maxLength: depth === 1 ? 12 : 5 }).chain((tags) =>
    fc.tuple(...tags.map((t) => fieldValue(t, TAGS.get(t), depth))).map((values) => {
      const out: FnsFields = {};
      tags.forEach((t, i) => {
        out[jsonNameFor(t, parent)] = values[i] as FnsValue;
      });
      return out;
    }),
  );
}

/** A document of form `code` in the FNS shape, with `code` set. */
export function documentOf(code: number): fc.Arbitrary<FnsDocument> {
  const def = documentByCode(code);
  if (def === undefined) throw new Error(`no document ${code}`);
  return fields(code, 1).map((f) => ({ [def.json]: { code, ...fit(f, code, def.maxLength) } }));
}
