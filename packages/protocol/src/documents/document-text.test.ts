// Strings are slices of the whole document decoded once by TextDecoder('ibm866')
// (document-text.ts). ICU's IBM-866 maps a few control bytes unlike CP866, so
// these tests put every byte value in strings and the odd bytes beside them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { concat, receipt12, tlv, u32le } from '../../test/document-builders.js';
import { fromHex, readSharedJson, toHex } from '../../test/shared-data.js';
import { decodeCp866 } from '../tlv/cp866.js';
import { decodeDocument, decodeStlvTags } from './decode.js';
import { encodeDocument } from './encode.js';

const everyByte = Uint8Array.from({ length: 256 }, (_, b) => b);

test('every byte value inside strings decodes as the CP866 table says', () => {
  // 1048 user, 1009 address, 1187 place, 1227 buyer: 64 bytes each.
  const tags = [1048, 1009, 1187, 1227];
  const parts = tags.map((tag, i) => tlv(tag, everyByte.subarray(i * 64, i * 64 + 64)));
  const fields = decodeStlvTags(concat(...parts));
  tags.forEach((tag, i) => {
    assert.equal(fields[String(tag)], decodeCp866(everyByte, i * 64, i * 64 + 64), `tag ${tag}`);
  });
});

test('control bytes 0x1A, 0x1C, 0x7F in lengths and numbers leave the strings beside them intact', () => {
  const doc = concat(
    tlv(1040, u32le(0x7f1c1a7f)), // fiscalDocumentNumber: odd bytes in a number
    tlv(
      1048,
      Array.from({ length: 0x1c }, (_, i) => 0x80 + i),
    ), // length 0x1C, Cyrillic text
    tlv(1187, [0x41, 0x1a, 0x42, 0x1c, 0x43, 0x7f]), // the odd bytes inside a string
    tlv(1009, [0x8e, 0x8e, 0x8e]),
  );
  const receipt = decodeDocument(concat(tlv(3, doc))).receipt;
  assert.equal(receipt?.fiscalDocumentNumber, 0x7f1c1a7f);
  assert.equal(receipt?.user, 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫ');
  assert.equal(receipt?.retailPlace, 'A\x1aB\x1cC\x7f');
  assert.equal(receipt?.retailPlaceAddress, 'ООО');
});

test('a document full of odd control bytes still decodes every string by the table', () => {
  const noise = tlv(1040, u32le(0x1a1a1a1a));
  const strings = Array.from({ length: 20 }, (_, i) => tlv(1048 + (i % 2) * 139, [0x1a, 0x80 + i, 0x7f]));
  const fields = decodeStlvTags(concat(...Array.from({ length: 8 }, () => noise), ...strings));
  assert.deepEqual(
    fields['1048'],
    Array.from({ length: 10 }, (_, i) => `\x1a${decodeCp866(Uint8Array.of(0x80 + 2 * i))}\x7f`),
  );
});

test('without TextDecoder (table path) the decoder gives the same JSON', () => {
  const vector = readSharedJson<{ hex: string }>('vectors/full_message_reregistration_report.json');
  const decodeModule = new URL('./decode.ts', import.meta.url).href;
  for (const bytes of [fromHex(vector.hex).subarray(62), encodeDocument(receipt12(5))]) {
    const script = `
      delete globalThis.TextDecoder;
      const { decodeDocument } = await import(${JSON.stringify(decodeModule)});
      const hex = process.argv[1];
      const bytes = Uint8Array.from(hex.match(/../g), (h) => parseInt(h, 16));
      process.stdout.write(JSON.stringify(decodeDocument(bytes)));
    `;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, toHex(bytes)],
      {
        encoding: 'utf8',
        cwd: fileURLToPath(new URL('.', import.meta.url)),
      },
    );
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout, JSON.stringify(decodeDocument(bytes)));
  }
});
