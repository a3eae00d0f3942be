// The receipt QR string: t=YYYYMMDDTHHMM[SS]&s=<rubles.kopecks>&fn=…&i=…&fp=…&n=<1..4>.
// Keys and the date–time separator are read case-insensitively (protocol.md §8).
import { ProtocolError } from '../errors.js';
import { isValidFnNumber } from './fn-number.js';

export interface ReceiptQr {
  /** Local time of the receipt as unix seconds written as if UTC (tag 1012 convention, §2.2). */
  dateTime: number;
  /** Total (1020) in kopecks. */
  totalSum: number;
  fnNumber: string;
  /** FD number (1040). */
  fdNumber: number;
  /** Printed ФПД (§3.6). */
  fiscalSign: number;
  /** Settlement type (1054): 1 sale, 2 sale return, 3 purchase, 4 purchase return. */
  operationType: number;
}

const U32_MAX = 0xffffffff;

/** Builds the QR text; seconds are written only when non-zero, as registers commonly print. */
export function buildReceiptQr(r: ReceiptQr): string {
  if (!Number.isSafeInteger(r.totalSum) || r.totalSum < 0)
    throw bad('s', `total ${r.totalSum} is not kopecks`);
  if (!isValidFnNumber(r.fnNumber)) throw bad('fn', `"${r.fnNumber}" is not 16 digits`);
  if (!isU32(r.fdNumber)) throw bad('i', `${r.fdNumber} is not an FD number`);
  if (!isU32(r.fiscalSign)) throw bad('fp', `${r.fiscalSign} is not a printed fiscal sign`);
  if (![1, 2, 3, 4].includes(r.operationType)) throw bad('n', `${r.operationType} is not 1..4`);
  const rubles = Math.floor(r.totalSum / 100);
  const kopecks = String(r.totalSum % 100).padStart(2, '0');
  return `t=${formatT(r.dateTime)}&s=${rubles}.${kopecks}&fn=${r.fnNumber}&i=${r.fdNumber}&fp=${r.fiscalSign}&n=${r.operationType}`;
}

export function parseReceiptQr(text: string): ReceiptQr {
  const fields = new Map<string, string>();
  for (const pair of text.trim().replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = (eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
    if (fields.has(key)) throw bad(key, 'key repeats');
    fields.set(key, eq < 0 ? '' : pair.slice(eq + 1));
  }
  const get = (key: string): string => {
    const v = fields.get(key);
    if (v === undefined) throw bad(key, 'key is missing');
    return v;
  };
  return {
    dateTime: parseT(get('t')),
    totalSum: parseSum(get('s')),
    fnNumber: expect('fn', get('fn'), /^\d{16}$/),
    fdNumber: u32('i', get('i')),
    fiscalSign: u32('fp', get('fp')),
    operationType: Number(expect('n', get('n'), /^[1-4]$/)),
  };
}

function formatT(seconds: number): string {
  if (!Number.isSafeInteger(seconds) || seconds < 0) throw bad('t', `${seconds} is not a unix time`);
  const d = new Date(seconds * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const base = `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}T${p(d.getUTCHours())}${p(d.getUTCMinutes())}`;
  return d.getUTCSeconds() === 0 ? base : base + p(d.getUTCSeconds());
}

function parseT(v: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})t(\d{2})(\d{2})(\d{2})?$/i.exec(v);
  if (!m) throw bad('t', `"${v}" is not YYYYMMDDTHHMM[SS]`);
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw bad('t', `"${v}" is not a real date and time`);
  }
  return ms / 1000;
}

function parseSum(v: string): number {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(v);
  if (!m) throw bad('s', `"${v}" is not rubles.kopecks`);
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

function u32(key: string, v: string): number {
  const n = Number(expect(key, v, /^\d{1,10}$/));
  if (n > U32_MAX) throw bad(key, `${v} exceeds 32 bits`);
  return n;
}

function expect(key: string, v: string, re: RegExp): string {
  if (!re.test(v)) throw bad(key, `"${v}" has the wrong format`);
  return v;
}

function isU32(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= U32_MAX;
}

function bad(key: string, why: string): ProtocolError {
  return new ProtocolError('BAD_FIELD', `QR key "${key}": ${why}`);
}
