// `npm run generate -w @openofd/protocol`: regenerates src/registry/tags.generated.ts
// from <repo>/../shared/data/ffd-tags.json (see registry-source.ts), then TAGS.md from it.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRegistrySource } from './registry-source.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
export const SHARED_TAGS_PATH = resolve(packageDir, '..', '..', '..', 'shared', 'data', 'ffd-tags.json');
export const GENERATED_PATH = resolve(packageDir, 'src', 'registry', 'tags.generated.ts');
export const TAGS_DOC_PATH = resolve(packageDir, 'TAGS.md');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = generateRegistrySource(JSON.parse(readFileSync(SHARED_TAGS_PATH, 'utf8')));
  writeFileSync(GENERATED_PATH, text);
  console.log(`wrote ${GENERATED_PATH}`);
  // Imported only now, so the reference is written from the module just generated.
  const { generateTagsDoc } = await import('./tags-doc.js');
  writeFileSync(TAGS_DOC_PATH, generateTagsDoc());
  console.log(`wrote ${TAGS_DOC_PATH}`);
}
