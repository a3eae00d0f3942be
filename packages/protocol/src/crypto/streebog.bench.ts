// Streebog and the emulated fiscal signs: MB/s and operations/s on this machine.
// The gateway needs, per document, a ФПС check and a ФПО; the emulator a ФПД and a ФПС.
import { deriveDriveKey } from './drive-key.js';
import { computeOperatorSign, signDocument, verifyFiscalSign, verifyMessageSign } from './fiscal-signs.js';
import { HmacStreebog256 } from './hmac.js';
import { streebog256 } from './streebog.js';

// Figures are per CPU second of this process (process.cpuUsage), not wall time:
// these machines are shared, and other jobs would otherwise halve them at random.
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function measure(label: string, unit: string, perRun: number, run: () => void): void {
  run(); // warm-up
  let best = 0;
  for (let round = 0; round < 3; round++) {
    const start = cpuSeconds();
    let runs = 0;
    while (cpuSeconds() - start < 0.5) {
      for (let i = 0; i < 16; i++) run();
      runs += 16;
    }
    best = Math.max(best, (runs * perRun) / (cpuSeconds() - start));
  }
  console.log(`${label.padEnd(44)} ${best.toFixed(unit === 'MB/s' ? 1 : 0).padStart(10)} ${unit}`);
}

const big = Uint8Array.from({ length: 1 << 16 }, (_, i) => i & 255);
measure('Streebog-256, 64 KiB messages', 'MB/s', 0.065536, () => streebog256(big));
const block = new Uint8Array(64);
measure('Streebog-256, 64-byte messages', 'hashes/s', 1, () => streebog256(block));

const hmac = new HmacStreebog256(new Uint8Array(32).fill(7));
const doc300 = new Uint8Array(300).fill(1);
const conf80 = new Uint8Array(80).fill(2);
measure('HMAC-Streebog-256, 300-byte document', 'HMACs/s', 1, () => hmac.mac(doc300));
measure('HMAC-Streebog-256, 80-byte confirmation', 'HMACs/s', 1, () => hmac.mac(conf80));

// A 300-byte receipt-sized document TLV (form 3 holding one opaque child).
const receipt = new Uint8Array(300);
receipt.set([3, 0, 296 & 255, 296 >> 8, 0x2c, 0x04, 292 & 255, 292 >> 8]);
const key = deriveDriveKey('openofd-demo-master-key', '9999078900005488');
const signed = signDocument(key, receipt);
measure('emulator: sign document (ФПД + ФПС)', 'docs/s', 1, () => signDocument(key, receipt));
measure('gateway: verify ФПС + ФПД + make ФПО', 'docs/s', 1, () => {
  verifyMessageSign(key, signed.document, signed.trailer);
  verifyFiscalSign(key, signed.document);
  computeOperatorSign(key, conf80);
});
measure('gateway: verify ФПС + make ФПО', 'docs/s', 1, () => {
  verifyMessageSign(key, signed.document, signed.trailer);
  computeOperatorSign(key, conf80);
});
// The gateway's real pattern: each document from another drive, so the key
// states come from memory rather than the cache (per-key footprint matters).
const drives = Array.from({ length: 2000 }, (_, i) => deriveDriveKey('m', String(9999078900000000 + i)));
const driveDocs = drives.map((k) => signDocument(k, receipt));
let turn = 0;
measure('gateway: verify ФПС + ФПД + make ФПО, 2 000 drives', 'docs/s', 1, () => {
  const i = turn++ % drives.length;
  const k = drives[i]!;
  const d = driveDocs[i]!;
  verifyMessageSign(k, d.document, d.trailer);
  verifyFiscalSign(k, d.document);
  computeOperatorSign(k, conf80);
});
measure('derive a drive key (cold)', 'keys/s', 1, () => deriveDriveKey('m', '9999078900005488'));
