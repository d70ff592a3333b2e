// Public API: the same engine the CLI, the ESLint plugin and the git hooks use.
export { rules } from '../rules/index.js';
export type { CallSite, Finding, LintMessage, LintResult, Prompt, PromptPart, Resolved } from './model.js';
export { defineRule, type Rule, type RuleMeta, type RuleContext, type Settings } from './rule.js';
export { runInventory, type InventoryCallSite, type InventoryReport } from './engine/inventory.js';
export { analyzeSource, lintAnalysis } from './engine/linter.js';
export { lintFiles, lintText } from './engine/lint-files.js';
export { ConfigLoader, ConfigError } from './engine/config.js';
export { format, type FormatterName } from './report/index.js';
export { compressText } from './compress/index.js';
export { countTokens, encodingForModel } from './tokens/count.js';
export { applyEdits } from './fix/apply.js';
