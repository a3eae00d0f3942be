import type { FiscalCrypto, MessageVerdict } from './fiscal-crypto.js';

/**
 * `--crypto none`: holds no drive keys, so it verifies nothing and signs
 * nothing. Messages are stored marked unverified (the real fixtures in
 * shared/vectors come from drives whose keys nobody here has).
 */
export class NoFiscalCrypto implements FiscalCrypto {
  readonly name = 'none';

  async verifyMessage(): Promise<MessageVerdict> {
    return { status: 'unverified', reason: 'no fiscal crypto configured' };
  }

  async operatorSign(): Promise<undefined> {
    return undefined;
  }
}
