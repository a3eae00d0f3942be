import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { documentOf } from '../../test/document-arbitraries.js';
import { receipt12 } from '../../test/document-builders.js';
import { fromHex, readSharedJson } from '../../test/shared-data.js';
import { ProtocolError } from '../errors.js';
import { allDocuments } from '../registry/registry.js';
import { decodeDocument, decodeDocumentTags } from './decode.js';
import { encodeDocument } from './encode.js';
import type { FnsDocument, FnsFields } from './types.js';

function strip(doc: FnsDocument): FnsDocument {
  const [name, fields] = Object.entries(doc)[0] as [string, FnsFields];
  const { rawData: _r, messageFiscalSign: _m, ...rest } = fields;
  return { [name]: rest };
}

/** Runs `f`; anything thrown must be a ProtocolError. */
function onlyProtocolErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
  }
}

for (const d of allDocuments()) {
  test(`round trip: decode(encode(x)) = x for generated ${d.json} (form ${d.code})`, () => {
    fc.assert(
      fc.property(documentOf(d.code), (doc) => {
        assert.deepEqual(strip(decodeDocument(encodeDocument(doc))), doc);
      }),
      { numRuns: 100 },
    );
  });
}

const v = readSharedJson<{ hex: string }>('vectors/full_message_reregistration_report.json');
const seeds = [fromHex(v.hex).subarray(62), encodeDocument(receipt12(5))];

function decodeBoth(bytes: Uint8Array): void {
  onlyProtocolErrors(() => decodeDocument(bytes));
  onlyProtocolErrors(() => decodeDocumentTags(bytes));
}

test('arbitrary bytes yield a document or a ProtocolError', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 600 }), (b) => decodeBoth(b)),
    { numRuns: 2000 },
  );
  // With a valid document header, so the walk goes past the first 4 bytes.
  fc.assert(
    fc.property(
      fc.constantFrom(...allDocuments().map((d) => d.code)),
      fc.uint8Array({ maxLength: 600 }),
      (c, b) => {
        decodeBoth(Uint8Array.from([c, 0, b.length & 0xff, b.length >> 8, ...b]));
      },
    ),
    { numRuns: 2000 },
  );
});

test('every truncation of real documents yields a document or a ProtocolError', () => {
  for (const seed of seeds) for (let n = 0; n <= seed.length; n++) decodeBoth(seed.subarray(0, n));
});

test('bit-flipped real documents yield a document or a ProtocolError', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...seeds),
      fc.array(fc.tuple(fc.nat(), fc.nat(7)), { minLength: 1, maxLength: 6 }),
      (seed, flips) => {
        const b = seed.slice();
        for (const [at, bit] of flips) b[at % b.length] = (b[at % b.length] as number) ^ (1 << bit);
        decodeBoth(b);
      },
    ),
    { numRuns: 3000 },
  );
});

test('arbitrary JSON given to the encoder yields bytes or a ProtocolError', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (j) => onlyProtocolErrors(() => encodeDocument(j as FnsDocument))),
    { numRuns: 1000 },
  );
  fc.assert(
    fc.property(
      fc.constantFrom('receipt', 'fiscalReport', '7'),
      fc.dictionary(fc.string(), fc.jsonValue()),
      (n, f) => onlyProtocolErrors(() => encodeDocument({ [n]: f as FnsFields })),
    ),
    { numRuns: 1000 },
  );
});
