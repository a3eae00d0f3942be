// The emulator's own CPU per document: a pregenerated fleet against a
// confirming server in another process (so only sending, reading and
// checking the confirmation, bookkeeping and latency stats are counted),
// beside a bare Node client doing the same round trips (one 520-byte write,
// one 120-byte read) as the floor. CPU time of this process (user + system,
// process.cpuUsage), not wall time: the machines are shared.
import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createFleet } from './fleet.js';

const MASTER = 'emulator-bench';
const server = fileURLToPath(new URL('./testing/serve-confirmations.ts', import.meta.url));

async function child(args: string[]): Promise<{ port: number; process: ChildProcess }> {
  const p = spawn(process.execPath, ['--import', 'tsx', server, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    p.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    p.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  p.removeAllListeners('exit');
  return { port, process: p };
}

async function fleetRun(port: number, registers: number, docs: number): Promise<void> {
  const fleet = createFleet({
    port,
    registers,
    documentsPerRegister: docs,
    masterKey: MASTER,
    pregenerate: true,
  });
  fleet.prepare();
  const before = process.cpuUsage();
  const summary = await fleet.run();
  const used = process.cpuUsage(before);
  const n = summary.confirmed;
  console.log(
    `fleet ${String(registers).padStart(5)} registers: ${String(n).padStart(6)} documents, ${Math.round(((used.user + used.system) / n) * 10) / 10} µs/doc (user ${Math.round((used.user / n) * 10) / 10}, system ${Math.round((used.system / n) * 10) / 10}), ${summary.documentsPerSecond}/s, p99 ${summary.latencyMs.p99} ms, connect p99 ${summary.connectMs.p99} ms`,
  );
}

/** One 520-byte message in flight per connection, answered by 120 bytes. */
async function bareRun(port: number, connections: number, total: number): Promise<void> {
  const message = Buffer.alloc(520, 1);
  let sent = 0;
  let done = 0;
  const start = process.cpuUsage();
  await new Promise<void>((resolve) => {
    for (let i = 0; i < connections; i++) {
      const socket = createConnection({ port, host: '127.0.0.1', noDelay: true });
      let have = 0;
      socket.on('connect', () => {
        sent++;
        socket.write(message);
      });
      socket.on('data', (chunk: Buffer) => {
        have += chunk.length;
        while (have >= 120) {
          have -= 120;
          if (++done === total) resolve();
          if (sent < total) {
            sent++;
            socket.write(message);
          } else socket.end();
        }
      });
    }
  });
  const used = process.cpuUsage(start);
  const us = (n: number) => Math.round((n / total) * 10) / 10;
  console.log(
    `bare  ${String(connections).padStart(5)} connections: ${total} round trips, ${us(used.user + used.system)} µs each (user ${us(used.user)}, system ${us(used.system)})`,
  );
}

// `-- fleet`: the fleet runs only (for a CPU profile of the emulator alone).
const fleetOnly = process.argv.includes('fleet');
const confirming = await child([MASTER]);
const echo = await child([MASTER, '--echo']);
try {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  await fleetRun(confirming.port, 20, 50); // warm-up
  if (!fleetOnly) await bareRun(echo.port, 20, 5_000); // warm-up
  for (const [registers, docs] of [
    [100, 600],
    [2000, 30],
  ] as const) {
    if (!fleetOnly) await bareRun(echo.port, registers, registers * docs);
    await fleetRun(confirming.port, registers, docs);
  }
} finally {
  confirming.process.stdin!.end();
  echo.process.stdin!.end();
}
