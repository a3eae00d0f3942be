// Frame decoding throughput on this machine: the 466-byte re-registration
// message (shared vector) through FrameDecoder, as whole chunks, many per
// chunk, and in small TCP-like pieces; plus the reply path and ФЛК.
import { validReceipt12 } from '../../test/flk-receipt.js';
import { fromHex, readSharedJson } from '../../test/shared-data.js';
import { checkDocument } from '../flk/check-document.js';
import { buildConfirmation, encodeConfirmationMessage } from './confirmation.js';
import { FrameDecoder } from './frame-decoder.js';
import { decodeMessage } from './message.js';

function measure(label: string, perRun: number, bytesPerRun: number, run: () => void): void {
  for (let i = 0; i < 2000; i++) run(); // warm-up: let the JIT settle before timing
  let best = 0;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    let runs = 0;
    while (performance.now() - start < 700) {
      run();
      runs++;
    }
    best = Math.max(best, runs / ((performance.now() - start) / 1000));
  }
  const mbs = bytesPerRun > 0 ? `${((best * bytesPerRun) / 1e6).toFixed(1).padStart(8)} MB/s` : '';
  console.log(`${label.padEnd(48)} ${(best * perRun).toFixed(0).padStart(10)} msg/s ${mbs}`);
}

const golden = fromHex(
  readSharedJson<{ hex: string }>('vectors/full_message_reregistration_report.json').hex,
);
const decoder = new FrameDecoder();
measure('FrameDecoder, one 466-byte message per chunk', 1, golden.length, () => {
  if (decoder.push(golden).length !== 1) throw new Error('lost a message');
});

const many = 140;
const stream = new Uint8Array(golden.length * many);
for (let i = 0; i < many; i++) stream.set(golden, i * golden.length);
measure(`FrameDecoder, ${many} messages in one 64 KB chunk`, many, stream.length, () => {
  if (decoder.push(stream).length !== many) throw new Error('lost a message');
});

const pieces = Array.from({ length: Math.ceil(golden.length / 16) }, (_, i) =>
  golden.subarray(i * 16, i * 16 + 16),
);
measure('FrameDecoder, 466-byte message in 16-byte pieces', 1, golden.length, () => {
  let n = 0;
  for (const p of pieces) n += decoder.push(p).length;
  if (n !== 1) throw new Error('lost a message');
});

const request = decodeMessage(golden);
measure('reply: buildConfirmation + encodeConfirmationMessage', 1, 0, () => {
  encodeConfirmationMessage(
    request,
    buildConfirmation({
      ofdInn: '7704358518',
      fnNumber: '9999078900005488',
      fdNumber: 1,
      dateTime: 1488541200,
      responseCode: 0,
      ffdVersion: '1.05',
    }),
  );
});

const receipt = validReceipt12();
const now = Date.UTC(2024, 8, 18);
measure('ФЛК: checkDocument, 2-item ФФД 1.2 receipt', 1, 0, () => {
  if (checkDocument(receipt, { now }).length !== 0) throw new Error('receipt should pass');
});
