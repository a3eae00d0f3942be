// Identifier value rules: FN number, RNM, INN checksums, document time (protocol.md §2.6, §3).
import type { FnsFields, FnsValue } from '../../documents/types.js';
import { isValidFnNumber } from '../../identifiers/fn-number.js';
import { innProblem } from '../../identifiers/inn.js';
import { isValidRnm } from '../../identifiers/rnm.js';
import { allTags, tagForJsonName } from '../../registry/registry.js';
import { numberField, stringField, tagLabel } from '../fields.js';
import { EARLIEST_DATE_TIME, INN_ERROR_TAGS, MAX_AHEAD_SECONDS } from '../rules-table.js';
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

const INN_TAGS: ReadonlySet<number> = new Set(
  allTags()
    .filter((t) => t.normalize === 'inn')
    .map((t) => t.tag),
);

/** Every INN-kind field, at any depth: format and check digits (§3.2). */
export function checkInns(ctx: FlkContext): FlkViolation[] {
  const out: FlkViolation[] = [];
  walk(ctx.fields, ctx.form, [ctx.form], ctx.docName, (tag, value, path, pointer) => {
    if (!INN_TAGS.has(tag) || typeof value !== 'string') return;
    const problem = innProblem(value.trim());
    if (problem === null) return;
    const severity = INN_ERROR_TAGS.has(tag) && path.length === 2 ? 'error' : 'warning';
    const message =
      problem === 'format'
        ? `ИНН «${value}» в реквизите ${tagLabel(tag)} должен состоять из 10 или 12 цифр`
        : `ИНН ${value} в реквизите ${tagLabel(tag)} не проходит проверку контрольных цифр`;
    out.push({ tag, path, pointer, rule: 'inn', severity, message });
  });
  return out;
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

const NOT_TAGS = new Set(['code', 'rawData', 'messageFiscalSign']);

/** Visits every field value (array elements one by one) with its tag, tag path and JSON pointer. */
export function walk(
  fields: FnsFields,
  parent: number,
  path: number[],
  pointer: string,
  visit: (tag: number, value: FnsValue, path: number[], pointer: string) => void,
): void {
  for (const [key, value] of Object.entries(fields)) {
    if (NOT_TAGS.has(key)) continue;
    const tag = tagForJsonName(key, parent);
    if (tag === undefined) continue;
    const list = Array.isArray(value) ? value : [value];
    list.forEach((v, i) => {
      const p = Array.isArray(value) ? `${pointer}.${key}[${i}]` : `${pointer}.${key}`;
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) walk(v, tag, [...path, tag], p, visit);
      else visit(tag, v, [...path, tag], p);
    });
  }
}
