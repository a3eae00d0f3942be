// The decoder builds one store function per JSON name with `new Function`
// (decode.ts, setterFor). Where code generation is forbidden (a browser CSP
// without 'unsafe-eval'; here Node's --disallow-code-generation-from-strings)
// it must fall back to plain keyed stores and give exactly the same JSON.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { receipt12 } from '../../test/document-builders.js';
import { fromHex, readSharedJson, toHex } from '../../test/shared-data.js';
import { decodeDocument } from './decode.js';
import { encodeDocument } from './encode.js';

const decodeModule = new URL('./decode.ts', import.meta.url).href;
const vector = readSharedJson<{ hex: string }>('vectors/full_message_reregistration_report.json');

function decodeWithoutEval(bytes: Uint8Array): { evalAllowed: boolean; json: string } {
  const script = `
    import { decodeDocument } from ${JSON.stringify(decodeModule)};
    let evalAllowed = true;
    try { new Function('return 1'); } catch { evalAllowed = false; }
    const hex = process.argv[1];
    const bytes = Uint8Array.from(hex.match(/../g), (h) => parseInt(h, 16));
    process.stdout.write(JSON.stringify({ evalAllowed, json: JSON.stringify(decodeDocument(bytes)) }));
  `;
  const child = spawnSync(
    process.execPath,
    [
      '--disallow-code-generation-from-strings',
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script,
      toHex(bytes),
    ],
    { encoding: 'utf8', cwd: fileURLToPath(new URL('.', import.meta.url)) },
  );
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as { evalAllowed: boolean; json: string };
}

test('without runtime code generation the decoder gives the same JSON (vector and 5-item receipt)', () => {
  for (const bytes of [fromHex(vector.hex).subarray(62), encodeDocument(receipt12(5))]) {
    const { evalAllowed, json } = decodeWithoutEval(bytes);
    assert.equal(evalAllowed, false);
    assert.equal(json, JSON.stringify(decodeDocument(bytes)));
  }
});
