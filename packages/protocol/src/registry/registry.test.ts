import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  allDocuments,
  allTags,
  documentByCode,
  documentByName,
  getTag,
  jsonNameFor,
  tagForJsonName,
} from './registry.js';

test('280 tags and 15 form codes, each with a usable unique name', () => {
  assert.equal(allTags().length, 280);
  assert.deepEqual(
    allDocuments().map((d) => d.code),
    [1, 11, 2, 21, 3, 31, 4, 41, 5, 6, 7, 81, 82, 83, 84],
  );
  for (const d of allDocuments()) assert.equal(documentByName(d.json), d);
  assert.equal(documentByCode(3)?.json, 'receipt');
  assert.equal(documentByCode(7)?.json, 'operatorAck');
  assert.equal(documentByCode(99), undefined);
});

test('tag facts from the table and the decisions', () => {
  assert.deepEqual(getTag(1018), {
    ...getTag(1018),
    json: 'userInn',
    kind: 'string',
    maxLength: 12,
    fixedLength: 12,
    padding: 'spaces-right',
    normalize: 'inn',
  });
  assert.equal(getTag(1037)?.normalize, 'trim');
  assert.equal(getTag(1077)?.kind, 'fpd');
  assert.equal(getTag(1059)?.maxLength, 1024);
  assert.equal(getTag(1205)?.repeatable, true);
  assert.equal(getTag(1213)?.kind, 'u16');
  assert.equal(getTag(1060)?.json, 'fnsUrl');
  assert.equal(getTag(1078)?.json, 'tag1078');
  assert.deepEqual(getTag(1003)?.ffd, ['1.0']);
  assert.equal(getTag(1150)?.maxLength, 8);
  assert.equal(getTag(4242), undefined);
});

test('parent-dependent names (protocol.md §2.1)', () => {
  assert.equal(jsonNameFor(1213, 1), 'fdKeyResource');
  assert.equal(jsonNameFor(1213, 21), 'keyResource');
  assert.equal(tagForJsonName('keyResource', 21), 1213);
  assert.equal(jsonNameFor(1005, 1223), 'transferOperatorAddress');
  assert.equal(jsonNameFor(1191, 1059), 'propertiesItem');
  assert.equal(jsonNameFor(1191, 3), 'propertiesString');
  // totalSum is 1020 in a receipt and 1201 inside the counters.
  assert.equal(tagForJsonName('totalSum', 3), 1020);
  assert.equal(tagForJsonName('totalSum', 1129), 1201);
  assert.equal(jsonNameFor(1201, 1129), 'totalSum');
  assert.equal(jsonNameFor(1201, 3), 'tag1201');
  assert.equal(jsonNameFor(1020, 1129), 'tag1020');
  assert.equal(tagForJsonName('dateTime', 1270), 1273);
  assert.equal(tagForJsonName('tag1078', 7), 1078);
  assert.equal(tagForJsonName('1040', 3), 1040);
  assert.equal(tagForJsonName('tag9999', 3), 9999);
  assert.equal(tagForJsonName('nope', 3), undefined);
  // Unambiguous yandex/ofd names are accepted on input; ambiguous ones are not aliases.
  assert.equal(tagForJsonName('fnsSite', 11), 1060);
  assert.equal(tagForJsonName('ndsCalculated18', 3), 1106);
  assert.equal(tagForJsonName('taxationType', 3), 1062);
  assert.equal(tagForJsonName('receiptCount', 5), undefined);
  assert.deepEqual(getTag(1060)?.aliases, ['fnsSite']);
});

test('every name the decoder emits resolves back to its tag under every parent', () => {
  const parents = [-1, ...allDocuments().map((d) => d.code), ...allTags().map((t) => t.tag)];
  for (const p of parents) {
    for (const t of allTags())
      assert.equal(tagForJsonName(jsonNameFor(t.tag, p), p), t.tag, `${t.tag} in ${p}`);
    assert.equal(tagForJsonName(jsonNameFor(4242, p), p), 4242);
  }
});
