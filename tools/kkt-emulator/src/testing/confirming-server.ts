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
    socket.write(encodeConfirmationMessage(message, confirmation));
  };
  const server: Server = createServer((socket) => {
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
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  state.port = typeof address === 'object' && address ? address.port : 0;
  return state;
}
