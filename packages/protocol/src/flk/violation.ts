import { jsonNameFor } from '../registry/registry.js';
import type { FlkContext, FlkSeverity, FlkViolation } from './types.js';

/** A violation at a document-level tag (or the document itself when tag = form). */
export function docViolation(
  ctx: FlkContext,
  tag: number,
  rule: string,
  severity: FlkSeverity,
  message: string,
): FlkViolation {
  const pointer = tag === ctx.form ? ctx.docName : `${ctx.docName}.${jsonNameFor(tag, ctx.form)}`;
  return { tag, path: tag === ctx.form ? [ctx.form] : [ctx.form, tag], pointer, rule, severity, message };
}

/** A violation at a tag inside item number `index` (0-based) of 1059. */
export function itemViolation(
  ctx: FlkContext,
  index: number,
  tag: number,
  rule: string,
  severity: FlkSeverity,
  message: string,
): FlkViolation {
  const items = `${ctx.docName}.${jsonNameFor(1059, ctx.form)}[${index}]`;
  return {
    tag,
    path: tag === 1059 ? [ctx.form, 1059] : [ctx.form, 1059, tag],
    pointer: tag === 1059 ? items : `${items}.${jsonNameFor(tag, 1059)}`,
    rule,
    severity,
    message,
  };
}
