import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHex, readSharedJson, toHex } from '../../test/shared-data.js';
import { deriveDriveKey } from '../crypto/drive-key.js';
import { computeOperatorSign, signConfirmation, verifyOperatorSign } from '../crypto/fiscal-signs.js';
import { decodeDocument } from '../documents/decode.js';
import { ProtocolError } from '../errors.js';
import { checkDocument } from '../flk/check-document.js';
import { buildConfirmation, encodeConfirmationMessage } from './confirmation.js';
import { FrameDecoder } from './frame-decoder.js';
import { decodeMessage } from './message.js';

const golden = fromHex(
  readSharedJson<{ hex: string }>('vectors/full_message_reregistration_report.json').hex,
);
const request = decodeMessage(golden);
const base = {
  ofdInn: '7704358518',
  fnNumber: '9999078900005488',
  fdNumber: 1,
  dateTime: 1488541200,
  responseCode: 0,
} as const;

test('ФФД 1.05: 1017 space-padded, 1041, 1040, 1012, 1068{1022}', () => {
  const tlv = buildConfirmation({ ...base, ffdVersion: '1.05' });
  assert.equal(
    toHex(tlv),
    [
      '07003d00',
      'f9030c00',
      toHex(new TextEncoder().encode('7704358518  ')),
      '11041000',
      toHex(new TextEncoder().encode('9999078900005488')),
      '10040400',
      '01000000',
      'f4030400',
      '1056b958',
      '2c040500',
      'fe03010000',
    ].join(''),
  );
  const doc = decodeDocument(tlv);
  assert.deepEqual(doc.operatorAck?.messageToFn, { ofdResponseCode: 0 });
  assert.equal(doc.operatorAck?.ofdInn, '7704358518');
  assert.deepEqual(checkDocument(doc, { ffdVersion: '1.05', now: Date.UTC(2017, 2, 3) }), []);
});

test('ФФД 1.1/1.2: 1206 in place of 1068; response code 14 sets the ФЛК bit', () => {
  for (const ffdVersion of ['1.1', '1.2'] as const) {
    const ok = decodeDocument(buildConfirmation({ ...base, ffdVersion, operatorMessageFlags: 4 }))
      .operatorAck!;
    assert.equal(ok.operatorMessage, 4);
    assert.equal(ok.messageToFn, undefined);
    const rejected = decodeDocument(buildConfirmation({ ...base, ffdVersion, responseCode: 14 }))
      .operatorAck!;
    assert.equal(rejected.operatorMessage, 2);
    assert.deepEqual(checkDocument({ operatorAck: rejected }, { ffdVersion, now: Date.UTC(2017, 2, 3) }), []);
  }
  // A 1.05 ack lacks 1206 and a 1.2 ack lacks 1068: ФЛК says so.
  const old = decodeDocument(buildConfirmation({ ...base, ffdVersion: '1.05' }));
  assert.deepEqual(
    checkDocument(old, { ffdVersion: '1.2', now: Date.UTC(2017, 2, 3) }).map((v) => v.tag),
    [1206],
  );
});

test('ФПО is the last element and matches the emulated crypto box', () => {
  const key = deriveDriveKey('test master key', base.fnNumber);
  const unsigned = buildConfirmation({ ...base, ffdVersion: '1.2' });
  const fpo = computeOperatorSign(key, unsigned);
  const signed = buildConfirmation({ ...base, ffdVersion: '1.2', fpo });
  assert.deepEqual(signed, signConfirmation(key, unsigned));
  assert.ok(verifyOperatorSign(key, signed));
  assert.equal(toHex(signed.subarray(-20, -16)), '36041000');
});

test('the reply frame echoes A-version, FN, FD number and service data 1 (§1.6)', () => {
  const tlv = buildConfirmation({ ...base, ffdVersion: '1.05' });
  const reply = encodeConfirmationMessage(request, tlv);
  const [m, ...rest] = new FrameDecoder().push(reply);
  assert.deepEqual(rest, []);
  assert.ok(m);
  assert.equal(m.session.aVersion, request.session.aVersion);
  assert.equal(m.session.fnNumber, '9999078900005488');
  assert.equal(m.session.flags, 0x14);
  assert.equal(m.session.bodyLength, 32 + tlv.length);
  assert.equal(m.container.documentType, 7);
  assert.equal(m.container.protocolVersion, 1);
  assert.equal(m.container.messageType, 0xa5);
  assert.equal(toHex(m.container.service1), '1009');
  assert.equal(m.container.fnNumber, '9999078900005488');
  assert.equal(m.container.fdNumber, 1);
  assert.equal(new TextDecoder().decode(m.container.service2), '           0');
  assert.deepEqual(m.body, tlv);
  const custom = decodeMessage(
    encodeConfirmationMessage(request, tlv, { service2: new Uint8Array(12).fill(7) }),
  );
  assert.deepEqual(custom.container.service2, new Uint8Array(12).fill(7));
});

test('bad confirmation fields are specific errors', () => {
  const cases: [Partial<Parameters<typeof buildConfirmation>[0]>, string][] = [
    [{ ofdInn: '77043585' }, 'BAD_FIELD'],
    [{ fnNumber: '99990789' }, 'BAD_FIELD'],
    [{ fdNumber: -1 }, 'BAD_FIELD'],
    [{ dateTime: 2 ** 32 }, 'BAD_FIELD'],
    [{ responseCode: 256 }, 'BAD_FIELD'],
    [{ fpo: new Uint8Array(17) }, 'VALUE_TOO_LONG'],
    [{ ffdVersion: '1.2', operatorMessageFlags: 300 }, 'BAD_FIELD'],
  ];
  for (const [patch, code] of cases) {
    assert.throws(
      () => buildConfirmation({ ...base, ffdVersion: '1.05', ...patch }),
      (e: unknown) => e instanceof ProtocolError && e.code === code,
      JSON.stringify(patch),
    );
  }
});
