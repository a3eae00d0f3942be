import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CodecIo } from '../codec-io.js';
import { runDecode } from './decode.js';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', '..');
const vector = JSON.parse(
  readFileSync(resolve(repo, '..', 'shared', 'vectors', 'full_message_reregistration_report.json'), 'utf8'),
) as { hex: string };
const message = Buffer.from(vector.hex, 'hex');
const container = message.subarray(30);
const document = message.subarray(62);

function io(stdin: Uint8Array = new Uint8Array()): CodecIo & { stdout: string; stderr: string } {
  const r = {
    stdout: '',
    stderr: '',
    stdin: async () => stdin,
    out(t: string) {
      r.stdout += t;
    },
    err(t: string) {
      r.stderr += t;
    },
  };
  return r;
}

async function decode(argv: string[], stdin?: Uint8Array) {
  const s = io(stdin);
  const code = await runDecode(argv, s);
  return { code, json: s.stdout ? JSON.parse(s.stdout) : undefined, stderr: s.stderr };
}

test('a bare document (hex) prints the FNS shape', async () => {
  const r = await decode(['--hex', document.toString('hex')]);
  assert.equal(r.code, 0);
  assert.deepEqual(Object.keys(r.json), ['fiscalReportCorrection']);
  assert.equal(r.json.fiscalReportCorrection.userInn, '7702203276');
  assert.equal(r.json.fiscalReportCorrection.rawData, document.toString('base64'));
});

test('a whole message (base64) prints session, container and document', async () => {
  const r = await decode(['--base64', message.toString('base64')]);
  assert.equal(r.code, 0);
  assert.equal(r.json.session.fnNumber, '9999078900005488');
  assert.equal(r.json.container.crc, 0x7825);
  assert.equal(r.json.container.service1, '1009');
  assert.equal(r.json.document.fiscalReportCorrection.fiscalSign, 2853205313);
});

test('a container from a file, tag-keyed', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'openofd-decode-')), 'container.bin');
  writeFileSync(file, container);
  const r = await decode([file, '--format', 'tags']);
  assert.equal(r.code, 0);
  assert.equal(r.json.session, undefined);
  assert.equal(r.json.container.fdNumber, 1);
  assert.equal(r.json.document['11']['1018'], '7702203276');
});

test('stdin: raw binary, or hex text', async () => {
  const bin = await decode([], new Uint8Array(message));
  assert.equal(bin.code, 0);
  assert.equal(bin.json.document.fiscalReportCorrection.code, 11);
  const hex = await decode([], new Uint8Array(Buffer.from(`${document.toString('hex')}\n`)));
  assert.equal(hex.code, 0);
  assert.equal(hex.json.fiscalReportCorrection.code, 11);
});

test('--repeat prints documents/s to stderr', async () => {
  const r = await decode(['--hex', document.toString('hex'), '--repeat', '50']);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /^decoded 50 times: [\d,]+ documents\/s\n$/);
});

test('bad input: exit code 2 and one line naming offset and tag', async () => {
  const broken = Buffer.from(document);
  broken.writeUInt16LE(0x7fff, 6); // length of the first child runs past the end
  const r = await decode(['--hex', broken.toString('hex')]);
  assert.equal(r.code, 2);
  assert.equal(r.json, undefined);
  assert.match(r.stderr, /^openofd decode: LENGTH_OUT_OF_BOUNDS at offset 4 tag 11\/1041: .*\n$/);
  const garbage = await decode(['--hex', 'deadbeef']);
  assert.equal(garbage.code, 2);
  assert.match(garbage.stderr, /^openofd decode: UNKNOWN_DOCUMENT at offset 0/);
});

test('the installed command line: decode works and bad input exits 2', () => {
  const main = join(repo, 'apps', 'cli', 'src', 'main.ts');
  const ok = spawnSync(
    process.execPath,
    ['--import', 'tsx', main, 'decode', '--hex', document.toString('hex')],
    {
      cwd: repo,
      encoding: 'utf8',
    },
  );
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).fiscalReportCorrection.kktRegId, '0000000005008570');
  const bad = spawnSync(process.execPath, ['--import', 'tsx', main, 'decode', '--hex', '0300ff00'], {
    cwd: repo,
    encoding: 'utf8',
  });
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.match(bad.stderr, /LENGTH_OUT_OF_BOUNDS at offset 0 tag 3/);
  const usage = spawnSync(process.execPath, ['--import', 'tsx', main, 'decode', '--hex', 'xyz'], {
    cwd: repo,
    encoding: 'utf8',
  });
  assert.equal(usage.status, 2);
});
