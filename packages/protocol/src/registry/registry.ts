/**
 * Lookups over the generated tag table, prebuilt once at load into dense
 * arrays and maps (protocol.md §2.1: the same tag number can carry a
 * different name under a different parent; resolve names by parent).
 */
import type { DocumentDef, TagDef } from '../tags.js';
import { DOCUMENT_TABLE, TAG_TABLE } from './tags.generated.js';

const MAX_TAG = TAG_TABLE.reduce((m, t) => Math.max(m, t.tag), 0);
const byTag: (TagDef | undefined)[] = new Array<TagDef | undefined>(MAX_TAG + 1).fill(undefined);
for (const t of TAG_TABLE) byTag[t.tag] = t;

const docByCode: (DocumentDef | undefined)[] = new Array<DocumentDef | undefined>(256).fill(undefined);
const docByName = new Map<string, DocumentDef>();
for (const d of DOCUMENT_TABLE) {
  docByCode[d.code] = d;
  docByName.set(d.json, d);
}

/** name → tag where no parent-specific name applies. */
const globalNames = new Map<string, number>();
for (const t of TAG_TABLE) if (!globalNames.has(t.json)) globalNames.set(t.json, t.tag);
/** Unambiguous names of other sources, accepted on input only. */
const aliasNames = new Map<string, number>();
for (const t of TAG_TABLE) for (const a of t.aliases) aliasNames.set(a, t.tag);
/** Default key per tag: its name unless another (lower) tag owns the name, then `tag<number>`. */
const defaultNames: (string | undefined)[] = new Array<string | undefined>(MAX_TAG + 1).fill(undefined);
for (const t of TAG_TABLE) defaultNames[t.tag] = globalNames.get(t.json) === t.tag ? t.json : `tag${t.tag}`;
/** parent → (name → tag) for parent-specific names. */
const parentNames = new Map<number, Map<string, number>>();
for (const t of TAG_TABLE) {
  for (const [p, name] of Object.entries(t.parents)) {
    const m = parentNames.get(Number(p)) ?? new Map<string, number>();
    parentNames.set(Number(p), m);
    m.set(name, t.tag);
  }
}

/**
 * name by (tag, parent), precomputed so that tagForJsonName(jsonNameFor(t, p), p) === t
 * for every tag and parent: a tag whose default name is taken by another tag
 * under that parent falls back to `tag<number>` there.
 */
const namesByParent = new Map<number, Map<number, string>>();
for (const [p, names] of parentNames) {
  const m = new Map<number, string>();
  for (const t of TAG_TABLE) {
    const own = t.parents[p];
    if (own !== undefined) m.set(t.tag, own);
    else {
      const name = defaultNames[t.tag] as string;
      if (names.has(name) && names.get(name) !== t.tag) m.set(t.tag, `tag${t.tag}`);
    }
  }
  namesByParent.set(p, m);
}

export function getTag(tag: number): TagDef | undefined {
  return byTag[tag];
}

/** All tag definitions, ascending (for docs, validators and generators). */
export function allTags(): readonly TagDef[] {
  return TAG_TABLE;
}

export function allDocuments(): readonly DocumentDef[] {
  return DOCUMENT_TABLE;
}

export function documentByCode(code: number): DocumentDef | undefined {
  return docByCode[code];
}

export function documentByName(json: string): DocumentDef | undefined {
  return docByName.get(json);
}

const TAG_KEY = /^(?:tag)?(\d{1,5})$/;

/** JSON key of `tag` inside `parentTag` (a form code at document level); unknown tags get `tag<number>`. */
export function jsonNameFor(tag: number, parentTag: number): string {
  const special = namesByParent.get(parentTag)?.get(tag);
  if (special !== undefined) return special;
  return defaultNames[tag] ?? `tag${tag}`;
}

/**
 * Tag of a JSON key inside `parentTag`: the FNS name, another source's
 * unambiguous name (`fnsSite`), `tag<number>` or a bare number (the tag-keyed
 * shape). Undefined when the key names no tag.
 */
export function tagForJsonName(name: string, parentTag: number): number | undefined {
  const special = parentNames.get(parentTag)?.get(name);
  if (special !== undefined) return special;
  const global = globalNames.get(name) ?? aliasNames.get(name);
  if (global !== undefined) return global;
  const m = TAG_KEY.exec(name);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= 0xffff ? n : undefined;
}

/** Parent tags that have parent-specific names (decoders use it to pick the fast path). */
export function hasParentSpecificNames(parentTag: number): boolean {
  return namesByParent.has(parentTag);
}

/** The names-by-tag table of one parent, or undefined (used by the decoder's hot loop). */
export function parentNameTable(parentTag: number): ReadonlyMap<number, string> | undefined {
  return namesByParent.get(parentTag);
}
