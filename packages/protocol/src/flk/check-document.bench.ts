// ФЛК throughput: documents/s of checkDocument per CPU second of this process
// (the machines are shared; wall-clock figures would swing with other jobs).
// Inputs: the 5-item ФФД 1.2 receipt of the decoder benchmark, the 2-item
// receipt of the ФЛК tests, the real re-registration report (shared vector)
// and a receipt with violations (the slow path that builds messages).
import { receipt12 } from '../../test/document-builders.js';
import { validReceipt12 } from '../../test/flk-receipt.js';
import { fromHex, readSharedJson } from '../../test/shared-data.js';
import { decodeDocument } from '../documents/decode.js';
import type { FnsDocument } from '../documents/types.js';
import { decodeMessage } from '../frame/message.js';
import { checkDocument } from './check-document.js';

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

const NOW = Date.UTC(2026, 0, 1);

function measure(label: string, doc: FnsDocument, expectedViolations: number): void {
  const found = checkDocument(doc, { now: NOW }).length;
  if (found !== expectedViolations)
    throw new Error(`${label}: ${found} violations, expected ${expectedViolations}`);
  for (let i = 0; i < 20_000; i++) checkDocument(doc, { now: NOW }); // warm-up
  let best = 0;
  for (let round = 0; round < 3; round++) {
    const start = cpuSeconds();
    let runs = 0;
    while (cpuSeconds() - start < 0.5) {
      for (let i = 0; i < 256; i++) checkDocument(doc, { now: NOW });
      runs += 256;
    }
    best = Math.max(best, runs / (cpuSeconds() - start));
  }
  const us = (1e6 / best).toFixed(2);
  console.log(`${label.padEnd(52)} ${best.toFixed(0).padStart(10)} documents/s ${us.padStart(7)} µs`);
}

const vector = readSharedJson<{ hex: string }>('vectors/full_message_reregistration_report.json');
const report = decodeDocument(decodeMessage(fromHex(vector.hex)).body);

const bad = validReceipt12();
bad.receipt.kktRegId = '00000000050085X0';
bad.receipt.operatorInn = '771234567891';
bad.receipt.items[1]!.nds = 9;

measure('ФЛК, ФФД 1.2 receipt, 5 items (decoder bench input)', receipt12(5), 1); // cashier INN warns
measure('ФЛК, ФФД 1.2 receipt, 2 items', validReceipt12(), 0);
measure('ФЛК, re-registration report (vector, ФФД 1.05)', report, 1);
measure('ФЛК, 2-item receipt with 3 violations', bad, 3);
