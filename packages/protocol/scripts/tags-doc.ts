/**
 * TAGS.md, the human-readable tag reference, written from the registry
 * module itself (docs read the same table as the codec).
 */
import { allDocuments, allTags } from '../src/registry/registry.js';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function generateTagsDoc(): string {
  const lines = [
    '# ФФД tags known to `@openofd/protocol`',
    '',
    'Generated from `src/registry/tags.generated.ts` by `npm run generate -w @openofd/protocol`;',
    'do not edit. Decisions behind the values: `REGISTRY.md`. Kinds and value rules: protocol.md §2.2.',
    'Max = most value bytes accepted; fixed = width the encoder writes (`sp` = padded with spaces).',
    '',
    '## Documents (form codes)',
    '',
    '| code | JSON | max | name |',
    '|---:|---|---:|---|',
    ...allDocuments().map((d) => `| ${d.code} | \`${d.json}\` | ${d.maxLength} | ${cell(d.nameRu)} |`),
    '',
    '## Tags',
    '',
    '| tag | JSON | kind | max | fixed | array | FFD | other names (parent: name; input-only alias) | name |',
    '|---:|---|---|---:|---|---|---|---|---|',
  ];
  for (const t of allTags()) {
    const fixed =
      t.fixedLength === null ? '' : `${t.fixedLength}${t.padding === 'spaces-right' ? ' sp' : ''}`;
    const parents = [
      ...Object.entries(t.parents).map(([p, n]) => `${p}: \`${n}\``),
      ...t.aliases.map((a) => `alias \`${a}\``),
    ].join(', ');
    const ffd = t.ffd.join(', ') + (t.deprecated ? ' (deprecated)' : '');
    lines.push(
      `| ${t.tag} | \`${t.json}\` | ${t.kind} | ${t.maxLength} | ${fixed} | ${t.repeatable ? 'yes' : ''} | ${ffd} | ${parents} | ${cell(t.nameRu)} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
