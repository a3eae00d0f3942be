/**
 * CP866 strings of one document as slices of one decoded text (protocol.md
 * §2.2). CP866 maps every byte to one UTF-16 unit, so decoding the whole
 * document once with TextDecoder('ibm866') gives a text whose index i is byte
 * i, and each string value is `text.slice(start, end)`: one native call per
 * document instead of a JS loop and a String.fromCharCode per string.
 * ICU's IBM-866 (Node's TextDecoder) differs from CP866 on a few control
 * bytes (it swaps 0x1A, 0x1C and 0x7F); a string containing a character that
 * such a byte decodes to is decoded by the table instead. Without a usable
 * decoder every string takes the table path. Slices keep the document's text
 * (a few KB) alive while any of its strings lives.
 * Module state covers one document at a time: nothing here calls user code.
 */
import { CODES, decodeCp866 } from '../tlv/cp866.js';

interface TextDecoderLike {
  decode(input: Uint8Array): string;
}

/** Characters the platform decoder yields for bytes it maps unlike CP866. */
let suspects: string[] = [];
const decoder = ((): TextDecoderLike | null => {
  const Decoder = (globalThis as { TextDecoder?: new (label: string) => TextDecoderLike }).TextDecoder;
  if (Decoder === undefined) return null;
  let d: TextDecoderLike;
  try {
    d = new Decoder('ibm866');
  } catch {
    return null; // e.g. a runtime built without the legacy encodings
  }
  const all = d.decode(Uint8Array.from({ length: 256 }, (_, b) => b));
  if (all.length !== 256) return null;
  for (let b = 0; b < 256; b++) if (all.charCodeAt(b) !== CODES[b]) suspects.push(all.charAt(b));
  if (suspects.length > 8) {
    suspects = [];
    return null;
  }
  return d;
})();

/** More suspect positions than this in one document: table path for all its strings. */
const MAX_SUSPECT = 16;
let text = '';
let usable = false;
/** Positions of suspect characters in `text` (usually none). */
const suspectAt: number[] = [];

/** Decodes `bytes[0, end)` for the following `documentString` calls. */
export function beginDocumentText(bytes: Uint8Array, end: number): void {
  usable = false;
  if (decoder === null) return;
  text = decoder.decode(end === bytes.length ? bytes : bytes.subarray(0, end));
  suspectAt.length = 0;
  for (const c of suspects) {
    for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
      suspectAt.push(i);
      if (suspectAt.length > MAX_SUSPECT) return;
    }
  }
  usable = true;
}

/** The CP866 string at `bytes[start, end)` of the document given to beginDocumentText. */
export function documentString(bytes: Uint8Array, start: number, end: number): string {
  if (!usable) return decodeCp866(bytes, start, end);
  for (let k = 0; k < suspectAt.length; k++) {
    const at = suspectAt[k] as number;
    if (at >= start && at < end) return decodeCp866(bytes, start, end);
  }
  return text.slice(start, end);
}

/** Drops the document's text (so it is not kept alive until the next document). */
export function endDocumentText(): void {
  text = '';
}
