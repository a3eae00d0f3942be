import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSharedJson } from '../../test/shared-data.js';
import { isTestFn, isValidFnNumber } from './fn-number.js';
import { innProblem, isValidInn } from './inn.js';
import { isValidKpp } from './kpp.js';

interface Identifiers {
  inn: { valid: { inn: string }[]; invalid_checksum: { inn: string }[] };
}
const { inn } = readSharedJson<Identifiers>('vectors/identifiers.json');

test('INNs from the vectors: valid ones pass, 771234567890 fails on checksum', () => {
  for (const { inn: v } of inn.valid) assert.ok(isValidInn(v), v);
  for (const { inn: v } of inn.invalid_checksum) assert.equal(innProblem(v), 'checksum', v);
});

test('INN format and each check digit matter', () => {
  assert.equal(innProblem('770220327'), 'format');
  assert.equal(innProblem('77022032761'), 'format');
  assert.equal(innProblem('770220327a'), 'format');
  assert.equal(innProblem(' 7702203276'), 'format');
  assert.equal(innProblem('7702203277'), 'checksum');
  assert.equal(innProblem('112233445583'), 'checksum', 'first check digit of 12');
  assert.equal(innProblem('112233445574'), 'checksum', 'second check digit of 12');
  // [K]'s rule leaves out the final mod 10; the standard rule keeps it: sum mod 11 = 10 → digit 0.
  assert.ok(isValidInn('7830002293'));
});

test('KPP: 4 digits, 2 digits or capital letters, 3 digits', () => {
  assert.ok(isValidKpp('770101001'));
  assert.ok(isValidKpp('7701AB001'));
  assert.equal(isValidKpp('7701ab001'), false);
  assert.equal(isValidKpp('77010100'), false);
  assert.equal(isValidKpp('7701010011'), false);
  assert.equal(isValidKpp('A70101001'), false);
});

test('FN numbers: 16 digits; 9999… are test drives', () => {
  assert.ok(isValidFnNumber('9999078900005488'));
  assert.equal(isValidFnNumber('999907890000548'), false);
  assert.equal(isValidFnNumber('9999078900005488 '), false);
  assert.ok(isTestFn('9999078900005488'));
  assert.equal(isTestFn('8710000100000001'), false);
  assert.equal(isTestFn('9999'), false);
});
