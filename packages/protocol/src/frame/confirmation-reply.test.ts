import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHex, readSharedJson } from '../../test/shared-data.js';
import { deriveDriveKey } from '../crypto/drive-key.js';
import { computeOperatorSign, verifyOperatorSign } from '../crypto/fiscal-signs.js';
import { ProtocolError } from '../errors.js';
import type { FfdVersion } from '../tags.js';
import { buildConfirmation, type ConfirmationInit, encodeConfirmationMessage } from './confirmation.js';
import { draftConfirmationReply, sealConfirmationReply } from './confirmation-reply.js';
import { FrameDecoder } from './frame-decoder.js';
import { decodeMessage, encodeMessage, type WireMessage } from './message.js';

const golden = decodeMessage(
  fromHex(readSharedJson<{ hex: string }>('vectors/full_message_reregistration_report.json').hex),
);

/** The general path the direct writer must equal byte for byte. */
function reference(request: WireMessage, init: ConfirmationInit): Uint8Array {
  return encodeConfirmationMessage(request, buildConfirmation(init));
}

function direct(request: WireMessage, init: ConfirmationInit): Uint8Array {
  const { fpo, ...unsigned } = init;
  return sealConfirmationReply(draftConfirmationReply(request, unsigned), fpo);
}

/** Deterministic PRNG (mulberry32), so a failure names a reproducible case. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERSIONS: FfdVersion[] = ['1.0', '1.05', '1.1', '1.2'];

test('the golden request: the same frame as buildConfirmation + encodeConfirmationMessage, with and without ФПО', () => {
  const init = {
    ofdInn: '7704358518',
    fnNumber: golden.container.fnNumber,
    fdNumber: golden.container.fdNumber,
    dateTime: 1488541200,
    responseCode: 0,
  };
  for (const ffdVersion of VERSIONS) {
    assert.deepEqual(direct(golden, { ...init, ffdVersion }), reference(golden, { ...init, ffdVersion }));
    const key = deriveDriveKey('test master key', init.fnNumber);
    const draft = draftConfirmationReply(golden, { ...init, ffdVersion });
    assert.deepEqual(draft.unsigned, buildConfirmation({ ...init, ffdVersion }));
    const fpo = computeOperatorSign(key, draft.unsigned);
    const reply = sealConfirmationReply(draft, fpo);
    assert.deepEqual(reply, reference(golden, { ...init, ffdVersion, fpo }));
    const [m] = new FrameDecoder().push(reply);
    assert.ok(m && verifyOperatorSign(key, m.body));
  }
});

test('random requests and fields: byte for byte the general path', () => {
  const next = random(20261204);
  const int = (n: number) => Math.floor(next() * n);
  const digits = (n: number) => Array.from({ length: n }, () => String(int(10))).join('');
  for (let i = 0; i < 2000; i++) {
    const fn = digits(16);
    const base = decodeMessage(
      encodeMessage({
        aVersion: int(0x10000),
        fnNumber: fn,
        documentType: 1 + int(30),
        fdNumber: int(0x1000000),
        body: Uint8Array.from({ length: 4 + int(200) }, () => int(256)),
        service1: Uint8Array.of(int(256), int(256)),
      }),
    );
    // A register may pad a short FN in its session header (§1.2).
    const request: WireMessage =
      i % 5 === 0 ? { ...base, session: { ...base.session, fnNumber: digits(1 + int(15)) } } : base;
    const ffdVersion = VERSIONS[int(4)]!;
    const init: ConfirmationInit = {
      ofdInn: i % 2 ? digits(10) : digits(12),
      fnNumber: fn,
      fdNumber: request.container.fdNumber,
      dateTime: int(0x100000000),
      responseCode: [0, 11, 14, int(256)][int(4)]!,
      ffdVersion,
      ...(i % 3 === 0 ? { operatorMessageFlags: int(256) & ~2 } : {}),
      ...(i % 4 !== 0 ? { fpo: Uint8Array.from({ length: int(17) }, () => int(256)) } : {}),
    };
    assert.deepEqual(direct(request, init), reference(request, init), `case ${i}`);
  }
});

test('bad fields are refused like buildConfirmation refuses them', () => {
  const init: ConfirmationInit = {
    ofdInn: '7704358518',
    fnNumber: golden.container.fnNumber,
    fdNumber: 1,
    dateTime: 1488541200,
    responseCode: 0,
    ffdVersion: '1.05',
  };
  const cases: Partial<ConfirmationInit>[] = [
    { ofdInn: '770435851' },
    { ofdInn: '77043585181' },
    { fnNumber: '999907890000548' },
    { fnNumber: '999907890000548x' },
    { responseCode: 256 },
    { responseCode: -1 },
    { fdNumber: 2 ** 32 },
    { dateTime: 1.5 },
    { ffdVersion: '1.2', operatorMessageFlags: 0x1fd },
  ];
  for (const patch of cases) {
    const bad = { ...init, ...patch };
    const expected = (() => {
      try {
        buildConfirmation(bad);
      } catch (err) {
        return err as ProtocolError;
      }
      assert.fail(`buildConfirmation accepted ${JSON.stringify(patch)}`);
    })();
    assert.throws(
      () => direct(golden, bad),
      (err: unknown) =>
        err instanceof ProtocolError && err.code === expected.code && err.message === expected.message,
      JSON.stringify(patch),
    );
  }
  const draft = draftConfirmationReply(golden, init);
  assert.throws(() => sealConfirmationReply(draft, new Uint8Array(17)), /exceeds 16/);
});
