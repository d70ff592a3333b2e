import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dollarDelta, loadPriceTable, priceFor } from '../../src/tokens/pricing.js';

test('the price table is versioned and every row is dated and sourced', () => {
  const table = loadPriceTable();
  assert.match(table.version, /^\d{4}-\d{2}-\d{2}$/);
  const ids = new Set<string>();
  for (const row of table.models) {
    assert.ok(!ids.has(row.id), `duplicate row ${row.id}`);
    ids.add(row.id);
    assert.match(row.date, /^\d{4}-\d{2}-\d{2}$/, row.id);
    assert.match(row.source, /^https:\/\//, row.id);
    assert.ok(row.input > 0 && row.output >= row.input, row.id);
    if (row.cacheRead !== undefined) assert.ok(row.cacheRead < row.input, row.id);
    assert.ok(row.match.length > 0 && row.match.every((m) => m === m.toLowerCase()), row.id);
  }
});

test('model ids map to their family row', () => {
  const cases: Array<[string, string, number, number]> = [
    ['claude-opus-4-7', 'claude-opus-4-7', 5, 25],
    ['claude-sonnet-4-6', 'claude-sonnet-4-6', 3, 15],
    ['claude-sonnet-4-6-20260101', 'claude-sonnet-4-6', 3, 15],
    ['claude-haiku-4-5-20251001', 'claude-haiku-4-5', 1, 5],
    ['claude-opus-4-1-20250805', 'claude-opus-4-1', 15, 75],
    ['claude-opus-4-20250514', 'claude-opus-4', 15, 75],
    ['anthropic.claude-3-5-sonnet-20241022-v2:0', 'claude-3-5-sonnet', 3, 15],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5', 3, 15],
    ['claude-sonnet-4-5@20250929', 'claude-sonnet-4-5', 3, 15],
    ['gpt-4o', 'gpt-4o', 2.5, 10],
    ['gpt-4o-2024-08-06', 'gpt-4o', 2.5, 10],
    ['GPT-4o', 'gpt-4o', 2.5, 10],
    ['openai/gpt-4o-mini', 'gpt-4o-mini', 0.15, 0.6],
    ['gpt-4o-mini-2024-07-18', 'gpt-4o-mini', 0.15, 0.6],
    ['gpt-4.1-mini-2025-04-14', 'gpt-4.1-mini', 0.4, 1.6],
    ['o3-mini-2025-01-31', 'o3-mini', 1.1, 4.4],
    ['o3', 'o3', 2, 8],
    ['gpt-4-0613', 'gpt-4', 30, 60],
    ['models/gemini-2.5-flash', 'gemini-2.5-flash', 0.3, 2.5],
    ['gemini-2.5-flash-lite', 'gemini-2.5-flash-lite', 0.1, 0.4],
    ['deepseek-chat', 'deepseek-chat', 0.28, 0.42],
  ];
  for (const [model, row, input, output] of cases) {
    const price = priceFor(model);
    assert.ok(price, model);
    assert.equal(price.model, row, model);
    assert.equal(price.input, input, model);
    assert.equal(price.output, output, model);
    assert.ok(price.source?.startsWith('https://') && price.date, model);
  }
});

test('a model that is not in the table gets no price', () => {
  for (const model of ['gpt-4o-transcribe-x', 'gpt-4-32k', 'llama-3.1-70b', 'claude-sonnet-4-6-mini', 'mistral-large-latest', '', undefined]) {
    assert.equal(priceFor(model), undefined, String(model));
  }
});

test('config overrides win for the model they name; plain prefixes never shadow a table row', () => {
  const overrides = { 'gpt-4o': { input: 1, output: 4 }, 'llama-3': { input: 0.2, output: 0.2 } };
  assert.deepEqual(priceFor('gpt-4o-2024-11-20', overrides), { input: 1, output: 4, model: 'gpt-4o', source: 'config' });
  assert.equal(priceFor('gpt-4o-mini', overrides)?.input, 0.15);
  assert.deepEqual(priceFor('llama-3.1-70b', overrides), { input: 0.2, output: 0.2, model: 'llama-3', source: 'config' });
});

test('dollarDelta is tokens × input price × calls', () => {
  assert.equal(dollarDelta(100, { input: 3, output: 15 }, 1000), 0.3);
  assert.equal(dollarDelta(250, { input: 2.5, output: 10 }, 500 * 30), 9.375);
  assert.equal(dollarDelta(0, { input: 5, output: 25 }, 1000), 0);
});
