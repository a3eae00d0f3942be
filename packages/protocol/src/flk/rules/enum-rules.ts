// Enumerated values from the tag table (ffd-tags.json `enum`, generated into enums.generated.ts).

import { TAG_ENUMS } from '../enums.generated.js';
import { numberField, tagLabel } from '../fields.js';
import type { FlkContext, FlkViolation } from '../types.js';
import { docViolation } from '../violation.js';
import { walk } from './identifier-rules.js';

export function checkEnums(ctx: FlkContext): FlkViolation[] {
  const out: FlkViolation[] = [];
  walk(ctx.fields, ctx.form, [ctx.form], ctx.docName, (tag, value, path, pointer) => {
    const e = TAG_ENUMS[tag];
    if (!e || typeof value !== 'number') return;
    const allowed = e.bitmask
      ? (value & ~e.values.reduce((m, v) => m | v, 0)) === 0
      : e.values.includes(value);
    if (allowed) return;
    const message = e.bitmask
      ? `Значение ${value} реквизита ${tagLabel(tag)} содержит недопустимые признаки; допустимы сочетания ${e.values.join(', ')}`
      : `Недопустимое значение ${value} реквизита ${tagLabel(tag)}; допустимые значения: ${e.values.join(', ')}`;
    out.push({ tag, path, pointer, rule: 'enum', severity: 'error', message });
  });
  return out;
}

/** 1055 in a receipt names the one tax regime applied (§2.5): exactly one bit. */
export function checkSingleTaxation(ctx: FlkContext): FlkViolation[] {
  const v = numberField(ctx.fields, 1055, ctx.form);
  if (v === undefined || (v > 0 && (v & (v - 1)) === 0)) return [];
  return [
    docViolation(
      ctx,
      1055,
      'single-taxation',
      'error',
      `Реквизит ${tagLabel(1055)} должен указывать ровно одну систему налогообложения, получено ${v}`,
    ),
  ];
}
