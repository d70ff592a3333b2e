import { readFileSync } from 'node:fs';
import type { ESLint, Linter, Rule as EslintRule } from 'eslint';
import { rules } from '../rules/index.js';
import { PRESET_NAMES, presetRules, type PresetName } from '../src/engine/presets.js';
import { applyDefaults } from '../src/engine/schema.js';
import { toEslintRule } from './to-eslint-rule.js';

// `import promptlint from 'promptlint/eslint-plugin'; export default [promptlint.configs.recommended];`

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export interface PromptlintPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, EslintRule.RuleModule>;
  configs: Record<PresetName, Linter.Config>;
}

const plugin: PromptlintPlugin = {
  meta: { name: 'promptlint', version, namespace: 'promptlint' },
  rules: Object.fromEntries(rules.map((rule) => [rule.id, toEslintRule(rule)])),
  configs: {} as Record<PresetName, Linter.Config>,
};

for (const preset of PRESET_NAMES) {
  const entries: Linter.RulesRecord = {};
  for (const [id, setting] of presetRules(rules, preset)) {
    const rule = rules.find((candidate) => candidate.id === id)!;
    const severity = setting.severity === 2 ? 'error' : 'warn';
    const defaults = applyDefaults({}, rule.meta.options, rule.meta.defaultOptions as Record<string, unknown>);
    // Options are written out only where the preset departs from the defaults (`all` uses allOptions).
    entries[`promptlint/${id}`] = JSON.stringify(setting.options) === JSON.stringify(defaults) ? severity : [severity, setting.options];
  }
  plugin.configs[preset] = { name: `promptlint/${preset}`, plugins: { promptlint: plugin }, rules: entries };
}

export default plugin;
