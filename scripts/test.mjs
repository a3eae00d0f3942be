// Test entry point. `npm test`: unit and integration tests (embedded PGlite).
// `--pg`: the database suites (*.db.test.ts) against a throwaway PostgreSQL.
// `--browser`: user flows in headless Chromium (*.browser.test.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './pg-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const mode = process.argv.includes('--pg') ? 'pg' : process.argv.includes('--browser') ? 'browser' : 'unit';
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(p);
  }
  return out;
}

const all = ['packages', 'apps', 'tools', 'scripts'].flatMap((d) => walk(join(root, d), []));
let files = all.filter((f) => {
  if (mode === 'browser') return f.endsWith('.browser.test.ts');
  if (f.endsWith('.browser.test.ts')) return false;
  if (mode === 'pg') return f.endsWith('.db.test.ts');
  return true;
});
if (only.length > 0) files = files.filter((f) => only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error(`no test files for mode ${mode}`);
  process.exit(1);
}

const env = { ...process.env };
let pg;
if (mode === 'pg') {
  pg = await startPostgres();
  env.OFD_TEST_DATABASE_URL = pg.url;
  console.log(`PostgreSQL for tests at ${pg.url}`);
}
let status = 1;
try {
  const args = [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    `--test-concurrency=${mode === 'browser' ? 1 : 2}`,
    ...files.map((f) => relative(root, f)),
  ];
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  status = r.status ?? 1;
} finally {
  pg?.stop();
}
process.exit(status);
