// Test helper: reads `<repo>/../shared/…` (CI keeps shared/ beside the repo clone).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
export const sharedDir = resolve(repoRoot, '..', 'shared');

export function readSharedJson<T = unknown>(relative: string): T {
  return JSON.parse(readFileSync(resolve(sharedDir, relative), 'utf8')) as T;
}

export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function toHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
