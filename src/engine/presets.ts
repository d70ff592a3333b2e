import type { Rule } from '../rule.js';
import { applyDefaults } from './schema.js';

export type PresetName = 'recommended' | 'all';
export const PRESET_NAMES: readonly PresetName[] = ['recommended', 'all'];

export interface RuleSetting {
  severity: 1 | 2;
  options: Record<string, unknown>;
}

/** `recommended`: rules flagged recommended, default options. `all`: every rule, `allOptions` over the defaults. */
export function presetRules(rules: readonly Rule<any>[], preset: PresetName): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  for (const rule of rules) {
    if (preset === 'recommended' && !rule.meta.recommended) continue;
    const extra = preset === 'all' ? rule.meta.allOptions : undefined;
    out.set(rule.id, {
      severity: rule.meta.defaultSeverity === 'error' ? 2 : 1,
      options: applyDefaults(extra ?? {}, rule.meta.options, rule.meta.defaultOptions as Record<string, unknown>),
    });
  }
  return out;
}
