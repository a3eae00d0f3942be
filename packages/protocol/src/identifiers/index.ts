export { printedFiscalSign } from './fiscal-sign.js';
export { isTestFn, isValidFnNumber } from './fn-number.js';
export { type InnProblem, innProblem, isValidInn } from './inn.js';
export { isValidKpp } from './kpp.js';
export { buildReceiptQr, parseReceiptQr, type ReceiptQr } from './qr.js';
export { isValidRnm, makeRnm, rnmCheckValue } from './rnm.js';
