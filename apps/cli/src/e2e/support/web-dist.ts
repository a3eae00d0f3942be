import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
export const webDist = join(repoRoot, 'apps/web/dist');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

/** Builds apps/web once when dist/ is missing or older than the sources it is made of. */
export function ensureWebBuilt(): void {
  const index = join(webDist, 'index.html');
  const sources = [
    'apps/web/src',
    'apps/web/index.html',
    'apps/web/public',
    'apps/web/vite.config.ts',
    'apps/web/package.json',
    'packages/contract/src',
  ].map((p) => join(repoRoot, p));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  const r = spawnSync('npm', ['run', 'build', '-w', '@openofd/web'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building apps/web failed');
}
