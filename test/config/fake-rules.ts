import { defineRule } from '../../src/rule.js';

// Small stand-ins for the real registry, with every option shape the loader must handle.

export const capRule = defineRule({
  id: 'require-max-tokens',
  meta: {
    type: 'problem',
    description: 'Require an output-token cap.',
    recommended: true,
    defaultSeverity: 'warn',
    fix: 'suggestion',
    messages: { missing: 'No cap.' },
    options: {
      type: 'object',
      properties: { suggestedCap: { type: 'integer', minimum: 1 }, checkStreaming: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { suggestedCap: 1024, checkStreaming: true },
  },
  *check() {},
});

export const stopRule = defineRule({
  id: 'require-stop-sequences',
  meta: {
    type: 'suggestion',
    description: 'Require stop sequences.',
    recommended: false,
    defaultSeverity: 'warn',
    fix: 'none',
    messages: { missing: 'No stop.' },
    options: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  *check() {},
});

export const verboseRule = defineRule({
  id: 'no-verbose-system-prompt',
  meta: {
    type: 'suggestion',
    description: 'Flag verbose system prompts.',
    recommended: true,
    defaultSeverity: 'error',
    fix: 'suggestion',
    messages: { verbose: 'Verbose.' },
    options: {
      type: 'object',
      properties: {
        minTokens: { type: 'integer', minimum: 0, maximum: 100000 },
        style: { enum: ['terse', 'plain'] },
        models: { type: 'array', items: { type: 'string' } },
        thresholds: {
          type: 'object',
          properties: { tokens: { type: 'integer', minimum: 0 }, dollars: { type: 'number', minimum: 0 } },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { minTokens: 200, style: 'plain', models: [] as string[], thresholds: { tokens: 50, dollars: 0.01 } },
    allOptions: { minTokens: 50 },
  },
  *check() {},
});

/** Sorted by id, as rules/index.ts exports them. */
export const fakeRules = [verboseRule, capRule, stopRule];
