import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ascii, concat, tlv, u32le } from '../../test/document-builders.js';
import { fromHex, readSharedJson, toHex } from '../../test/shared-data.js';
import { ProtocolError } from '../errors.js';
import { getTag, jsonNameFor } from '../registry/registry.js';
import { encodeBase64 } from '../tlv/base64.js';
import { decodeDocument, decodeDocumentTags, decodeStlvTags } from './decode.js';
import { splitDocument } from './split.js';
import type { FnsFields } from './types.js';

interface Vector {
  hex: string;
  expect: {
    document: { tag: number; length: number; trailing_hex: string; fields: Record<string, unknown> };
    document_tlv_sorted_by_tag_hex: string;
  };
}
const vector = readSharedJson<Vector>('vectors/full_message_reregistration_report.json');
const body = fromHex(vector.hex).subarray(62); // after the 30-byte session and 32-byte container headers
const { document, trailer } = splitDocument(body);

function without(fields: FnsFields | undefined, ...keys: string[]): FnsFields {
  const out = { ...fields };
  for (const k of keys) delete out[k];
  return out;
}

function isError(code: string, offset?: number, path?: number[]) {
  return (e: unknown) =>
    e instanceof ProtocolError &&
    e.code === code &&
    (offset === undefined || e.offset === offset) &&
    (path === undefined || e.path.join('/') === path.join('/'));
}

test('re-registration vector: split into the 394-byte document and the 10-byte trailer', () => {
  assert.equal(document.length, 4 + vector.expect.document.length);
  assert.equal(toHex(trailer), vector.expect.document.trailing_hex);
  assert.equal(splitDocument(body).code, 11);
});

test('re-registration vector: every field by tag (29 tags; the note says 28), raw padded values and ФПД', () => {
  const byTag = decodeDocumentTags(body)['11'] as FnsFields;
  const named = decodeDocument(body).fiscalReportCorrection as FnsFields;
  const tags = new Set<number>();
  for (const [key, expected] of Object.entries(vector.expect.document.fields)) {
    const tag = Number(key.slice(0, 4));
    tags.add(tag);
    if (key.endsWith('_raw') || key.endsWith('_raw_hex')) continue;
    const want = getTag(tag)?.repeatable ? [expected] : expected;
    assert.deepEqual(byTag[String(tag)], want, key);
    assert.deepEqual(named[jsonNameFor(tag, 11)], want, key);
  }
  assert.equal(tags.size, 29); // the vector says 28, but lists 29 tags
  assert.equal(Object.keys(without(byTag, 'code', 'rawData', 'messageFiscalSign')).length, 29);
  // The raw bytes behind the normalised values (§2.2) are kept in rawData.
  const raw = Buffer.from(named.rawData as string, 'base64');
  assert.ok(raw.includes(Buffer.from('7704358518  ')));
  assert.ok(raw.includes(Buffer.from('0000000005008570    ')));
  assert.ok(raw.includes(Buffer.from('2104aa107541', 'hex')));
  assert.equal(named.fiscalSign, 2853205313);
  assert.equal(named.code, 11);
});

test('re-registration vector: rawData is document + trailer, messageFiscalSign the BE u64 of 81 06 …', () => {
  const named = decodeDocument(body).fiscalReportCorrection as FnsFields;
  assert.equal(named.rawData, encodeBase64(body));
  assert.equal(named.messageFiscalSign, BigInt('0x8106a55ae10c4d75').toString());
  // The same with the trailer passed apart.
  assert.deepEqual(decodeDocument(document, { trailer }), decodeDocument(body));
  // No trailer: no messageFiscalSign.
  assert.equal((decodeDocument(document).fiscalReportCorrection as FnsFields).messageFiscalSign, undefined);
});

test('the tag-sorted TLV decodes to the same document (§2.1: order does not matter)', () => {
  const sorted = fromHex(vector.expect.document_tlv_sorted_by_tag_hex);
  const a = decodeDocument(document).fiscalReportCorrection;
  const b = decodeDocument(sorted).fiscalReportCorrection;
  assert.deepEqual(without(b, 'rawData'), without(a, 'rawData'));
  assert.equal(b?.rawData, encodeBase64(sorted));
});

test('tag-keyed TLV vectors of the primitives file', () => {
  const { cases } = readSharedJson<{
    cases: { kind: string; hex: string; value: Record<string, unknown> }[];
  }>('vectors/primitives.json');
  const tlvCases = cases.filter((c) => c.kind === 'tlv');
  assert.equal(tlvCases.length, 3);
  assert.deepEqual(without(decodeDocumentTags(fromHex(tlvCases[0]?.hex ?? ''))['11'], 'code', 'rawData'), {
    1205: [12, 9],
  });
  assert.deepEqual(decodeStlvTags(fromHex(tlvCases[1]?.hex ?? '')), { 1022: 42 });
  // yandex wraps the non-repeatable 1047 in an array; the registry keeps it an object.
  assert.deepEqual(without(decodeDocumentTags(fromHex(tlvCases[2]?.hex ?? ''))['7'], 'code', 'rawData'), {
    1068: { 1047: { 1015: 42 } },
  });
});

test('parent-dependent names: 1213 in form 21 is keyResource, totalSum inside counters is 1201', () => {
  const doc = tlv(21, tlv(1213, [0x6e, 0x01]), tlv(1157, tlv(1129, tlv(1201, [0x10, 0x27]))), tlv(1201, [1]));
  const d = decodeDocument(doc).currentStateReport as FnsFields;
  assert.equal(d.keyResource, 366);
  assert.deepEqual(d.fiscalDriveSumReports, { sellOper: { totalSum: 10000 } });
  assert.equal(d.tag1201, 1);
});

test('INN and RNM normalisation (§2.2); other text keeps its spaces', () => {
  const doc = tlv(
    3,
    tlv(1018, ascii('001234567890')),
    tlv(1203, ascii('000000000000')),
    tlv(1037, ascii('0000000005008570    ')),
    tlv(1021, ascii(' Ivanov ')),
  );
  const d = decodeDocument(doc).receipt as FnsFields;
  assert.equal(d.userInn, '1234567890');
  assert.equal(d.operatorInn, '000000000000');
  assert.equal(d.kktRegId, '0000000005008570');
  assert.equal(d.operator, ' Ivanov ');
});

test('unknown tags and repeated non-repeatable tags are kept, not lost', () => {
  const doc = tlv(
    3,
    tlv(4321, [1, 2, 3]),
    tlv(1040, u32le(5)),
    tlv(1040, u32le(6)),
    tlv(1059, tlv(4000, [])),
  );
  const d = decodeDocument(doc).receipt as FnsFields;
  assert.equal(d.tag4321, 'AQID');
  assert.deepEqual(d.fiscalDocumentNumber, [5, 6]);
  assert.deepEqual(d.items, [{ tag4000: '' }]);
  assert.equal((decodeDocumentTags(doc)['3'] as FnsFields)['4321'], 'AQID');
});

test('a tag repeated around a nested STLV that holds the same tag keeps every value', () => {
  const doc = tlv(3, tlv(1030, ascii('a')), tlv(1059, tlv(1030, ascii('b'))), tlv(1030, ascii('c')));
  const d = decodeDocument(doc).receipt as FnsFields;
  assert.deepEqual(d.name, ['a', 'c']);
  assert.deepEqual(d.items, [{ name: 'b' }]);
});

test('zero-length and padded integers decode (§2.1, §2.2)', () => {
  const doc = tlv(3, tlv(1040, []), tlv(1020, [0x10, 0x27, 0, 0, 0, 0]), tlv(1054, []), tlv(1023, []));
  const d = decodeDocument(doc).receipt as FnsFields;
  assert.deepEqual([d.fiscalDocumentNumber, d.totalSum, d.operationType, d.quantity], [0, 10000, 0, 0]);
});

test('errors name the code, byte offset and tag path', () => {
  assert.throws(() => decodeDocument(Uint8Array.of(3, 0, 1)), isError('TRUNCATED', 0));
  assert.throws(() => decodeDocument(Uint8Array.of(99, 0, 0, 0)), isError('UNKNOWN_DOCUMENT', 0, [99]));
  assert.throws(() => decodeDocument(Uint8Array.of(3, 0, 9, 0, 1)), isError('LENGTH_OUT_OF_BOUNDS', 0, [3]));
  const inner = concat(tlv(1040, u32le(1)), Uint8Array.of(0x23, 0x04, 0x20, 0x00, 1));
  assert.throws(() => decodeDocument(tlv(3, inner)), isError('LENGTH_OUT_OF_BOUNDS', 12, [3, 1059]));
  assert.throws(() => decodeDocument(tlv(3, [0x10, 0x04])), isError('TRUNCATED', 4, [3]));
  assert.throws(
    () => decodeDocument(tlv(3, tlv(1059, tlv(1018, ascii('1234567890123'))))),
    isError('VALUE_TOO_LONG', 8, [3, 1059, 1018]),
  );
  assert.throws(
    () => decodeDocument(tlv(3, tlv(1040, [1, 2, 3, 4, 5]))),
    isError('VALUE_TOO_LONG', 4, [3, 1040]),
  );
  let deep = tlv(1059, []);
  for (let i = 0; i < 8; i++) deep = tlv(1059, deep);
  assert.throws(() => decodeDocument(tlv(3, deep)), isError('NESTING_TOO_DEEP'));
  assert.match(
    (() => {
      try {
        decodeDocument(tlv(3, tlv(1059, tlv(1018, ascii('1234567890123')))));
      } catch (e) {
        return (e as ProtocolError).describe();
      }
      return '';
    })(),
    /^VALUE_TOO_LONG at offset 8 tag 3\/1059\/1018: /,
  );
});
