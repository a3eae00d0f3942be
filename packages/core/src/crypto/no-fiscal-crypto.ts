import type { FiscalCrypto, MessageVerdict } from './fiscal-crypto.js';

const UNVERIFIED: MessageVerdict = Object.freeze({
  status: 'unverified',
  reason: 'no fiscal crypto configured',
});

/**
 * `--crypto none`: holds no drive keys, so it verifies nothing and signs
 * nothing. Messages are stored marked unverified (the real fixtures in
 * shared/vectors come from drives whose keys nobody here has).
 */
export class NoFiscalCrypto implements FiscalCrypto {
  readonly name = 'none';

  verifyMessage(): MessageVerdict {
    return UNVERIFIED;
  }

  operatorSign(): undefined {
    return undefined;
  }
}
