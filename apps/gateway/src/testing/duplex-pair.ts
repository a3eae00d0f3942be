import { Duplex, PassThrough } from 'node:stream';

/** An in-memory connection: `server` for the Session, `client` ends for the test. */
export function duplexPair(): { server: Duplex; toServer: PassThrough; fromServer: PassThrough } {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const server = Duplex.from({ readable: toServer, writable: fromServer });
  return { server, toServer, fromServer };
}
