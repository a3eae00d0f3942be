// Input/output of the codec commands (decode, encode): where bytes come from,
// and the one-line error with exit code 2 for bad input.
import { readFile } from 'node:fs/promises';
import { ProtocolError } from '@openofd/protocol';
import { UsageError } from './command.js';

/** Streams a command writes to and reads from; tests pass their own. */
export interface CodecIo {
  stdin(): Promise<Uint8Array>;
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CodecIo = {
  async stdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  },
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const HEX = /^(?:0x)?([0-9a-fA-F]{2}(?:[\s:]*[0-9a-fA-F]{2})*)$/;

/** Bytes of a hex string (whitespace and colons between bytes allowed), or undefined. */
export function parseHex(text: string): Uint8Array | undefined {
  const m = HEX.exec(text.trim());
  if (!m) return undefined;
  return new Uint8Array(Buffer.from((m[1] as string).replace(/[\s:]/g, ''), 'hex'));
}

export function parseBase64(text: string): Uint8Array {
  const t = text.replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 === 1)
    throw new UsageError('--base64: not base64 text');
  return new Uint8Array(Buffer.from(t, 'base64'));
}

/** Raw binary from stdin, or hex text when the whole input is clearly hex (binary fiscal data never is). */
export function stdinBytes(raw: Uint8Array): Uint8Array {
  if (raw.length >= 8 && raw.every((b) => b < 0x80)) {
    const hex = parseHex(Buffer.from(raw).toString('latin1'));
    if (hex) return hex;
  }
  return raw;
}

export async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** Runs `work`; a ProtocolError becomes one line on stderr and exit code 2. */
export async function withProtocolErrors(
  name: string,
  io: CodecIo,
  work: () => Promise<number>,
): Promise<number> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    io.err(`openofd ${name}: ${e.describe()}\n`);
    return 2;
  }
}

/** JSON with byte arrays as hex (container service fields). */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v),
    2,
  );
}
