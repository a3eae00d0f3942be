import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FnsDocument, FnsValue } from '../documents/types.js';
import { documentByCode, jsonNameFor } from '../registry/registry.js';
import { checkDocument } from './check-document.js';

const NOW = Date.UTC(2024, 8, 18);
const T = Date.UTC(2024, 8, 17, 9) / 1000;

/** A document of `form` from tag → value (names resolved through the registry). */
function docOf(form: number, values: Record<number, FnsValue>): FnsDocument {
  const fields = Object.fromEntries(
    Object.entries(values).map(([t, v]) => [jsonNameFor(Number(t), form), v]),
  );
  return { [documentByCode(form)!.json]: { code: form, ...fields } };
}

const identity = {
  1012: T,
  1018: '7702203276',
  1037: '0000000005008570',
  1040: 5,
  1041: '9999078900005488',
  1077: 123456,
};

function missing(form: number, values: Record<number, FnsValue>, ffdVersion?: '1.05' | '1.2'): number[] {
  return checkDocument(docOf(form, values), { now: NOW, ...(ffdVersion ? { ffdVersion } : {}) })
    .filter((v) => v.rule === 'required')
    .map((v) => v.tag);
}

test('shift reports need the shift number; close-shift also its counters', () => {
  assert.deepEqual(missing(2, { ...identity, 1038: 4 }), []);
  assert.deepEqual(missing(2, identity), [1038]);
  assert.deepEqual(missing(5, { ...identity, 1038: 4, 1118: 10, 1097: 0 }), []);
  assert.deepEqual(missing(5, { ...identity, 1038: 4 }), [1118, 1097]);
  assert.deepEqual(missing(21, identity), [1097]);
  assert.deepEqual(missing(6, identity), []);
});

test('every fiscal document needs its identity tags', () => {
  assert.deepEqual(missing(6, {}), [1012, 1018, 1037, 1040, 1041, 1077]);
});

test('correction receipts: items only from ФФД 1.2, sums still add up', () => {
  const correction = {
    ...identity,
    1209: 2,
    1054: 1,
    1055: 2,
    1020: 1000,
    1031: 1000,
    1081: 0,
    1173: 0,
  };
  assert.deepEqual(checkDocument(docOf(31, correction), { now: NOW }), []);
  assert.deepEqual(missing(31, { ...correction, 1209: 4 }), [1059]);
  const unpaid = checkDocument(docOf(31, { ...correction, 1031: 900 }), { now: NOW });
  assert.deepEqual(
    unpaid.map((v) => v.rule),
    ['payments-total'],
  );
});
