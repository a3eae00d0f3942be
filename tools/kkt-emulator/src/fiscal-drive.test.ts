import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildConfirmation,
  decodeDocument,
  decodeMessage,
  deriveDriveKey,
  encodeConfirmationMessage,
  signConfirmation,
  splitDocument,
  type WireMessage,
} from '@openofd/protocol';
import { registerProfile } from './organizations.js';
import { EmulatedRegister } from './register.js';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

function register(): EmulatedRegister {
  return new EmulatedRegister({
    profile: registerProfile(0),
    seed: 1,
    masterKey: 'k',
    ofdInn: '7704358518',
    ofdName: 'OpenOFD',
    clock: { kind: 'simulated', startDay: Math.floor(NOW / 86_400_000) - 3 },
    now: () => NOW,
  });
}

function reply(
  request: Uint8Array,
  options: { fd?: number; masterKey?: string; flk?: boolean } = {},
): WireMessage {
  const req = decodeMessage(request);
  const fnNumber = req.container.fnNumber;
  const tlv = buildConfirmation({
    ofdInn: '7704358518',
    fnNumber,
    fdNumber: options.fd ?? req.container.fdNumber,
    dateTime: NOW / 1000,
    responseCode: options.flk ? 14 : 0,
    ffdVersion: '1.2',
  });
  const signed = signConfirmation(deriveDriveKey(options.masterKey ?? 'k', fnNumber), tlv);
  return decodeMessage(encodeConfirmationMessage(req, signed));
}

test('the drive numbers documents 1, 2, 3 … and hands out the oldest unconfirmed one', () => {
  const r = register();
  const docs = Array.from({ length: 5 }, () => r.nextDocument());
  assert.deepEqual(
    docs.map((d) => d.fdNumber),
    [1, 2, 3, 4, 5],
  );
  assert.equal(r.drive.oldest(), docs[0]);
  assert.deepEqual(r.drive.backlog(), { count: 5, firstDateTime: docs[0]!.dateTime, firstNumber: 1 });
});

test('only a signed confirmation of the oldest document moves the queue on', () => {
  const r = register();
  const first = r.nextDocument();
  const second = r.nextDocument();
  assert.equal(r.drive.acknowledge(reply(second.message)), 'stale', 'a later FD does not confirm the oldest');
  assert.equal(r.drive.acknowledge(reply(first.message, { masterKey: 'forged' })), 'unsigned');
  assert.equal(r.drive.unconfirmed, 2);
  assert.equal(r.drive.acknowledge(reply(first.message)), 'confirmed');
  assert.equal(r.drive.oldest(), second);
  assert.equal(r.drive.acknowledge(reply(first.message)), 'stale', 'a repeated confirmation changes nothing');
  assert.equal(r.drive.acknowledge(reply(second.message, { flk: true })), 'rejected');
  assert.equal(r.drive.unconfirmed, 0);
});

test('a confirmation for another drive is foreign', () => {
  const r = register();
  r.nextDocument();
  const other = new EmulatedRegister({
    profile: registerProfile(1),
    seed: 1,
    masterKey: 'k',
    ofdInn: '7704358518',
    ofdName: 'OpenOFD',
    clock: { kind: 'simulated', startDay: Math.floor(NOW / 86_400_000) - 3 },
    now: () => NOW,
  });
  assert.equal(r.drive.acknowledge(reply(other.nextDocument().message)), 'foreign');
});

test('a resumed register continues its drive: next FD, a state report, then the next shift', () => {
  const r = new EmulatedRegister({
    profile: registerProfile(2),
    seed: 1,
    masterKey: 'k',
    ofdInn: '7704358518',
    ofdName: 'OpenOFD',
    clock: { kind: 'real' },
    now: () => NOW,
    resume: { lastFdNumber: 41, lastShiftNumber: 3, lastDocTime: NOW / 1000 - 3600 },
  });
  const names: string[] = [];
  const fds: number[] = [];
  let shift = 0;
  for (let i = 0; i < 3; i++) {
    const pending = r.nextDocument();
    const doc = decodeDocument(splitDocument(decodeMessage(pending.message).body).document);
    const name = Object.keys(doc)[0]!;
    names.push(name);
    fds.push(pending.fdNumber);
    if (name === 'openShift') shift = doc[name]!.shiftNumber as number;
  }
  assert.deepEqual(names, ['currentStateReport', 'openShift', 'receipt']);
  assert.deepEqual(fds, [42, 43, 44]);
  assert.equal(shift, 4);
});
