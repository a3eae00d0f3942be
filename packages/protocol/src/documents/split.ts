/**
 * Splits a container body into the document TLV and the bytes after it
 * (the ФПС trailer, protocol.md §1.4, §8).
 */
import { ProtocolError } from '../errors.js';

export interface SplitDocument {
  document: Uint8Array;
  trailer: Uint8Array;
  code: number;
}

export function splitDocument(body: Uint8Array): SplitDocument {
  if (body.length < 4)
    throw new ProtocolError('TRUNCATED', `document TLV header needs 4 bytes, got ${body.length}`, 0);
  const code = (body[0] as number) | ((body[1] as number) << 8);
  const end = 4 + ((body[2] as number) | ((body[3] as number) << 8));
  if (end > body.length) {
    throw new ProtocolError(
      'LENGTH_OUT_OF_BOUNDS',
      `document runs ${end - body.length} byte(s) past the end`,
      0,
      [code],
    );
  }
  return { document: body.subarray(0, end), trailer: body.subarray(end), code };
}
