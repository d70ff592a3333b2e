import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import { countTokens, encodingForModel } from '../../src/tokens/count.js';

test('encodingForModel picks the OpenAI encoding and flags everything else as approximate', () => {
  const cases: Array<[string | undefined, string, boolean]> = [
    ['gpt-4o', 'o200k_base', false],
    ['gpt-4o-mini-2024-07-18', 'o200k_base', false],
    ['gpt-4.1-nano', 'o200k_base', false],
    ['gpt-4.5-preview', 'o200k_base', false],
    ['gpt-5', 'o200k_base', false],
    ['o1', 'o200k_base', false],
    ['o3-mini', 'o200k_base', false],
    ['o4-mini-2025-04-16', 'o200k_base', false],
    ['openai/gpt-4o', 'o200k_base', false],
    ['ft:gpt-4o-mini-2024-07-18:acme::abc123', 'o200k_base', false],
    ['gpt-4', 'cl100k_base', false],
    ['gpt-4-turbo', 'cl100k_base', false],
    ['gpt-4-0613', 'cl100k_base', false],
    ['gpt-3.5-turbo', 'cl100k_base', false],
    ['claude-sonnet-4-6', 'o200k_base', true],
    ['gemini-2.5-flash', 'o200k_base', true],
    ['omni-model', 'o200k_base', true],
    [undefined, 'o200k_base', true],
  ];
  for (const [model, encoding, approximate] of cases) {
    assert.deepEqual(encodingForModel(model), { encoding, approximate }, String(model));
  }
});

test('countTokens equals js-tiktoken on the same text', () => {
  const base64 = Buffer.from(Array.from({ length: 900 }, (_, i) => (i * 7919) % 256)).toString('base64');
  const texts = ['', 'Hello world', 'Tabs\tand  spaces\n\n\nand newlines', 'Ünïcödé — ✓ 漢字 🙂', 'x'.repeat(400), `${' '.repeat(1200)}x`, base64];
  const o = new Tiktoken(o200k);
  const c = new Tiktoken(cl100k);
  for (const text of texts) {
    assert.equal(countTokens(text, 'o200k_base'), o.encode(text).length);
    assert.equal(countTokens(text, 'cl100k_base'), c.encode(text).length);
  }
  // Seeded fuzz over the characters that shape pre-tokenization: letters, digits, marks, spaces, newlines.
  const alphabet = ['a', 'Z', ' ', '  ', '\n', '\t', '\r\n', 'é', '\u0301', '漢', '🙂', '.', ',', '7', '123', "'s", '-', '{', '"', 'the', ' the', 'ß', 'aaaaaaa', '   \n'];
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let round = 0; round < 400; round++) {
    let text = '';
    const length = 1 + Math.floor(random() * 50);
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
    assert.equal(countTokens(text, 'o200k_base'), o.encode(text).length, JSON.stringify(text));
    assert.equal(countTokens(text, 'cl100k_base'), c.encode(text).length, JSON.stringify(text));
  }
});

test('a single huge pre-token piece (a long base64 blob) is counted in n·log n', () => {
  const blob = Buffer.from(Array.from({ length: 75_000 }, (_, i) => (i * 7919) % 256)).toString('base64');
  countTokens('warm up', 'o200k_base');
  const t0 = performance.now();
  const count = countTokens(blob, 'o200k_base');
  const ms = performance.now() - t0;
  assert.ok(count > 10_000 && count < blob.length);
  // js-tiktoken's own merge loop is quadratic here (minutes); ours takes well under a second.
  assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
});

test('special-token strings count as plain text instead of throwing', () => {
  const o = new Tiktoken(o200k);
  assert.equal(countTokens('before <|endoftext|> after', 'o200k_base'), o.encode('before <|endoftext|> after', [], []).length);
});
