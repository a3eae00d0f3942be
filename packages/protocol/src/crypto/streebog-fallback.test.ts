// The JS fallback of the Streebog class (platforms without WebAssembly) runs
// in a child process with WebAssembly removed and must give the digests and
// MACs the WebAssembly path gives here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { HmacStreebog256 } from './hmac.js';
import { STREEBOG_BACKEND, streebog256, streebog512 } from './streebog.js';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const LENGTHS = [0, 1, 63, 64, 65, 300, 5000];
const message = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) & 255);

/** Digests of the fixed messages, and HMACs under a fixed key, with the given module. */
function digests(m: {
  streebog256: typeof streebog256;
  streebog512: typeof streebog512;
  HmacStreebog256: typeof HmacStreebog256;
}): string[] {
  const mac = new m.HmacStreebog256(Uint8Array.from({ length: 32 }, (_, i) => i));
  return LENGTHS.flatMap((n) => [
    hex(m.streebog256(message(n))),
    hex(m.streebog512(message(n))),
    hex(mac.mac(message(n))),
  ]);
}

test('without WebAssembly the JS path gives the same digests and MACs', () => {
  assert.equal(STREEBOG_BACKEND, 'wasm');
  const here = digests({ streebog256, streebog512, HmacStreebog256 });
  const streebog = fileURLToPath(new URL('./streebog.js', import.meta.url)).replace(/\.js$/, '.ts');
  const hmac = fileURLToPath(new URL('./hmac.js', import.meta.url)).replace(/\.js$/, '.ts');
  const warmUp = fileURLToPath(new URL('../errors.js', import.meta.url)).replace(/\.js$/, '.ts');
  // WebAssembly is hidden only while the crypto modules load: the TS loader itself needs it.
  const script = `
    await import(${JSON.stringify(warmUp)});
    const wasm = globalThis.WebAssembly;
    delete globalThis.WebAssembly;
    const s = await import(${JSON.stringify(streebog)});
    const h = await import(${JSON.stringify(hmac)});
    globalThis.WebAssembly = wasm;
    const hex = ${hex.toString()};
    const message = ${message.toString()};
    const digests = ${digests.toString()};
    const LENGTHS = ${JSON.stringify(LENGTHS)};
    console.log(JSON.stringify({ backend: s.STREEBOG_BACKEND, out: digests({ ...s, ...h }) }));`;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  const child = JSON.parse(output) as { backend: string; out: string[] };
  assert.equal(child.backend, 'js');
  assert.deepEqual(child.out, here);
});
