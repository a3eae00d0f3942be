import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeDocument } from '@openofd/protocol';
import type { CodecIo } from '../codec-io.js';
import { runEncode } from './encode.js';

function io(stdin = ''): CodecIo & { stdout: string; stderr: string } {
  const r = {
    stdout: '',
    stderr: '',
    stdin: async () => new Uint8Array(Buffer.from(stdin)),
    out(t: string) {
      r.stdout += t;
    },
    err(t: string) {
      r.stderr += t;
    },
  };
  return r;
}

const receipt = {
  receipt: { code: 3, fiscalDocumentNumber: 7, totalSum: 15000, items: [{ name: 'Хлеб', sum: 15000 }] },
};

test('FNS JSON on stdin → TLV hex that decodes back', async () => {
  const s = io(JSON.stringify(receipt));
  assert.equal(await runEncode([], s), 0);
  const bytes = new Uint8Array(Buffer.from(s.stdout.trim(), 'hex'));
  const { rawData: _r, ...fields } = decodeDocument(bytes).receipt ?? {};
  assert.deepEqual({ receipt: fields }, receipt);
});

test('from a file, as base64', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'openofd-encode-')), 'doc.json');
  writeFileSync(file, JSON.stringify(receipt));
  const s = io();
  assert.equal(await runEncode([file, '--base64'], s), 0);
  assert.equal(
    decodeDocument(new Uint8Array(Buffer.from(s.stdout.trim(), 'base64'))).receipt?.totalSum,
    15000,
  );
});

test('bad JSON and bad documents exit 2 with one line', async () => {
  const a = io('{ not json');
  assert.equal(await runEncode([], a), 2);
  assert.match(a.stderr, /^openofd encode: BAD_JSON at offset 0: .*\n$/);
  const b = io(JSON.stringify({ receipt: { items: [{ name: 'x'.repeat(200) }] } }));
  assert.equal(await runEncode([], b), 2);
  assert.match(b.stderr, /^openofd encode: VALUE_TOO_LONG at offset \d+ tag 3\/1059\/1030: .*\n$/);
  assert.equal(b.stdout, '');
});
