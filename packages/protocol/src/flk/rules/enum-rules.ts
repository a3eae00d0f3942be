// Enumerated values from the tag table (ffd-tags.json `enum`, generated into enums.generated.ts).

import { numberField, tagLabel } from '../fields.js';
import { scanFields } from '../scan-fields.js';
import type { FlkContext, FlkViolation } from '../types.js';
import { docViolation } from '../violation.js';

/** Enumerated tags at any depth whose value is not allowed (found by the one walk of scan-fields.ts). */
export function checkEnums(ctx: FlkContext): FlkViolation[] {
  ctx.scanned ??= scanFields(ctx);
  return ctx.scanned.enum;
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
