import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../../src/engine/config.js';
import type { Rule } from '../../src/rule.js';
import { capRule, fakeRules } from './fake-rules.js';

describe('configJsonSchema', () => {
  const schema = configJsonSchema(fakeRules) as {
    $schema: string;
    properties: { rules: { properties: Record<string, unknown>; additionalProperties: boolean }; settings: unknown };
    additionalProperties: boolean;
  };

  it('is a closed draft-07 object schema', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(Object.keys(schema.properties), ['$schema', 'extends', 'ignores', 'rules', 'settings']);
    assert.equal(schema.additionalProperties, false);
    assert.equal(schema.properties.rules.additionalProperties, false);
  });

  it('lists the rules sorted by id', () => {
    assert.deepEqual(Object.keys(schema.properties.rules.properties), [
      'no-verbose-system-prompt',
      'require-max-tokens',
      'require-stop-sequences',
    ]);
  });

  it('describes a rule entry as a severity or [severity, options] with defaults shown', () => {
    const severity = { $ref: '#/definitions/severity' };
    assert.deepEqual(schema.properties.rules.properties[capRule.id], {
      description: 'Require an output-token cap.',
      anyOf: [
        severity,
        {
          type: 'array',
          items: [
            severity,
            {
              type: 'object',
              properties: {
                suggestedCap: { type: 'integer', minimum: 1, default: 1024 },
                checkStreaming: { type: 'boolean', default: true },
              },
              additionalProperties: false,
            },
          ],
          minItems: 1,
          additionalItems: false,
        },
      ],
    });
  });

  it('closes nested option objects that list properties', () => {
    const entry = schema.properties.rules.properties['no-verbose-system-prompt'] as { anyOf: [unknown, { items: [unknown, any] }] };
    assert.equal(entry.anyOf[1].items[1].properties.thresholds.additionalProperties, false);
  });

  it('does not change the rule metadata', () => {
    assert.equal('default' in (capRule.meta.options.properties!.suggestedCap as object), false);
  });
});

describe('schema.json', () => {
  const registry = fileURLToPath(new URL('../../rules/index.js', import.meta.url));
  const committed = fileURLToPath(new URL('../../../schema.json', import.meta.url));

  it('equals what configJsonSchema generates from the rule registry', { skip: !existsSync(registry) && 'rules/index.ts not built yet' }, async () => {
    const { rules } = (await import(registry)) as { rules: readonly Rule<any>[] };
    assert.ok(existsSync(committed), 'schema.json is missing: run `npm run build && node scripts/generate-schema.mjs`');
    assert.deepEqual(JSON.parse(readFileSync(committed, 'utf8')), configJsonSchema(rules));
  });
});
