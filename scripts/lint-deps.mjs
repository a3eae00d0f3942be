// Enforces the dependency direction of ARCHITECTURE.md: which workspace may
// import which, and that the protocol package touches no Node API.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ALLOWED = {
  'packages/protocol': [],
  'packages/contract': [],
  'packages/core': ['@openofd/protocol'],
  'apps/gateway': ['@openofd/core', '@openofd/protocol'],
  'apps/worker': ['@openofd/core', '@openofd/protocol'],
  'apps/fns-emulator': ['@openofd/protocol'],
  'apps/api': ['@openofd/core', '@openofd/contract'],
  'apps/web': ['@openofd/contract'],
  'tools/kkt-emulator': ['@openofd/protocol'],
  'apps/cli': ['*'],
};
// Packages that must stay pure: no node: built-ins outside their tests.
const PURE = new Set(['packages/protocol']);

const importRe =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
const problems = [];

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts)$/.test(name)) out.push(p);
  }
  return out;
}

for (const [ws, allowed] of Object.entries(ALLOWED)) {
  let files;
  try {
    files = walk(join(root, ws, 'src'), []);
  } catch {
    continue;
  }
  for (const file of files) {
    const isTest = /\.(test|bench)\.tsx?$/.test(file) || file.includes('/testing/');
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec) continue;
      const where = relative(root, file);
      if (spec.startsWith('@openofd/') || spec === 'openofd') {
        const target = spec.split('/').slice(0, 2).join('/');
        if (
          !allowed.includes('*') &&
          !allowed.includes(target) &&
          !(isTest && target === '@openofd/protocol')
        ) {
          problems.push(`${where}: ${ws} may not import ${target}`);
        }
      }
      if (
        PURE.has(ws) &&
        !isTest &&
        (spec.startsWith('node:') || ['fs', 'net', 'path', 'crypto', 'buffer'].includes(spec))
      ) {
        problems.push(`${where}: ${ws} is pure and may not import ${spec}`);
      }
      if (spec.startsWith('../') && relative(join(root, ws), join(file, '..', spec)).startsWith('..')) {
        problems.push(`${where}: relative import ${spec} leaves the workspace ${ws}`);
      }
    }
  }
}
// The web app's layers (bulletproof-react): app → features → shared; a
// feature never imports another feature, shared never imports features or app.
{
  const web = join(root, 'apps/web/src');
  let files = [];
  try {
    files = walk(web, []);
  } catch {}
  const layerOf = (p) => {
    const [top, name] = relative(web, p).split('/');
    return top === 'features' ? `features/${name}` : top;
  };
  for (const file of files) {
    const from = layerOf(file);
    for (const m of readFileSync(file, 'utf8').matchAll(importRe)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec?.startsWith('.')) continue;
      const to = layerOf(join(file, '..', spec));
      const bad =
        (from.startsWith('features/') && to !== from && (to.startsWith('features/') || to === 'app')) ||
        (from === 'shared' && to !== 'shared');
      if (bad) problems.push(`${relative(root, file)}: ${from} may not import ${to} (${spec})`);
    }
  }
}
if (problems.length > 0) {
  console.error(`Dependency rule broken:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('dependency rule: ok');
