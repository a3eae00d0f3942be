/**
 * Turns shared/data/ffd-tags.json into the source text of
 * src/registry/tags.generated.ts. Pure (no I/O) so a test can prove the
 * committed module equals what this produces.
 */
import {
  DEFAULT_VLN_MAX,
  DOCUMENT_DECISIONS,
  INN_TAGS,
  SHARED_NAMES,
  TAG_DECISIONS,
} from './registry-decisions.js';

interface SourceTag {
  tag: number;
  json: string | null;
  name_ru: string;
  kind: string;
  max_length: number | null;
  fixed_length: number | null;
  padding: string;
  repeatable?: boolean;
  deprecated?: boolean;
  ffd?: string[];
  parents?: Record<string, { json: string }>;
  json_alt?: string[];
  disagree?: Record<string, unknown>;
}
interface SourceDocument {
  code: number;
  json: string | null;
  name_ru: string;
  max_length: number;
  disagree?: Record<string, unknown>;
}

const KINDS = new Set(['byte', 'u16', 'u32', 'vln', 'fvln', 'unixtime', 'string', 'bytes', 'fpd', 'stlv']);

function fail(message: string): never {
  throw new Error(`generate-registry: ${message}`);
}

function applyTagDecisions(t: SourceTag): SourceTag {
  const out: SourceTag = { ...t };
  const decided = new Set<string>();
  for (const d of TAG_DECISIONS) {
    if (d.tag !== t.tag) continue;
    decided.add(d.field);
    if (d.field === 'json') out.json = d.value as string;
    else if (d.field === 'max_length') out.max_length = d.value as number;
    else if (d.field === 'repeatable') out.repeatable = d.value as boolean;
    else if (d.field === 'kind') out.kind = d.value as string;
  }
  for (const field of Object.keys(t.disagree ?? {})) {
    if (!decided.has(field)) fail(`tag ${t.tag}: no decision for disagreement on "${field}"`);
  }
  return out;
}

function tagLine(t: SourceTag, parents: Record<number, string>, aliases: string[]): string {
  const kind = t.kind;
  if (!KINDS.has(kind)) fail(`tag ${t.tag}: unknown kind ${kind}`);
  const maxLength = t.max_length ?? (kind === 'vln' ? DEFAULT_VLN_MAX : fail(`tag ${t.tag}: no max_length`));
  const padding = t.padding === 'spaces-right' ? 'spaces-right' : 'none';
  if (t.padding !== 'none' && t.padding !== 'spaces-right') fail(`tag ${t.tag}: padding ${t.padding}`);
  const normalize = INN_TAGS.includes(t.tag) ? 'inn' : padding === 'spaces-right' ? 'trim' : 'none';
  const ffd = t.ffd ?? (t.deprecated ? ['1.0'] : []);
  const def = {
    tag: t.tag,
    json: t.json ?? `tag${t.tag}`,
    nameRu: t.name_ru,
    kind,
    maxLength,
    fixedLength: t.fixed_length,
    padding,
    normalize,
    repeatable: t.repeatable === true,
    deprecated: t.deprecated === true,
    ffd,
    parents,
    aliases,
  };
  return `  ${JSON.stringify(def)},`;
}

/** Parent-specific names: the source's `parents` plus the SHARED_NAMES contexts. */
function parentNames(t: SourceTag): Record<number, string> {
  const out: Record<number, string> = {};
  for (const [p, v] of Object.entries(t.parents ?? {})) {
    if (v.json !== t.json) out[Number(p)] = v.json;
  }
  for (const s of SHARED_NAMES) {
    for (const p of s.others[t.tag] ?? []) out[p] = s.json;
  }
  return out;
}

/**
 * Other sources' names (`json_alt`) the encoder accepts, when unambiguous:
 * not any tag's own or parent name, and not claimed by two tags.
 */
function aliasesOf(t: SourceTag, tags: SourceTag[]): string[] {
  const taken = new Set<string>();
  for (const x of tags) {
    if (x.json) taken.add(x.json);
    for (const v of Object.values(x.parents ?? {})) if (v.json !== x.json || x === t) taken.add(v.json);
  }
  return (t.json_alt ?? []).filter(
    (a) =>
      !taken.has(a) &&
      tags.filter((x) => x.json_alt?.includes(a)).length === 1 &&
      /^[A-Za-z][A-Za-z0-9]*$/.test(a),
  );
}

export function generateRegistrySource(input: unknown): string {
  const src = input as { tags: SourceTag[]; documents: SourceDocument[] };
  if (!Array.isArray(src.tags) || !Array.isArray(src.documents)) fail('input has no tags/documents');
  const tags = src.tags.map(applyTagDecisions).sort((a, b) => a.tag - b.tag);
  // Shared names: only the owner keeps the name as its default.
  for (const t of tags) {
    const shared = SHARED_NAMES.find((s) => s.json === t.json);
    if (shared && shared.owner !== t.tag && !(t.tag in shared.others)) {
      fail(`tag ${t.tag}: name ${t.json} shared without a decision`);
    }
    // The registry gives a shared name to the lowest tag by default; the owner must be it.
    if (shared && t.tag < shared.owner) fail(`tag ${t.tag}: owner of ${t.json} must be the lowest tag`);
  }
  const seen = new Map<string, number>();
  for (const t of tags) {
    const name = t.json ?? `tag${t.tag}`;
    const owner = SHARED_NAMES.find((s) => s.json === name)?.owner;
    if (seen.has(name) && owner === undefined)
      fail(`JSON name ${name} used by ${seen.get(name)} and ${t.tag}`);
    seen.set(name, t.tag);
  }
  const docs = src.documents.map((d) => {
    const out = { code: d.code, json: d.json, nameRu: d.name_ru, maxLength: d.max_length };
    const decided = new Set<string>();
    for (const x of DOCUMENT_DECISIONS) {
      if (x.code !== d.code) continue;
      decided.add(x.field);
      if (x.field === 'json') out.json = x.value as string;
      else out.maxLength = x.value as number;
    }
    for (const field of Object.keys(d.disagree ?? {})) {
      if (!decided.has(field)) fail(`document ${d.code}: no decision for disagreement on "${field}"`);
    }
    if (out.json === null) fail(`document ${d.code} has no JSON name`);
    return out;
  });
  return [
    '// biome-ignore-all format: generated by scripts/generate-registry.ts from shared/data/ffd-tags.json',
    '// GENERATED: do not edit. Run `npm run generate -w @openofd/protocol`; decisions are in',
    '// scripts/registry-decisions.ts and REGISTRY.md.',
    "import type { DocumentDef, TagDef } from '../tags.js';",
    '',
    `/** ${tags.length} tags, ascending. */`,
    'export const TAG_TABLE: readonly TagDef[] = [',
    ...tags.map((t) => tagLine(t, parentNames(t), aliasesOf(t, tags))),
    '];',
    '',
    `/** ${docs.length} document form codes. */`,
    'export const DOCUMENT_TABLE: readonly DocumentDef[] = [',
    ...docs.map((d) => `  ${JSON.stringify(d)},`),
    '];',
    '',
  ].join('\n');
}
