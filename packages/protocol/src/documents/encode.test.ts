import assert from 'node:assert/strict';
import { test } from 'node:test';
import { receipt12 } from '../../test/document-builders.js';
import { fromHex, readSharedJson, toHex } from '../../test/shared-data.js';
import { ProtocolError } from '../errors.js';
import { decodeDocument, decodeDocumentTags } from './decode.js';
import { encodeDocument } from './encode.js';
import { splitDocument } from './split.js';
import type { FnsDocument, FnsFields } from './types.js';

function strip(doc: FnsDocument): FnsDocument {
  const [name, fields] = Object.entries(doc)[0] as [string, FnsFields];
  const { rawData: _r, messageFiscalSign: _m, ...rest } = fields;
  return { [name]: rest };
}

function isError(code: string, path?: number[]) {
  return (e: unknown) =>
    e instanceof ProtocolError &&
    e.code === code &&
    (path === undefined || e.path.join('/') === path.join('/'));
}

test('re-registration vector: decode → encode → decode is stable; only the ФПД prefix bytes differ', () => {
  const v = readSharedJson<{ hex: string }>('vectors/full_message_reregistration_report.json');
  const { document } = splitDocument(fromHex(v.hex).subarray(62));
  const decoded = decodeDocument(document);
  const encoded = encodeDocument(decoded);
  assert.deepEqual(strip(decodeDocument(encoded)), strip(decoded));
  // Same bytes, apart from 1077 written as 00 00 + printed u32 (the raw bytes stay in rawData).
  assert.equal(encoded.length, document.length);
  assert.equal(toHex(encoded).replace('0000aa107541', '2104aa107541'), toHex(document));
});

test('the tag-keyed shape encodes too (primitives vectors, exact bytes)', () => {
  assert.equal(toHex(encodeDocument({ 11: { 1205: [12, 9] } })), '0b001000b50404000c000000b504040009000000');
  assert.equal(
    toHex(encodeDocument({ 7: { 1068: { 1047: [{ 1015: 42 }] } } })),
    '070010002c040c0017040800f70304002a000000',
  );
  const tagged = decodeDocumentTags(encodeDocument(receipt12()));
  assert.deepEqual(strip(decodeDocumentTags(encodeDocument(tagged))), strip(tagged));
});

test('ФФД 1.2 receipt with 5 items round-trips', () => {
  const doc = receipt12(5);
  const bytes = encodeDocument(doc);
  assert.deepEqual(strip(decodeDocument(bytes)), doc);
  const r = decodeDocument(bytes).receipt as FnsFields;
  assert.equal((r.items as FnsFields[]).length, 5);
  assert.equal(r.rawData, Buffer.from(bytes).toString('base64'));
});

test('yandex/ofd names are accepted on input and come back as FNS names', () => {
  const d = decodeDocument(
    encodeDocument({ fiscalReport: { fnsSite: 'nalog.ru', retailAddress: 'Москва' } }),
  );
  assert.deepEqual(strip(d), { fiscalReport: { code: 1, fnsUrl: 'nalog.ru', retailPlaceAddress: 'Москва' } });
});

test('padding, ФПД and large values are written per §2.2/§3.6', () => {
  const bytes = encodeDocument({
    receipt: { userInn: '7702203276', fiscalSign: 36303916791105, totalSum: 0 },
  });
  assert.equal(
    toHex(bytes),
    `03001e00fa030c00${toHex(new TextEncoder().encode('7702203276  '))}35040600${'2104aa107541'}fc030000`,
  );
});

test('bad JSON gives BAD_JSON / VALUE_TOO_LONG / BAD_VALUE with the tag path', () => {
  assert.throws(() => encodeDocument({ nonsense: {} }), isError('UNKNOWN_DOCUMENT'));
  assert.throws(() => encodeDocument({ receipt: {}, bso: {} }), isError('BAD_JSON'));
  assert.throws(() => encodeDocument([] as unknown as FnsDocument), isError('BAD_JSON'));
  assert.throws(() => encodeDocument({ receipt: { code: 4 } }), isError('BAD_JSON', [3]));
  assert.throws(() => encodeDocument({ receipt: { colour: 'red' } }), isError('BAD_JSON', [3]));
  assert.throws(() => encodeDocument({ receipt: { totalSum: 'ten' } }), isError('BAD_VALUE', [3, 1020]));
  assert.throws(() => encodeDocument({ receipt: { totalSum: -1 } }), isError('BAD_VALUE', [3, 1020]));
  assert.throws(
    () => encodeDocument({ receipt: { totalSum: 2 ** 49 } }),
    isError('VALUE_TOO_LONG', [3, 1020]),
  );
  assert.throws(() => encodeDocument({ receipt: { operationType: 256 } }), isError('BAD_VALUE', [3, 1054]));
  assert.throws(() => encodeDocument({ receipt: { operationType: '1' } }), isError('BAD_JSON', [3, 1054]));
  assert.throws(
    () => encodeDocument({ receipt: { items: [{ name: 'x'.repeat(129) }] } }),
    isError('VALUE_TOO_LONG'),
  );
  assert.throws(
    () => encodeDocument({ receipt: { items: [{ name: '€' }] } }),
    isError('BAD_VALUE', [3, 1059, 1030]),
  );
  assert.throws(() => encodeDocument({ receipt: { items: 5 } }), isError('BAD_JSON', [3, 1059]));
  assert.throws(() => encodeDocument({ receipt: { userInn: '1234567890123' } }), isError('VALUE_TOO_LONG'));
  assert.throws(() => encodeDocument({ receipt: { tag4321: '%%' } }), isError('BAD_VALUE', [3, 4321]));
  assert.throws(
    () => encodeDocument({ receipt: { items: [{ properties: { name: 'x'.repeat(400) } }] } }),
    isError('VALUE_TOO_LONG'),
  );
});
