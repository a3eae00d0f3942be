import { parseArgs } from 'node:util';
import {
  decodeDocument,
  decodeDocumentTags,
  documentByCode,
  type FnsDocument,
  type ParsedShape,
  parseAnyShape,
} from '@openofd/protocol';
import {
  type CodecIo,
  parseBase64,
  parseHex,
  processIo,
  readFileBytes,
  stdinBytes,
  toJson,
  withProtocolErrors,
} from '../codec-io.js';
import { type Command, UsageError } from '../command.js';

const USAGE =
  'openofd decode [--hex <hex> | --base64 <text> | <file>] [--format names|tags] [--repeat N]  (else raw bytes or hex on stdin)';

interface DecodeArgs {
  hex?: string;
  base64?: string;
  file?: string;
  format: 'names' | 'tags';
  repeat: number;
}

function parse(argv: string[]): DecodeArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        hex: { type: 'string' },
        base64: { type: 'string' },
        format: { type: 'string', default: 'names' },
        repeat: { type: 'string', default: '1' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const sources = [values.hex, values.base64, positionals[0]].filter((x) => x !== undefined);
  if (sources.length > 1 || positionals.length > 1)
    throw new UsageError('give one input: --hex, --base64 or a file');
  if (values.format !== 'names' && values.format !== 'tags')
    throw new UsageError('--format is names or tags');
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1) throw new UsageError('--repeat takes a positive integer');
  return {
    ...(typeof values.hex === 'string' ? { hex: values.hex } : {}),
    ...(typeof values.base64 === 'string' ? { base64: values.base64 } : {}),
    ...(positionals[0] !== undefined ? { file: positionals[0] } : {}),
    format: values.format,
    repeat,
  };
}

async function inputBytes(args: DecodeArgs, io: CodecIo): Promise<Uint8Array> {
  if (args.hex !== undefined) {
    const bytes = parseHex(args.hex);
    if (!bytes) throw new UsageError('--hex: not hex text');
    return bytes;
  }
  if (args.base64 !== undefined) return parseBase64(args.base64);
  if (args.file !== undefined) return readFileBytes(args.file);
  return stdinBytes(await io.stdin());
}

/**
 * parseAnyShape, except that bytes starting with a known form code are taken
 * as a document even when broken, so the error names the offending tag.
 */
function shapeOf(bytes: Uint8Array): ParsedShape {
  try {
    return parseAnyShape(bytes);
  } catch (e) {
    if (bytes.length >= 2 && documentByCode((bytes[0] as number) | ((bytes[1] as number) << 8))) {
      return { shape: 'document', body: bytes, issues: [] };
    }
    throw e;
  }
}

/** Decodes any of the three shapes (protocol.md §8) and prints JSON. */
export async function runDecode(argv: string[], io: CodecIo = processIo): Promise<number> {
  const args = parse(argv);
  const bytes = await inputBytes(args, io);
  return withProtocolErrors('decode', io, async () => {
    const shape = shapeOf(bytes);
    const decode = args.format === 'tags' ? decodeDocumentTags : decodeDocument;
    let document: FnsDocument = decode(shape.body);
    if (args.repeat > 1) {
      const start = performance.now();
      for (let i = 1; i < args.repeat; i++) document = decode(shape.body);
      const seconds = (performance.now() - start) / 1000;
      const rate = Math.round((args.repeat - 1) / Math.max(seconds, 1e-9));
      io.err(`decoded ${args.repeat} times: ${rate.toLocaleString('en')} documents/s\n`);
    }
    if (shape.shape === 'document') {
      io.out(`${toJson(document)}\n`);
    } else {
      const out: Record<string, unknown> = {};
      if (shape.session) out.session = shape.session;
      if (shape.container) out.container = shape.container;
      out.document = document;
      if (shape.issues.length > 0) out.issues = shape.issues;
      io.out(`${toJson(out)}\n`);
    }
    return 0;
  });
}

export const decodeCommand: Command = {
  name: 'decode',
  summary: 'decode a fiscal message, container or document TLV to FNS JSON',
  usage: USAGE,
  run: (argv) => runDecode(argv),
};
