import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { compressText } from '../../src/compress/index.js';
import { checkInvariants } from '../../src/compress/invariants.js';
import { countTokens } from '../../src/tokens/count.js';

const dir = new URL('../../../test/fixtures/prompts/', import.meta.url);
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(new URL(f, dir), 'utf8'))
  .join('\n\n');

test('a 100k-token prompt compresses in linear time, within a small multiple of tokenizing it', () => {
  const parts: string[] = [];
  let tokens = 0;
  const unit = countTokens(corpus, 'o200k_base');
  for (let i = 0; tokens < 100_000; i++) {
    // Vary each copy so the duplicate rule does not reduce the whole thing to one copy.
    parts.push(corpus.replace(/Lisbon/g, `Lisbon ${i}`));
    tokens += unit;
  }
  const big = parts.join('\n\n');
  assert.ok(countTokens(big, 'o200k_base') >= 100_000);

  const t0 = performance.now();
  countTokens(big, 'o200k_base');
  const tokenizeMs = performance.now() - t0;
  const t1 = performance.now();
  const result = compressText(big, { tier: 'all' });
  const compressMs = performance.now() - t1;

  assert.ok(result.changes.length > 1000);
  assert.deepEqual(checkInvariants(big, result.text), []);
  // Measured at 4–7× on a 2-core machine; 40× leaves room for slow CI without hiding a quadratic pass.
  assert.ok(compressMs < Math.max(40 * tokenizeMs, 3000), `compress ${compressMs.toFixed(0)} ms vs tokenize ${tokenizeMs.toFixed(0)} ms`);
});

test('pathological inputs stay fast: one huge line, unbalanced brackets and quotes, a run of spaces', () => {
  const inputs = [
    'Please note that '.repeat(20_000),
    '{ [ " \' `'.repeat(20_000) + ' in order to help.',
    'word' + ' '.repeat(50_000) + 'word',
    '- item\n'.repeat(30_000),
  ];
  for (const input of inputs) {
    const t0 = performance.now();
    const result = compressText(input, { tier: 'all' });
    const ms = performance.now() - t0;
    assert.deepEqual(checkInvariants(input, result.text), []);
    assert.ok(ms < 10_000, `${ms.toFixed(0)} ms on ${JSON.stringify(input.slice(0, 20))}…`);
  }
});
