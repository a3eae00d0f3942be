import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { GENERATED_PATH, SHARED_TAGS_PATH, TAGS_DOC_PATH } from './generate-registry.js';
import { TAG_DECISIONS } from './registry-decisions.js';
import { generateRegistrySource } from './registry-source.js';
import { generateTagsDoc } from './tags-doc.js';

const source = JSON.parse(readFileSync(SHARED_TAGS_PATH, 'utf8')) as {
  tags: { tag: number; disagree?: Record<string, unknown> }[];
};

test('the committed registry module is exactly what the generator makes of shared/data/ffd-tags.json', () => {
  assert.equal(readFileSync(GENERATED_PATH, 'utf8'), generateRegistrySource(source));
});

test('TAGS.md is what the registry says', () => {
  assert.equal(readFileSync(TAGS_DOC_PATH, 'utf8'), generateTagsDoc());
});

test('every disagreement of the sources has a decision', () => {
  for (const t of source.tags) {
    for (const field of Object.keys(t.disagree ?? {})) {
      assert.ok(
        TAG_DECISIONS.some((d) => d.tag === t.tag && d.field === field),
        `tag ${t.tag} ${field}`,
      );
    }
  }
});

test('the generator refuses a new disagreement without a decision', () => {
  const changed = structuredClone(source);
  const t = changed.tags.find((x) => x.tag === 1000);
  assert.ok(t);
  t.disagree = { max_length: { a: 1, b: 2 } };
  assert.throws(() => generateRegistrySource(changed), /tag 1000: no decision/);
});
