// Throwaway PostgreSQL for the test suite: initdb + pg_ctl on a free loopback port.
// Used by `npm run test:pg`, `npm run bench` and the crash tests. Runs as the
// `postgres` user when we are root, because initdb refuses to run as root.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function findBin(name) {
  const candidates = [];
  if (existsSync('/usr/lib/postgresql')) {
    for (const v of readdirSync('/usr/lib/postgresql').sort().reverse()) {
      candidates.push(join('/usr/lib/postgresql', v, 'bin', name));
    }
  }
  candidates.push(`/usr/local/bin/${name}`, `/usr/bin/${name}`);
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`PostgreSQL binary ${name} not found: install Debian's postgresql`);
  return found;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts a fresh cluster; returns { url, stop() }. */
export async function startPostgres() {
  const initdb = findBin('initdb');
  const pgCtl = findBin('pg_ctl');
  const dir = mkdtempSync(join(tmpdir(), 'openofd-pg-'));
  const asRoot = process.getuid?.() === 0;
  let uid;
  let gid;
  if (asRoot) {
    uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  const run = (bin, args) => {
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' })
      : spawnSync(bin, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  };
  run(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const opts = [
    `-p ${port}`,
    '-h 127.0.0.1',
    `-k ${dir}`,
    '-c max_connections=300',
    '-c shared_buffers=256MB',
    '-c fsync=on',
    '-c synchronous_commit=on',
  ].join(' ');
  run(pgCtl, ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    dir,
    stop() {
      try {
        run(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
