// `npm run bench`: documents/s and MB/s of decodeDocument (TLV → FNS JSON
// object, rawData base64 included) on one core. Target ≥ 250,000 documents/s.
import { receipt12 } from '../../test/document-builders.js';
import { fromHex, readSharedJson } from '../../test/shared-data.js';
import { decodeDocument } from './decode.js';
import { encodeDocument } from './encode.js';

const vector = readSharedJson<{ hex: string }>('vectors/full_message_reregistration_report.json');
const cases: [string, Uint8Array][] = [
  ['re-registration report, ФФД 1.05 (vector, document + trailer)', fromHex(vector.hex).subarray(62)],
  ['receipt, ФФД 1.2, 5 items', encodeDocument(receipt12(5))],
];

function measure(bytes: Uint8Array, work: (b: Uint8Array) => unknown): number {
  let sink = 0;
  const run = (n: number) => {
    for (let i = 0; i < n; i++) sink += (work(bytes) as object) === null ? 1 : 0;
  };
  run(20_000); // warm up the JIT
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 1500) {
    run(5_000);
    n += 5_000;
  }
  const seconds = (performance.now() - start) / 1000;
  if (sink < 0) console.log(sink);
  return n / seconds;
}

for (const [name, bytes] of cases) {
  for (const [what, work] of [
    ['decodeDocument', (b: Uint8Array) => decodeDocument(b)],
    ['decodeDocument + JSON.stringify', (b: Uint8Array) => JSON.stringify(decodeDocument(b))],
  ] as const) {
    const perSecond = measure(bytes, work);
    const mb = (perSecond * bytes.length) / 1e6;
    console.log(
      `${name} (${bytes.length} B), ${what}: ${Math.round(perSecond).toLocaleString('en')} documents/s, ${mb.toFixed(1)} MB/s`,
    );
  }
}
