import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDefaults, joinPath, validate, type SchemaNode } from '../../src/engine/schema.js';

const options: SchemaNode = {
  type: 'object',
  properties: {
    cap: { type: 'integer', minimum: 1 },
    ratio: { type: 'number', minimum: 0, maximum: 1 },
    limit: { type: 'integer', maximum: 10 },
    mode: { enum: ['fast', 'slow'] },
    name: { type: 'string', minLength: 1 },
    flag: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    nested: { type: 'object', properties: { depth: { type: 'integer' } }, additionalProperties: false },
  },
  additionalProperties: false,
};

describe('validate', () => {
  it('accepts a valid value', () => {
    assert.deepEqual(
      validate({ cap: 5, ratio: 0.5, limit: -3, mode: 'slow', name: 'x', flag: false, tags: ['a'], nested: { depth: 2 } }, options, 'opts'),
      [],
    );
  });

  const cases: Array<[name: string, value: unknown, messages: string[]]> = [
    ['not an object', 'x', ['opts: expected object, got "x"']],
    ['an array for an object', [], ['opts: expected object, got array']],
    ['null', null, ['opts: expected object, got null']],
    ['wrong type with a bound', { cap: 'big' }, ['opts.cap: expected integer >= 1, got "big"']],
    ['below the minimum', { cap: 0 }, ['opts.cap: expected integer >= 1, got 0']],
    ['a fraction for an integer', { cap: 1.5 }, ['opts.cap: expected integer >= 1, got 1.5']],
    ['outside a range', { ratio: 2 }, ['opts.ratio: expected number between 0 and 1, got 2']],
    ['above a maximum', { limit: 11 }, ['opts.limit: expected integer <= 10, got 11']],
    ['not in the enum', { mode: 'medium' }, ['opts.mode: expected one of "fast", "slow", got "medium"']],
    ['an empty string', { name: '' }, ['opts.name: expected non-empty string, got ""']],
    ['a string for a boolean', { flag: 'yes' }, ['opts.flag: expected boolean, got "yes"']],
    ['a bad array item', { tags: ['a', 3] }, ['opts.tags[1]: expected string, got 3']],
    ['an unknown key', { capp: 1 }, ['opts.capp: unknown key (allowed: cap, ratio, limit, mode, name, flag, tags, nested)']],
    ['an unknown nested key', { nested: { deep: 1 } }, ['opts.nested.deep: unknown key (allowed: depth)']],
    ['a key that needs quoting', { 'a.b': 1 }, ['opts["a.b"]: unknown key (allowed: cap, ratio, limit, mode, name, flag, tags, nested)']],
    ['several problems in document order', { flag: 1, cap: 0 }, ['opts.flag: expected boolean, got 1', 'opts.cap: expected integer >= 1, got 0']],
    ['a long string is shortened', { flag: 'x'.repeat(50) }, [`opts.flag: expected boolean, got "${'x'.repeat(37)}..."`]],
  ];
  for (const [name, value, messages] of cases) {
    it(`reports ${name}`, () => assert.deepEqual(validate(value, options, 'opts'), messages));
  }

  it('treats an object schema with properties as closed unless additionalProperties is true', () => {
    assert.deepEqual(validate({ b: 1 }, { type: 'object', properties: { a: {} } }, 'x'), ['x.b: unknown key (allowed: a)']);
    assert.deepEqual(validate({ b: 1 }, { type: 'object', properties: { a: {} }, additionalProperties: true }, 'x'), []);
    assert.deepEqual(validate({ b: 1 }, { type: 'object', properties: {}, additionalProperties: false }, 'x'), [
      'x.b: unknown key (allowed: none)',
    ]);
    assert.deepEqual(validate({ b: 1 }, { type: 'object' }, 'x'), []);
  });

  it('checks additionalProperties schemas and required keys', () => {
    const prices: SchemaNode = {
      type: 'object',
      additionalProperties: { type: 'object', properties: { input: { type: 'number' } }, required: ['input'] },
    };
    assert.deepEqual(validate({ m: {}, 'gpt-4.1': { input: 'x' } }, prices, 'p'), [
      'p.m: missing required key "input"',
      'p["gpt-4.1"].input: expected number, got "x"',
    ]);
  });

  it('uses no prefix for an empty path', () => {
    assert.deepEqual(validate(3, { type: 'string' }, ''), ['expected string, got 3']);
    assert.deepEqual(validate({ q: 1 }, { type: 'object', properties: {} }, ''), ['q: unknown key (allowed: none)']);
  });
});

describe('joinPath', () => {
  it('uses dots for plain keys and quoted brackets otherwise', () => {
    assert.equal(joinPath('', 'rules'), 'rules');
    assert.equal(joinPath('rules', 'require-max-tokens'), 'rules.require-max-tokens');
    assert.equal(joinPath('settings.traffic', 'src/**'), 'settings.traffic["src/**"]');
    assert.equal(joinPath('', '1st'), '"1st"');
  });
});

describe('applyDefaults', () => {
  const defaults = { cap: 1024, tags: ['a', 'b'], nested: { depth: 1, width: 2 } };

  it('returns a copy of the defaults when nothing is given', () => {
    const out = applyDefaults(undefined, options, defaults);
    assert.deepEqual(out, defaults);
    assert.notEqual(out.nested, defaults.nested);
  });

  it('replaces scalars and arrays, merges nested objects', () => {
    assert.deepEqual(applyDefaults({ cap: 5, tags: ['c'], nested: { width: 9 } }, options, defaults), {
      cap: 5,
      tags: ['c'],
      nested: { depth: 1, width: 9 },
    });
  });

  it('keeps given keys that have no default and fills schema defaults', () => {
    const schema: SchemaNode = { type: 'object', properties: { mode: { enum: ['a', 'b'], default: 'a' }, flag: { type: 'boolean' } } };
    assert.deepEqual(applyDefaults({ flag: true }, schema, {}), { mode: 'a', flag: true });
  });

  it('does not mutate its inputs', () => {
    const given = { nested: { depth: 7 } };
    applyDefaults(given, options, defaults);
    assert.deepEqual(given, { nested: { depth: 7 } });
    assert.deepEqual(defaults, { cap: 1024, tags: ['a', 'b'], nested: { depth: 1, width: 2 } });
  });
});
