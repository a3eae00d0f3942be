import { parseArgs } from 'node:util';
import { encodeDocument, type FnsDocument } from '@openofd/protocol';
import { type CodecIo, processIo, readFileBytes, withProtocolErrors } from '../codec-io.js';
import { type Command, UsageError } from '../command.js';

const USAGE =
  'openofd encode [<file.json>] [--base64]  (else FNS JSON on stdin); prints the document TLV as hex';

/** FNS JSON `{"receipt": {...}}` (or the tag-keyed shape) → document TLV. */
export async function runEncode(argv: string[], io: CodecIo = processIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { base64: { type: 'boolean' } } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError('give at most one file');
  const raw = positionals[0] !== undefined ? await readFileBytes(positionals[0]) : await io.stdin();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch (e) {
    io.err(`openofd encode: BAD_JSON at offset 0: ${(e as Error).message}\n`);
    return 2;
  }
  return withProtocolErrors('encode', io, async () => {
    const bytes = Buffer.from(encodeDocument(json as FnsDocument));
    io.out(`${values.base64 ? bytes.toString('base64') : bytes.toString('hex')}\n`);
    return 0;
  });
}

export const encodeCommand: Command = {
  name: 'encode',
  summary: 'encode an FNS JSON document to its TLV (hex)',
  usage: USAGE,
  run: (argv) => runEncode(argv),
};
