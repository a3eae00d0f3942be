// The rules of one (form code, ФФД version) compiled once from FLK_RULES:
// the mandatory tags with their JSON names resolved, and the value rules in
// the order FLK_RULES names them (the order violations are listed in).
import { jsonNameFor } from '../registry/registry.js';
import type { FfdVersion } from '../tags.js';
import { VALUE_RULES } from './rules/index.js';
import { FLK_RULES, type ValueRuleId } from './rules-table.js';
import type { FlkContext, FlkViolation } from './types.js';

export interface RequiredTag {
  tag: number;
  /** JSON key of the tag under its parent (the form, or 1059 for item tags). */
  name: string;
}

export interface FlkPlan {
  required: readonly RequiredTag[];
  itemRequired: readonly RequiredTag[];
  rules: readonly ((ctx: FlkContext) => FlkViolation[])[];
}

const plans = new Map<number, Map<FfdVersion, FlkPlan>>();

function compile(form: number, version: FfdVersion): FlkPlan {
  const sets = FLK_RULES.filter((s) => s.forms.includes(form) && s.versions.includes(version));
  const required = new Set(sets.flatMap((s) => s.required ?? []));
  const itemRequired = new Set(sets.flatMap((s) => s.itemRequired ?? []));
  const checks = new Set<ValueRuleId>(sets.flatMap((s) => s.checks ?? []));
  return {
    required: [...required].map((tag) => ({ tag, name: jsonNameFor(tag, form) })),
    itemRequired: [...itemRequired].map((tag) => ({ tag, name: jsonNameFor(tag, 1059) })),
    rules: [...checks].map((id) => VALUE_RULES[id]),
  };
}

/** The compiled rules of a form and version (forms and versions are few: the cache stays small). */
export function planFor(form: number, version: FfdVersion): FlkPlan {
  let byVersion = plans.get(form);
  if (byVersion === undefined) {
    byVersion = new Map();
    plans.set(form, byVersion);
  }
  let plan = byVersion.get(version);
  if (plan === undefined) {
    plan = compile(form, version);
    byVersion.set(version, plan);
  }
  return plan;
}
