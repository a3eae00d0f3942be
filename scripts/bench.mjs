// `npm run bench`: runs every benchmark file (*.bench.ts) in turn. Each prints
// its own figures; docs/benchmarks.md records them with machine and date.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.bench.ts')) out.push(p);
  }
  return out;
}
let files = ['packages', 'apps', 'tools'].flatMap((d) => walk(join(root, d), []));
if (only.length > 0) files = files.filter((f) => only.some((o) => f.includes(o)));
let failed = 0;
for (const f of files) {
  console.log(`\n## ${relative(root, f)}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', f], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
