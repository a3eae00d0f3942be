// `npm run bench`: the floor under the gateway benchmark. A bare node:net echo
// server (child process) and client (this process) exchange a 520-byte message
// and a 120-byte reply with one message in flight per connection, as the
// emulated registers do, and no work on either side. Its round trips/s and
// CPU µs per round trip bound what any gateway on this machine can reach.
import { type ChildProcess, fork } from 'node:child_process';
import { createConnection, createServer, type Socket } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { processCpuSeconds } from './gateway-child.js';

const SECONDS = 5;

if (process.argv[2] === 'server') {
  const reply = Buffer.alloc(120, 1);
  const server = createServer({ noDelay: true }, (socket) => {
    socket.on('data', () => socket.write(reply));
    socket.on('error', () => socket.destroy());
  });
  server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
    const address = server.address();
    process.send?.(typeof address === 'object' && address ? address.port : 0);
  });
} else {
  const rows: string[] = [];
  for (const connections of [1, 100, 2000]) {
    const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['server'], {
      execArgv: ['--import', 'tsx'],
    });
    const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(Number(m))));
    const message = Buffer.alloc(520, 2);
    const sockets: Socket[] = [];
    let roundTrips = 0;
    let running = true;
    // Connect in slices: a burst of thousands of SYNs is not what is measured here.
    for (let i = 0; i < connections; i += 100) {
      const slice = Array.from({ length: Math.min(100, connections - i) }, () => {
        const socket = createConnection({ port, host: '127.0.0.1', noDelay: true });
        sockets.push(socket);
        socket.on('data', () => {
          roundTrips++;
          if (running) socket.write(message);
        });
        return new Promise((resolve) => socket.once('connect', resolve));
      });
      await Promise.all(slice);
    }
    const serverBefore = processCpuSeconds(child.pid!);
    const selfBefore = process.cpuUsage();
    const started = performance.now();
    for (const s of sockets) s.write(message);
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    running = false;
    const seconds = (performance.now() - started) / 1000;
    const self = process.cpuUsage(selfBefore);
    const server = processCpuSeconds(child.pid!) - serverBefore;
    const perTrip = (cpu: number) => ((cpu * 1e6) / Math.max(1, roundTrips)).toFixed(1);
    rows.push(
      `| ${connections} | ${Math.round(roundTrips / seconds)} | ${perTrip((self.user + self.system) / 1e6)} | ${perTrip(server)} |`,
    );
    for (const s of sockets) s.destroy();
    child.kill();
  }
  console.log(
    `\n${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? '?'} · Node ${process.version} · load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  console.log('| connections | round trips/s | client CPU µs/trip | server CPU µs/trip |');
  console.log('|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
}
