export { checkDocument } from './check-document.js';
export { FLK_RULES, type FormRuleSet, type ValueRuleId } from './rules-table.js';
export type { FlkOptions, FlkSeverity, FlkViolation } from './types.js';
