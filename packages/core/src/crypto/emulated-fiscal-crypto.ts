import { computeOperatorSign, FiscalKeyring, verifyFiscalSign, verifyMessageSign } from '@openofd/protocol';
import type { FiscalCrypto, MessageVerdict, OperatorSignInput, VerifyMessageInput } from './fiscal-crypto.js';

// Verdicts are immutable and shared: no object per message.
const VERIFIED: MessageVerdict = Object.freeze({ status: 'verified' });
const FPS_MISMATCH: MessageVerdict = Object.freeze({
  status: 'rejected',
  reason: 'ФПС does not match the message',
});
const FPD_MISMATCH: MessageVerdict = Object.freeze({
  status: 'rejected',
  reason: 'ФПД (1077) is missing or does not match the document',
});

/**
 * The emulated crypto box (architecture.md "Fiscal crypto"): per-drive keys
 * derived from OFD_MASTER_KEY with HMAC-Streebog-256, the same scheme the ККТ
 * emulator's drives use (packages/protocol/src/crypto), so a tampered message
 * fails here and a register can check our ФПО.
 */
export class EmulatedFiscalCrypto implements FiscalCrypto {
  readonly name = 'emulated';
  readonly #keys: FiscalKeyring;

  constructor(masterKey: string) {
    this.#keys = new FiscalKeyring(masterKey);
  }

  // Synchronous: the emulated signs are computed here, on this thread.
  verifyMessage(input: VerifyMessageInput): MessageVerdict {
    const key = this.#keys.get(input.fnNumber);
    if (!verifyMessageSign(key, input.document, input.trailer)) {
      return FPS_MISMATCH;
    }
    if (!verifyFiscalSign(key, input.document)) {
      return FPD_MISMATCH;
    }
    return VERIFIED;
  }

  operatorSign(input: OperatorSignInput): Uint8Array {
    return computeOperatorSign(this.#keys.get(input.fnNumber), input.confirmation);
  }
}
