export { deriveDriveKey, FiscalDriveKey, FiscalKeyring, utf8 } from './drive-key.js';
export {
  computeFiscalSign,
  computeMessageSign,
  computeOperatorSign,
  FISCAL_SIGN_LENGTH,
  MESSAGE_SIGN_LENGTH,
  OPERATOR_SIGN_LENGTH,
  signConfirmation,
  signDocument,
  verifyFiscalSign,
  verifyMessageSign,
  verifyOperatorSign,
} from './fiscal-signs.js';
export { HmacStreebog256, hmacStreebog256 } from './hmac.js';
export { Streebog, streebog256, streebog512 } from './streebog.js';
export { appendTopLevelTlv, type WithoutTag, withoutTopLevelTag } from './top-level-tlv.js';
