/**
 * Writes one ingest parameter (a PostgreSQL array literal, or JSON texts one
 * per line) straight as UTF-8 bytes. Building it as a JS string cost more
 * than the values: a string per element and per quote, a cons string per
 * `+=`, flattening, then the driver's byteLength and encode of the whole
 * (often two-byte, Cyrillic) text. The bytes go to PostgreSQL as a binary
 * `text` parameter, which the server receives exactly like the same text.
 */
const NUL_ESCAPE = Buffer.from('\\u0000', 'latin1');

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters looked for.
const NEEDS_ESCAPE = /["\\\u0000]/;
// Shorter strings: the JS loop costs less than the regular expression and the call.
const NATIVE_FROM = 8;

export class LiteralWriter {
  private buf: Buffer;
  private at = 0;

  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(Math.max(capacity, 64));
  }

  private ensure(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(grown, 0, 0, this.at);
    this.buf = grown;
  }

  byte(c: number): void {
    this.ensure(1);
    this.buf[this.at++] = c;
  }

  /** ASCII text as it is (numbers' String(), 'NULL'). */
  ascii(s: string): void {
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.at++] = s.charCodeAt(i);
  }

  /** A number as String(v) writes it; safe integers without the string. */
  number(v: number): void {
    if (!Number.isSafeInteger(v)) {
      this.ascii(String(v));
      return;
    }
    this.ensure(17);
    let n = v;
    if (n < 0) {
      this.buf[this.at++] = 0x2d;
      n = -n;
    }
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    const end = this.at + digits;
    for (let i = end - 1; i >= this.at; i--) {
      const q = Math.floor(n / 10);
      this.buf[i] = 0x30 + (n - q * 10);
      n = q;
    }
    this.at = end;
  }

  /**
   * An array element: double-quoted, `\` and `"` escaped, NUL (refused by
   * PostgreSQL text) → U+FFFD, lone surrogates → U+FFFD as Buffer.write does.
   */
  quoted(s: string): void {
    this.ensure(s.length * 6 + 2);
    const buf = this.buf;
    let at = this.at;
    buf[at++] = 0x22;
    if (s.length >= NATIVE_FROM && !NEEDS_ESCAPE.test(s)) {
      // Longer text without escapes: the native encoder beats the JS loop.
      at += buf.write(s, at, 'utf8');
      buf[at++] = 0x22;
      this.at = at;
      return;
    }
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c === 0x22 || c === 0x5c) buf[at++] = 0x5c;
        else if (c === 0) c = 0xfffd;
        if (c < 0x80) {
          buf[at++] = c;
          continue;
        }
      }
      if (c < 0x800) {
        buf[at++] = 0xc0 | (c >> 6);
        buf[at++] = 0x80 | (c & 0x3f);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const low = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          buf[at++] = 0xf0 | (cp >> 18);
          buf[at++] = 0x80 | ((cp >> 12) & 0x3f);
          buf[at++] = 0x80 | ((cp >> 6) & 0x3f);
          buf[at++] = 0x80 | (cp & 0x3f);
          i++;
          continue;
        }
        c = 0xfffd;
      }
      buf[at++] = 0xe0 | (c >> 12);
      buf[at++] = 0x80 | ((c >> 6) & 0x3f);
      buf[at++] = 0x80 | (c & 0x3f);
    }
    buf[at++] = 0x22;
    this.at = at;
  }

  /** Long text (a JSON document) as UTF-8 by the native encoder. */
  text(s: string): void {
    this.ensure(s.length * 3);
    this.at += this.buf.write(s, this.at, 'utf8');
  }

  /**
   * JSON texts as JSON.stringify writes them, except that the NUL character
   * (refused by PostgreSQL text and jsonb) becomes U+FFFD: its escape `\u0000`
   * is rewritten in place, as bytes (the same length), found by one native
   * search over everything written since `from` instead of a search per text.
   */
  replaceNulEscapes(from: number): void {
    const buf = this.buf.subarray(0, this.at);
    for (let i = buf.indexOf(NUL_ESCAPE, from); i !== -1; i = buf.indexOf(NUL_ESCAPE, i + 6)) {
      // Only an escape itself: `\\u0000` is an escaped backslash and the text "u0000".
      let backslashes = 0;
      while (i - backslashes - 1 >= from && buf[i - backslashes - 1] === 0x5c) backslashes++;
      if (backslashes % 2 === 0) buf.write('\\ufffd', i, 'latin1');
    }
  }

  get length(): number {
    return this.at;
  }

  /** The bytes written (a view: the writer is done). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.at);
  }
}
