import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidFnNumber, isValidInn, isValidRnm } from '@openofd/protocol';
import { DEMO_ORGANIZATIONS, DEMO_REGISTERS, registerProfile } from './organizations.js';

test('demo organizations and cashiers carry valid INNs', () => {
  for (const org of DEMO_ORGANIZATIONS) {
    assert.ok(isValidInn(org.inn), `${org.name} ${org.inn}`);
    for (const c of org.cashiers) assert.ok(isValidInn(c.inn) && c.inn.length === 12, `${c.name} ${c.inn}`);
  }
});

test('every register has a valid RNM, a 16-digit FN and a unique identity', () => {
  const fns = new Set<string>();
  const rnms = new Set<string>();
  for (let i = 0; i < 3000; i++) {
    const p = registerProfile(i);
    assert.ok(isValidRnm(p.rnm, p.organization.inn, p.serial), `register ${i}: ${p.rnm}`);
    assert.ok(isValidFnNumber(p.fnNumber), p.fnNumber);
    fns.add(p.fnNumber);
    rnms.add(p.rnm);
  }
  assert.equal(fns.size, 3000);
  assert.equal(rnms.size, 3000);
});

test('a tampered RNM fails its check value (the check is real)', () => {
  const p = registerProfile(5);
  const wrong = `${p.rnm.slice(0, 15)}${(Number(p.rnm[15]) + 1) % 10}`;
  assert.equal(isValidRnm(wrong, p.organization.inn, p.serial), false);
});

test('identities depend on the index only, and the demo registers cover every demo organization', () => {
  assert.deepEqual(registerProfile(7), registerProfile(7));
  assert.deepEqual(DEMO_REGISTERS[3], registerProfile(3));
  const owners = new Set(DEMO_REGISTERS.map((r) => r.organization.inn));
  assert.equal(owners.size, DEMO_ORGANIZATIONS.length);
  assert.throws(() => registerProfile(-1));
});
