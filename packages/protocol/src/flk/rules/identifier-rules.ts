// Identifier value rules: FN number, RNM, INN checksums, document time (protocol.md §2.6, §3).
import { isValidFnNumber } from '../../identifiers/fn-number.js';
import { isValidRnm } from '../../identifiers/rnm.js';
import { numberField, stringField } from '../fields.js';
import { EARLIEST_DATE_TIME, MAX_AHEAD_SECONDS } from '../rules-table.js';
import { scanFields } from '../scan-fields.js';
import type { FlkContext, FlkViolation } from '../types.js';
import { docViolation } from '../violation.js';

export function checkFnNumber(ctx: FlkContext): FlkViolation[] {
  const fn = stringField(ctx.fields, 1041, ctx.form);
  if (fn === undefined || isValidFnNumber(fn)) return [];
  return [
    docViolation(ctx, 1041, 'fn-number', 'error', `Номер ФН «${fn}» (тег 1041) должен состоять из 16 цифр`),
  ];
}

export function checkRnmFormat(ctx: FlkContext): FlkViolation[] {
  const rnm = stringField(ctx.fields, 1037, ctx.form);
  if (rnm === undefined || /^\d{16}$/.test(rnm.trim())) return [];
  return [
    docViolation(
      ctx,
      1037,
      'rnm-format',
      'error',
      `Регистрационный номер ККТ «${rnm}» (тег 1037) должен состоять из 16 цифр`,
    ),
  ];
}

/** Registration reports carry INN (1018) and KKT serial (1013): the RNM check value must match (§3.1). */
export function checkRnmCheck(ctx: FlkContext): FlkViolation[] {
  const rnm = stringField(ctx.fields, 1037, ctx.form);
  const inn = stringField(ctx.fields, 1018, ctx.form);
  const serial = stringField(ctx.fields, 1013, ctx.form);
  if (rnm === undefined || inn === undefined || serial === undefined || !/^\d{16}$/.test(rnm.trim()))
    return [];
  if (isValidRnm(rnm, inn, serial)) return [];
  return [
    docViolation(
      ctx,
      1037,
      'rnm-check',
      'error',
      `Регистрационный номер ККТ ${rnm.trim()} (тег 1037) не соответствует ИНН пользователя ${inn} и заводскому номеру ККТ ${serial}: неверное контрольное значение`,
    ),
  ];
}

/** Every INN-kind field, at any depth: format and check digits (§3.2; found by the one walk of scan-fields.ts). */
export function checkInns(ctx: FlkContext): FlkViolation[] {
  ctx.scanned ??= scanFields(ctx);
  return ctx.scanned.inn;
}

export function checkDateTime(ctx: FlkContext): FlkViolation[] {
  const t = numberField(ctx.fields, 1012, ctx.form);
  if (t === undefined) return [];
  if (t < EARLIEST_DATE_TIME) {
    return [
      docViolation(ctx, 1012, 'date-time', 'error', 'Дата и время документа (тег 1012) раньше 01.09.2016'),
    ];
  }
  if (t > ctx.now / 1000 + MAX_AHEAD_SECONDS) {
    return [
      docViolation(
        ctx,
        1012,
        'date-time',
        'error',
        'Дата и время документа (тег 1012) более чем на сутки позже времени получения',
      ),
    ];
  }
  return [];
}
