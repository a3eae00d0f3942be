import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allDocuments, allTags, tagForJsonName } from '../registry/registry.js';
import { tagOfKey } from './scan-fields.js';

test('the scan resolves every name under every parent as the registry does', () => {
  const parents = [-1, 1059, ...allDocuments().map((d) => d.code), ...allTags().map((t) => t.tag)];
  const names = new Set(['code', 'rawData', 'messageFiscalSign', 'tag1059', '1020', 'tag99999', 'nonsense']);
  for (const t of allTags()) {
    names.add(t.json);
    for (const a of t.aliases) names.add(a);
    for (const n of Object.values(t.parents)) names.add(n);
  }
  const reserved = new Set(['code', 'rawData', 'messageFiscalSign']);
  for (const parent of parents) {
    for (const name of names) {
      const expected = reserved.has(name) ? -1 : (tagForJsonName(name, parent) ?? -1);
      assert.equal(tagOfKey(name, parent), expected, `${name} under ${parent}`);
    }
  }
});
