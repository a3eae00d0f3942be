// ФЛК (format-logic control) of one document in the FNS JSON shape.
import type { FnsDocument, FnsFields } from '../documents/types.js';
import { ProtocolError } from '../errors.js';
import { documentByName } from '../registry/registry.js';
import { type FfdVersion, ffdVersionFromCode } from '../tags.js';
import { items, numberField, tagLabel } from './fields.js';
import { type FlkPlan, planFor } from './plan.js';
import type { FlkContext, FlkOptions, FlkViolation } from './types.js';
import { docViolation, itemViolation } from './violation.js';

/** Version used when neither the document (1209) nor the caller names one. */
const DEFAULT_VERSION: FfdVersion = '1.05';

/**
 * Checks `doc` against the rules of its form and ФФД version (1209 when
 * present, else `options.ffdVersion`, else 1.05) and lists every violation;
 * an empty list means the document passed. Throws ProtocolError only when
 * `doc` is not a document at all.
 */
export function checkDocument(doc: FnsDocument, options: FlkOptions = {}): FlkViolation[] {
  const keys = Object.keys(doc);
  if (keys.length !== 1)
    throw new ProtocolError('BAD_JSON', `a document has exactly one key, got ${keys.length}`);
  const docName = keys[0]!;
  const fields = doc[docName];
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new ProtocolError('BAD_JSON', `"${docName}" is not an object of fields`);
  }
  const def = documentByName(docName);
  if (!def) throw new ProtocolError('UNKNOWN_DOCUMENT', `"${docName}" is not a known document name`);
  const ctx: FlkContext = {
    form: def.code,
    docName,
    version: versionOf(fields, def.code, options),
    fields,
    now: options.now ?? Date.now(),
  };
  const plan = planFor(ctx.form, ctx.version);
  const out: FlkViolation[] = [];
  missingTags(ctx, plan, out);
  if (plan.itemRequired.length > 0) missingItemTags(ctx, plan, out);
  for (const rule of plan.rules) {
    const found = rule(ctx);
    for (const v of found) out.push(v);
  }
  return out;
}

function versionOf(fields: FnsFields, form: number, options: FlkOptions): FfdVersion {
  const code = numberField(fields, 1209, form);
  return (code === undefined ? undefined : ffdVersionFromCode(code)) ?? options.ffdVersion ?? DEFAULT_VERSION;
}

function missingTags(ctx: FlkContext, plan: FlkPlan, out: FlkViolation[]): void {
  for (const { tag, name } of plan.required) {
    if (ctx.fields[name] !== undefined) continue;
    out.push(
      docViolation(
        ctx,
        tag,
        'required',
        'error',
        `Отсутствует обязательный реквизит ${tagLabel(tag)} (ФФД ${ctx.version})`,
      ),
    );
  }
}

function missingItemTags(ctx: FlkContext, plan: FlkPlan, out: FlkViolation[]): void {
  const list = items(ctx.fields, ctx.form);
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    for (const { tag, name } of plan.itemRequired) {
      if (item[name] !== undefined) continue;
      out.push(
        itemViolation(
          ctx,
          i,
          tag,
          'required',
          'error',
          `Предмет расчета №${i + 1}: отсутствует обязательный реквизит ${tagLabel(tag)} (ФФД ${ctx.version})`,
        ),
      );
    }
  }
}
