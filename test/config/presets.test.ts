import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { presetRules } from '../../src/engine/presets.js';
import { fakeRules, verboseRule } from './fake-rules.js';

describe('presetRules', () => {
  it('recommended: recommended rules at their default severity and options', () => {
    assert.deepEqual(Object.fromEntries(presetRules(fakeRules, 'recommended')), {
      'no-verbose-system-prompt': {
        severity: 2,
        options: { minTokens: 200, style: 'plain', models: [], thresholds: { tokens: 50, dollars: 0.01 } },
      },
      'require-max-tokens': { severity: 1, options: { suggestedCap: 1024, checkStreaming: true } },
    });
  });

  it('all: every rule, allOptions merged over the defaults', () => {
    assert.deepEqual(Object.fromEntries(presetRules(fakeRules, 'all')), {
      'no-verbose-system-prompt': {
        severity: 2,
        options: { minTokens: 50, style: 'plain', models: [], thresholds: { tokens: 50, dollars: 0.01 } },
      },
      'require-max-tokens': { severity: 1, options: { suggestedCap: 1024, checkStreaming: true } },
      'require-stop-sequences': { severity: 1, options: {} },
    });
  });

  it('hands out copies, never the rule metadata itself', () => {
    const options = presetRules(fakeRules, 'all').get('no-verbose-system-prompt')!.options;
    (options.thresholds as Record<string, number>).tokens = 1;
    assert.equal(verboseRule.meta.defaultOptions.thresholds.tokens, 50);
  });
});
