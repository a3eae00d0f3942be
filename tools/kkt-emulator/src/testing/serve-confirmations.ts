// A confirming server in its own process, for the emulator benchmark:
// `node --import tsx serve-confirmations.ts <master key>` prints its port and
// runs until its stdin closes. With `--echo` it answers every 520 bytes
// received with 120 bytes instead (the floor: a bare client's round trip).
import { createServer } from 'node:net';
import { startConfirmingServer } from './confirming-server.js';

const [masterKey = 'bench', mode] = process.argv.slice(2);
if (mode === '--echo') {
  const reply = Buffer.alloc(120, 7);
  const server = createServer({ noDelay: true }, (socket) => {
    let have = 0;
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      have += chunk.length;
      while (have >= 520) {
        have -= 520;
        socket.write(reply);
      }
    });
  });
  server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
    const address = server.address();
    console.log(typeof address === 'object' && address ? address.port : 0);
  });
  process.stdin.on('end', () => process.exit(0)).resume();
} else {
  const server = await startConfirmingServer({ masterKey });
  console.log(server.port);
  process.stdin.on('end', () => void server.close().then(() => process.exit(0))).resume();
}
