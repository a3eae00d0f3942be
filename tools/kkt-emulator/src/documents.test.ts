import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkDocument,
  decodeDocument,
  decodeMessage,
  deriveDriveKey,
  type FnsFields,
  splitDocument,
  verifyFiscalSign,
  verifyMessageSign,
} from '@openofd/protocol';
import { registerProfile } from './organizations.js';
import { EmulatedRegister } from './register.js';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const DAY = 86_400;

function makeRegister(index: number, seed: string | number = 'test'): EmulatedRegister {
  return new EmulatedRegister({
    profile: registerProfile(index),
    seed,
    masterKey: 'test-master',
    ofdInn: '7704358518',
    ofdName: 'OpenOFD',
    clock: { kind: 'simulated', startDay: Math.floor(NOW / 1000 / DAY) - 40 },
    now: () => NOW,
  });
}

interface Decoded {
  name: string;
  fields: FnsFields;
}

/** Every document of 4 registers × 700, decoded from the wire message. */
const generated: Decoded[] = [];
for (let r = 0; r < 4; r++) {
  const register = makeRegister(r);
  const key = deriveDriveKey('test-master', register.profile.fnNumber);
  for (let i = 0; i < 700; i++) {
    const pending = register.nextDocument();
    const message = decodeMessage(pending.message);
    const { document, trailer } = splitDocument(message.body);
    assert.ok(verifyMessageSign(key, document, trailer), 'ФПС');
    assert.ok(verifyFiscalSign(key, document), 'ФПД');
    const doc = decodeDocument(document, { trailer });
    const name = Object.keys(doc)[0]!;
    assert.equal(message.container.fdNumber, i + 1);
    generated.push({ name, fields: doc[name]! });
  }
}

test('every generated document passes the protocol ФЛК without a single violation', () => {
  const violations = [];
  for (const { name, fields } of generated) {
    for (const v of checkDocument({ [name]: fields }, { now: NOW }))
      violations.push(`${name}: ${v.rule} ${v.message}`);
  }
  assert.deepEqual(violations.slice(0, 5), []);
});

test('each form code of a register day appears', () => {
  const names = new Set(generated.map((d) => d.name));
  for (const form of [
    'fiscalReport',
    'openShift',
    'receipt',
    'receiptCorrection',
    'closeShift',
    'currentStateReport',
  ]) {
    assert.ok(names.has(form), form);
  }
});

test('receipts vary: returns, payment kinds and methods, VAT rates, cashiers, buyer contacts, weighed goods', () => {
  const receipts = generated.filter((d) => d.name === 'receipt').map((d) => d.fields);
  const has = (p: (r: FnsFields) => boolean) => receipts.filter(p).length;
  assert.ok(has((r) => r.operationType === 2) > 0, 'returns');
  for (const pay of ['cashTotalSum', 'ecashTotalSum', 'prepaidSum', 'creditSum']) {
    assert.ok(has((r) => (r[pay] as number) > 0) > 0, pay);
  }
  assert.ok(has((r) => typeof r.buyerPhoneOrAddress === 'string') > 0, 'buyer e-mail/phone');
  const items = receipts.flatMap((r) => r.items as FnsFields[]);
  assert.deepEqual(
    new Set(items.map((i) => i.nds)),
    new Set([1, 2, 3, 4, 6]),
    'VAT rates, calculated ones on prepayments',
  );
  assert.deepEqual(
    new Set(items.map((i) => i.paymentType)),
    new Set([1, 4, 6]),
    'prepayment, full payment, credit',
  );
  assert.ok(
    items.some((i) => i.itemsQuantityMeasure === 11 && !Number.isInteger(i.quantity)),
    'kilograms',
  );
  assert.ok(new Set(receipts.map((r) => r.operator)).size >= 5, 'several cashiers');
  const prices = new Set(items.map((i) => i.price));
  assert.ok(prices.size > 20, 'varied prices');
});

test('shift-close and state reports carry counters and the unconfirmed backlog', () => {
  const close = generated.find((d) => d.name === 'closeShift')!.fields;
  assert.equal(typeof close.notTransmittedDocumentsQuantity, 'number');
  assert.ok((close.notTransmittedDocumentsQuantity as number) > 0, 'nothing was confirmed offline');
  assert.equal(close.notTransmittedDocumentNumber, 1);
  assert.ok((close.shiftSumReports as FnsFields).sellOper);
  const state = generated.find((d) => d.name === 'currentStateReport')!.fields;
  assert.ok((state.fiscalDriveSumReports as FnsFields).totalReceiptBsoCount !== undefined);
});

test('the same seed gives the same bytes; another seed gives other documents', () => {
  const a = makeRegister(1, 'same');
  const b = makeRegister(1, 'same');
  const c = makeRegister(1, 'other');
  let differ = 0;
  for (let i = 0; i < 300; i++) {
    const x = a.nextDocument().message;
    assert.deepEqual(b.nextDocument().message, x);
    if (Buffer.compare(c.nextDocument().message, x) !== 0) differ++;
  }
  assert.ok(differ > 250);
});

test('register time only moves forward and never passes the local now', () => {
  const register = makeRegister(2);
  let last = 0;
  for (let i = 0; i < 2000; i++) {
    const t = register.nextDocument().dateTime;
    assert.ok(t >= last);
    assert.ok(t <= NOW / 1000 + 3 * 3600);
    last = t;
  }
});

test('a simulated clock that catches up with now keeps selling instead of repeating empty shifts', () => {
  const evening = Date.UTC(2026, 5, 15, 19, 30, 0); // 22:30 in Moscow, after closing time
  const register = new EmulatedRegister({
    profile: registerProfile(0),
    seed: 'catch-up',
    masterKey: 'test-master',
    ofdInn: '7704358518',
    ofdName: 'OpenOFD',
    clock: { kind: 'simulated', startDay: Math.floor(evening / 1000 / DAY) - 1 },
    now: () => evening,
  });
  const forms: number[] = [];
  for (let i = 0; i < 600; i++) forms.push(register.nextDocument().documentType);
  const last = forms.slice(-200);
  assert.ok(last.filter((f) => f === 3).length > 150, 'receipts continue at the present time');
  assert.ok(last.filter((f) => f === 2).length < 10, 'no run of empty shifts');
});
