// One pass over every field value of a document (array elements one by one,
// STLV objects entered) for the two rules that look at every depth: INN
// checksums (§3.2) and enumerated values. Hot path of the gateway: names are
// resolved through tables built once at load, and tag paths and JSON pointers
// are only built for the rare value that breaks a rule.
import type { FnsFields, FnsValue } from '../documents/types.js';
import { innProblem } from '../identifiers/inn.js';
import { allTags, tagForJsonName } from '../registry/registry.js';
import { TAG_ENUMS } from './enums.generated.js';
import { tagLabel } from './fields.js';
import { INN_ERROR_TAGS } from './rules-table.js';
import type { FlkContext, FlkViolation } from './types.js';

export interface ScanResult {
  inn: FlkViolation[];
  enum: FlkViolation[];
}

const MAX_TAG = 0xffff;
const NO_PARENT = -1;
/** Keys that are not tags at any depth (§2.6). */
const NOT_TAGS: ReadonlySet<string> = new Set(['code', 'rawData', 'messageFiscalSign']);

/**
 * name → tag (−1: not a tag) as tagForJsonName resolves names of the tag table
 * (FNS names and aliases) and reserved keys: one table for parents without
 * names of their own, one per parent that gives tags its own names (§2.1).
 * Other keys (`tag1234`, numbers) go to tagForJsonName itself.
 */
const BASE_NAMES = new Map<string, number>();
const PARENT_NAMES = new Map<number, Map<string, number>>();
for (const t of allTags()) {
  for (const name of [t.json, ...t.aliases]) BASE_NAMES.set(name, tagForJsonName(name, NO_PARENT) ?? -1);
  for (const p of Object.keys(t.parents)) PARENT_NAMES.set(Number(p), new Map());
}
for (const key of NOT_TAGS) BASE_NAMES.set(key, -1);
for (const [parent, names] of PARENT_NAMES) {
  for (const [name] of BASE_NAMES) names.set(name, tagForJsonName(name, parent) ?? -1);
  for (const t of allTags()) {
    const own = t.parents[parent];
    if (own !== undefined) names.set(own, tagForJsonName(own, parent) ?? -1);
  }
  for (const key of NOT_TAGS) names.set(key, -1);
}

function tagOf(key: string, names: Map<string, number>, parent: number): number {
  const known = names.get(key);
  if (known !== undefined) return known;
  return tagForJsonName(key, parent) ?? -1;
}

/** tagOf for tests: must agree with the registry for every name and parent. */
export function tagOfKey(key: string, parent: number): number {
  return tagOf(key, PARENT_NAMES.get(parent) ?? BASE_NAMES, parent);
}

const KIND_INN = 1;
const KIND_ENUM = 2;
const KIND = new Uint8Array(MAX_TAG + 1);
for (const t of allTags()) if (t.normalize === 'inn') KIND[t.tag]! |= KIND_INN;

interface EnumCheck {
  bitmask: boolean;
  /** Bitmask tags: the union of the allowed flags, as the int32 that `|` gives. */
  mask: number;
  values: readonly number[];
}
const ENUMS: (EnumCheck | undefined)[] = new Array<EnumCheck | undefined>(MAX_TAG + 1).fill(undefined);
for (const [t, e] of Object.entries(TAG_ENUMS)) {
  const tag = Number(t);
  ENUMS[tag] = { bitmask: e.bitmask, mask: e.values.reduce((m, v) => m | v, 0), values: e.values };
  KIND[tag]! |= KIND_ENUM;
}

function enumAllowed(e: EnumCheck, value: number): boolean {
  return e.bitmask ? (value & ~e.mask) === 0 : e.values.includes(value);
}

/** Where the walk is: per depth, the tag, JSON key and array index (−1 when not in an array). */
interface Trail {
  tags: number[];
  keys: string[];
  indexes: number[];
  depth: number;
}

function pathOf(ctx: FlkContext, trail: Trail): number[] {
  const path = [ctx.form];
  for (let d = 0; d < trail.depth; d++) path.push(trail.tags[d]!);
  return path;
}

function pointerOf(ctx: FlkContext, trail: Trail): string {
  let pointer = ctx.docName;
  for (let d = 0; d < trail.depth; d++) {
    const i = trail.indexes[d]!;
    pointer += i < 0 ? `.${trail.keys[d]}` : `.${trail.keys[d]}[${i}]`;
  }
  return pointer;
}

function checkValue(ctx: FlkContext, trail: Trail, tag: number, value: FnsValue, out: ScanResult): void {
  const kind = KIND[tag]!;
  if (kind & KIND_INN && typeof value === 'string') {
    const problem = innProblem(value.trim());
    if (problem !== null) {
      const path = pathOf(ctx, trail);
      const severity = INN_ERROR_TAGS.has(tag) && path.length === 2 ? 'error' : 'warning';
      const message =
        problem === 'format'
          ? `ИНН «${value}» в реквизите ${tagLabel(tag)} должен состоять из 10 или 12 цифр`
          : `ИНН ${value} в реквизите ${tagLabel(tag)} не проходит проверку контрольных цифр`;
      out.inn.push({ tag, path, pointer: pointerOf(ctx, trail), rule: 'inn', severity, message });
    }
  }
  if (kind & KIND_ENUM && typeof value === 'number') {
    const e = ENUMS[tag]!;
    if (!enumAllowed(e, value)) {
      const message = e.bitmask
        ? `Значение ${value} реквизита ${tagLabel(tag)} содержит недопустимые признаки; допустимы сочетания ${e.values.join(', ')}`
        : `Недопустимое значение ${value} реквизита ${tagLabel(tag)}; допустимые значения: ${e.values.join(', ')}`;
      out.enum.push({
        tag,
        path: pathOf(ctx, trail),
        pointer: pointerOf(ctx, trail),
        rule: 'enum',
        severity: 'error',
        message,
      });
    }
  }
}

function visit(ctx: FlkContext, trail: Trail, tag: number, value: FnsValue, out: ScanResult): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) scan(ctx, trail, value, tag, out);
  else if (KIND[tag] !== 0) checkValue(ctx, trail, tag, value, out);
}

function scan(ctx: FlkContext, trail: Trail, fields: FnsFields, parent: number, out: ScanResult): void {
  const names = PARENT_NAMES.get(parent) ?? BASE_NAMES;
  const d = trail.depth++;
  for (const key of Object.keys(fields)) {
    const tag = tagOf(key, names, parent);
    if (tag < 0) continue;
    const value = fields[key]!;
    trail.tags[d] = tag;
    trail.keys[d] = key;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        trail.indexes[d] = i;
        visit(ctx, trail, tag, value[i]!, out);
      }
    } else {
      trail.indexes[d] = -1;
      visit(ctx, trail, tag, value, out);
    }
  }
  trail.depth = d;
}

/** INN and enum violations of the whole document, each list in field order. */
export function scanFields(ctx: FlkContext): ScanResult {
  const out: ScanResult = { inn: [], enum: [] };
  scan(ctx, { tags: [], keys: [], indexes: [], depth: 0 }, ctx.fields, ctx.form, out);
  return out;
}
