// `npm run bench`: documents/s and MB/s of decodeDocument (TLV → FNS JSON
// object, rawData base64 included) on one core, alone and followed by
// JSON.stringify. Target (issue 2): ≥ 250,000 documents/s.
// Each case: 1 s warm-up, then 1.5 s measured; 4 cases, 6 s measured in all.
// Besides wall-clock rates it prints CPU time per document (process.cpuUsage),
// which is steadier when other jobs share the cores.
import { receipt12 } from '../../test/document-builders.js';
import { fromHex, readSharedJson } from '../../test/shared-data.js';
import { decodeDocument } from './decode.js';
import { encodeDocument } from './encode.js';

const vector = readSharedJson<{ hex: string }>('vectors/full_message_reregistration_report.json');
const cases: [string, Uint8Array][] = [
  ['re-registration report, ФФД 1.05 (vector, document + trailer)', fromHex(vector.hex).subarray(62)],
  ['receipt, ФФД 1.2, 5 items', encodeDocument(receipt12(5))],
];

const WARM_UP_MS = 1000;
const MEASURE_MS = 1500;
const BATCH = 2000;

interface Result {
  perSecond: number;
  cpuMicros: number;
}

function measure(bytes: Uint8Array, work: (b: Uint8Array) => number): Result {
  let sink = 0;
  const run = (ms: number) => {
    let n = 0;
    const start = performance.now();
    const cpu = process.cpuUsage();
    while (performance.now() - start < ms) {
      for (let i = 0; i < BATCH; i++) sink += work(bytes);
      n += BATCH;
    }
    const used = process.cpuUsage(cpu);
    return { n, seconds: (performance.now() - start) / 1000, cpu: used.user + used.system };
  };
  run(WARM_UP_MS); // JIT tiers up, inline caches settle
  const { n, seconds, cpu } = run(MEASURE_MS);
  if (sink < 0) console.log(sink); // keeps the work observable
  return { perSecond: n / seconds, cpuMicros: cpu / n };
}

const works: [string, (b: Uint8Array) => number][] = [
  ['decodeDocument', (b) => (decodeDocument(b) === null ? 1 : 0)],
  ['decodeDocument + JSON.stringify', (b) => JSON.stringify(decodeDocument(b)).length],
];

for (const [name, bytes] of cases) {
  for (const [what, work] of works) {
    const { perSecond, cpuMicros } = measure(bytes, work);
    const mb = (perSecond * bytes.length) / 1e6;
    console.log(
      `${name} (${bytes.length} B), ${what}: ${Math.round(perSecond).toLocaleString('en')} documents/s, ` +
        `${mb.toFixed(1)} MB/s; CPU ${cpuMicros.toFixed(2)} µs/document (${Math.round(1e6 / cpuMicros).toLocaleString('en')}/s of CPU)`,
    );
  }
}
