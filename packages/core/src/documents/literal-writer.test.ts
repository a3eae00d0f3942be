import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LiteralWriter } from './literal-writer.js';

/** The array element as the string-building encoder wrote it before, then UTF-8 (Buffer.from). */
function quotedAsText(s: string): Buffer {
  const v = s.replaceAll('\u0000', '\ufffd').replace(/[\\"]/g, '\\$&');
  return Buffer.from(`"${v}"`, 'utf8');
}

// Quotes, backslashes, NUL, Cyrillic, an astral character and both halves of a
// surrogate pair alone: everything the byte encoder treats specially.
const tricky = fc.string({
  unit: fc.constantFrom('a', '"', '\\', '\u0000', 'Ж', 'ё', '€', '😀', '\ud83d', '\ude00', ',', '{', ' '),
  maxLength: 40,
});

// Nothing to escape (the native path from 8 units on), lone surrogates included.
const plain = fc.string({
  unit: fc.constantFrom('a', 'Ж', '€', '😀', '\ud83d', '\ude00', ' '),
  minLength: 6,
  maxLength: 40,
});

test('quoted elements are the UTF-8 of the escaped text, lone surrogates as U+FFFD like Buffer.from', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(tricky, plain, fc.string({ unit: 'binary' })), { maxLength: 20 }),
      (values) => {
        // A small start capacity: growing keeps what was written.
        const w = new LiteralWriter(1);
        for (const v of values) w.quoted(v);
        assert.deepEqual(w.bytes(), Buffer.concat(values.map(quotedAsText)));
      },
    ),
    { numRuns: 2000 },
  );
});

test('numbers are written as String() writes them', () => {
  const specials = [
    0,
    -0,
    1,
    -1,
    9,
    10,
    99,
    100,
    2 ** 31,
    2 ** 32 - 1,
    2 ** 53 - 1,
    -(2 ** 53) + 1,
    2 ** 53,
    1e21,
    1.5,
    -0.25,
  ];
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.constantFrom(...specials),
          fc.maxSafeInteger(),
          fc.integer(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        ),
        { maxLength: 20 },
      ),
      (values) => {
        const w = new LiteralWriter(1);
        for (const v of values) {
          w.number(v);
          w.byte(0x2c);
        }
        assert.equal(w.bytes().toString('latin1'), values.map((v) => `${String(v)},`).join(''));
      },
    ),
    { numRuns: 2000 },
  );
});

test('long text is written as its UTF-8', () => {
  const w = new LiteralWriter(4);
  const doc = JSON.stringify({ receipt: { user: 'ООО "Ромашка"', items: [{ name: 'Кофе 😀 \\ \n' }] } });
  w.text(doc);
  w.byte(0x0a);
  w.text(doc);
  assert.equal(w.bytes().toString('utf8'), `${doc}\n${doc}`);
});

test('JSON texts keep every character but NUL, whose escape becomes that of U+FFFD', () => {
  const texts = fc.array(fc.string({ unit: fc.constantFrom('a', '\\', 'u', '0', '\u0000', 'Ж', '"') }), {
    maxLength: 12,
  });
  fc.assert(
    fc.property(fc.string({ maxLength: 8 }), texts, (before, values) => {
      const w = new LiteralWriter(1);
      w.text(before);
      w.byte(0x0a);
      const from = w.length;
      values.forEach((v, i) => {
        if (i > 0) w.byte(0x0a);
        w.text(JSON.stringify(v));
      });
      w.replaceNulEscapes(from);
      const [head, ...lines] = w.bytes().toString('utf8').split('\n');
      assert.equal(head, before);
      assert.equal(lines.length, Math.max(values.length, 1));
      values.forEach((v, i) => {
        const line = lines[i] as string;
        // The same text where there was no NUL; else the same length, parsing to U+FFFD for NUL.
        if (!v.includes('\u0000')) assert.equal(line, JSON.stringify(v));
        assert.equal(line.length, JSON.stringify(v).length);
        assert.equal(JSON.parse(line), v.replaceAll('\u0000', '\ufffd'));
      });
    }),
    { numRuns: 3000 },
  );
});
