// A small operator for tests, built from protocol functions only: checks the
// ФПС, records each (FN, FD) once, answers with a signed confirmation. It can
// be told to drop confirmations or cut connections, to exercise the
// emulator's unconfirmed queue.
import { createServer, type Server, type Socket } from 'node:net';
import {
  buildConfirmation,
  encodeConfirmationMessage,
  FiscalKeyring,
  FrameDecoder,
  SESSION_HEADER_SIZE,
  signConfirmation,
  splitDocument,
  verifyMessageSign,
  type WireMessage,
} from '@openofd/protocol';

export interface ConfirmingServerOptions {
  masterKey: string;
  /** Return true to swallow the confirmation of this message (after recording it). */
  drop?: (message: WireMessage, seen: number) => boolean;
  /** Destroy the connection instead of answering this message (nothing recorded). */
  cut?: (message: WireMessage, seen: number) => boolean;
  port?: number;
  /** Write each reply in pieces of this many bytes, a macrotask apart (replies cut between reads). */
  splitReplies?: number;
  /**
   * Return true to flip a bit in the reply's container header (a service
   * byte nothing else checks), so only its container CRC tells it is damaged.
   */
  corrupt?: (message: WireMessage, seen: number) => boolean;
}

export interface ConfirmingServer {
  port: number;
  /** FN number → FD numbers stored, in arrival order of first receipt. */
  stored: Map<string, number[]>;
  /** Messages received, retransmissions included. */
  received: number;
  badSignatures: number;
  close(): Promise<void>;
}

export async function startConfirmingServer(options: ConfirmingServerOptions): Promise<ConfirmingServer> {
  const keyring = new FiscalKeyring(options.masterKey);
  const sockets = new Set<Socket>();
  const state: ConfirmingServer = {
    port: 0,
    stored: new Map(),
    received: 0,
    badSignatures: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const handle = (socket: Socket, message: WireMessage) => {
    state.received++;
    if (options.cut?.(message, state.received)) {
      socket.destroy();
      return;
    }
    const key = keyring.get(message.container.fnNumber);
    const { document, trailer } = splitDocument(message.body);
    if (!verifyMessageSign(key, document, trailer)) {
      state.badSignatures++;
      socket.destroy();
      return;
    }
    const list = state.stored.get(message.container.fnNumber) ?? [];
    if (!list.includes(message.container.fdNumber)) list.push(message.container.fdNumber);
    state.stored.set(message.container.fnNumber, list);
    if (options.drop?.(message, state.received)) return;
    const confirmation = signConfirmation(
      key,
      buildConfirmation({
        ofdInn: '7704358518',
        fnNumber: message.container.fnNumber,
        fdNumber: message.container.fdNumber,
        dateTime: Math.floor(Date.now() / 1000),
        responseCode: 0,
        ffdVersion: '1.2',
      }),
    );
    const reply = encodeConfirmationMessage(message, confirmation);
    if (options.corrupt?.(message, state.received)) reply[SESSION_HEADER_SIZE + 20]! ^= 1;
    const piece = options.splitReplies;
    if (piece === undefined) {
      socket.write(reply);
      return;
    }
    // One queue per socket, so that the pieces of two replies never interleave.
    const queue = pieces.get(socket) ?? [];
    const idle = queue.length === 0;
    pieces.set(socket, queue);
    for (let at = 0; at < reply.length; at += piece) queue.push(reply.subarray(at, at + piece));
    const next = () => {
      const chunk = queue.shift();
      if (chunk === undefined || socket.destroyed) return;
      socket.write(chunk);
      setTimeout(next, 1);
    };
    if (idle) next();
  };
  const pieces = new WeakMap<Socket, Uint8Array[]>();
  const server: Server = createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const decoder = new FrameDecoder();
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const m of decoder.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length))) {
          handle(socket, m);
        }
      } catch {
        socket.destroy();
      }
    });
  });
  // A backlog above the 511 default: a fleet of thousands connecting must not overflow the accept queue.
  await new Promise<void>((resolve) =>
    server.listen({ port: options.port ?? 0, host: '127.0.0.1', backlog: 4096 }, resolve),
  );
  const address = server.address();
  state.port = typeof address === 'object' && address ? address.port : 0;
  return state;
}
