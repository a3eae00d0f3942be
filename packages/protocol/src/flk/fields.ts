// Reads fields of the FNS JSON shape by tag number (names resolved by parent, §2.1).
import type { FnsFields, FnsValue } from '../documents/types.js';
import { getTag, jsonNameFor } from '../registry/registry.js';

/** parent → names by tag, filled on first use (rules ask for a few fixed tags under forms and 1059). */
const names = new Map<number, (string | undefined)[]>();

function nameOf(tag: number, parent: number): string {
  let byTag = names.get(parent);
  if (byTag === undefined) {
    byTag = [];
    names.set(parent, byTag);
  }
  let name = byTag[tag];
  if (name === undefined) {
    name = jsonNameFor(tag, parent);
    byTag[tag] = name;
  }
  return name;
}

export function field(fields: FnsFields, tag: number, parent: number): FnsValue | undefined {
  return fields[nameOf(tag, parent)];
}

export function numberField(fields: FnsFields, tag: number, parent: number): number | undefined {
  const v = field(fields, tag, parent);
  return typeof v === 'number' ? v : undefined;
}

export function stringField(fields: FnsFields, tag: number, parent: number): string | undefined {
  const v = field(fields, tag, parent);
  return typeof v === 'string' ? v : undefined;
}

/** Items (1059) as objects; a single object is accepted as a one-element list. */
export function items(fields: FnsFields, form: number): FnsFields[] {
  const v = field(fields, 1059, form);
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is FnsFields => typeof x === 'object' && x !== null && !Array.isArray(x));
}

/** «наименование» (тег N), for messages. */
export function tagLabel(tag: number): string {
  const name = getTag(tag)?.nameRu;
  return name ? `«${name}» (тег ${tag})` : `тег ${tag}`;
}

export function rubles(kopecks: number): string {
  return `${(kopecks / 100).toFixed(2)} руб.`;
}
