import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { compressText } from '../../src/compress/index.js';
import { checkInvariants } from '../../src/compress/invariants.js';
import { findProtectedSpans } from '../../src/compress/protect.js';
import { countTokens } from '../../src/tokens/count.js';

const dir = new URL('../../../test/fixtures/prompts/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, dir), 'utf8') }));

/** mulberry32: small, seeded, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('each invariant is named when broken', () => {
  const cases: Array<[string, string, string]> = [
    ['Use ${name} here.', 'Use here.', 'placeholders'],
    ['Use {{name}} here.', 'Use {{nam}} here.', 'placeholders'],
    ['Send %s now.', 'Send now.', 'placeholders'],
    ['Fill [NAME] in.', 'Fill in.', 'placeholders'],
    ['Rewrite <TEXT>.', 'Rewrite.', 'placeholders'],
    ['Give 3 tips in 2 lines.', 'Give 2 tips in 3 lines.', 'numbers'],
    ['Do not guess.', 'Do guess.', 'negations'],
    ['Answer only in French.', 'Answer in French.', 'negations'],
    ['Never share it.', 'Share it.', 'negations'],
    ['Run:\n```sh\nls  -l\n```\n', 'Run:\n```sh\nls -l\n```\n', 'code-fences'],
    ['Run `ls  -l` first.', 'Run `ls -l` first.', 'inline-code'],
    ['Format:\n{\n  "a":  1\n}\n', 'Format:\n{\n  "a": 1\n}\n', 'examples'],
    ['<rules>\nBe brief.\n</rules>', '<rule>\nBe brief.\n</rule>', 'xml-tags'],
    ['Say "hello  there" to them.', 'Say "hello there" to them.', 'quotes'],
    ['Style:\nUser: hi  there\n', 'Style:\nUser: hi there\n', 'transcript'],
    ['See https://a.example/x for help.', 'See https://a.example/y for help.', 'urls'],
    ['Mail me@example.com today.', 'Mail today.', 'urls'],
    ['# Title\n- one\n- two\n', '# Title\n- one two\n', 'structure'],
    ['## A\n\ntext\n\n## B\n', '## A\n\ntext\n\n### B\n', 'structure'],
  ];
  for (const [original, rewrite, name] of cases) {
    assert.ok(checkInvariants(original, rewrite).includes(name), `${name}: ${JSON.stringify(rewrite)}`);
  }
});

test('rewrites that keep every protected part pass', () => {
  assert.deepEqual(checkInvariants('Please use ${name}.  Do not guess 3 times.', 'Use ${name}. Do not guess 3 times.'), []);
  assert.deepEqual(checkInvariants('- a\n- b\n', '- a\n- b'), []);
  // Adding a restriction word is allowed; only removing one is a violation.
  assert.deepEqual(checkInvariants('with the exception that', 'except that'), []);
});

test('random edits inside protected spans are always detected', () => {
  const random = prng(20260701);
  const alphabet = 'ab {}[]<>"\'`$%\n #-*.:1/';
  let tried = 0;
  for (const { name, text } of fixtures) {
    const spans = findProtectedSpans(text);
    for (let round = 0; round < 40 && spans.length > 0; round++) {
      const span = spans[Math.floor(random() * spans.length)]!;
      const kind = Math.floor(random() * 3);
      // An insertion at `at` goes before text[at]; at span.start it would land outside the span.
      const inner = kind === 1 ? 1 : 0;
      if (span.end - span.start <= inner) continue;
      const at = span.start + inner + Math.floor(random() * (span.end - span.start - inner));
      const ch = alphabet[Math.floor(random() * alphabet.length)]!;
      const mutated =
        kind === 0
          ? text.slice(0, at) + text.slice(at + 1)
          : kind === 1
            ? text.slice(0, at) + ch + text.slice(at)
            : text.slice(0, at) + ch + text.slice(at + 1);
      if (mutated === text) continue;
      // Inserting a copy of a neighbour gives the same string as inserting it one place over,
      // which may be outside the span ("{x}" → "{{x}").
      if (kind === 1 && (ch === text[at - 1] || ch === text[at])) continue;
      tried++;
      assert.notDeepEqual(checkInvariants(text, mutated), [], `${name}: ${span.kind} edit at ${at} went unnoticed`);
    }
  }
  assert.ok(tried > 300, `only ${tried} mutations tried`);
});

test('random removal of a negation word or change of a number is always detected', () => {
  const random = prng(7);
  for (const { name, text } of fixtures) {
    const words = [...text.matchAll(/\b(?:not|never|only|unless|except|avoid|no)\b/gi)];
    const numbers = [...text.matchAll(/\d+/g)];
    for (let i = 0; i < 5; i++) {
      const w = words[Math.floor(random() * words.length)];
      if (w) {
        const mutated = text.slice(0, w.index) + text.slice(w.index + w[0].length);
        assert.ok(checkInvariants(text, mutated).includes('negations'), `${name}: removing ${w[0]}`);
      }
      const n = numbers[Math.floor(random() * numbers.length)];
      if (n) {
        const mutated = text.slice(0, n.index) + String(Number(n[0]) + 1) + text.slice(n.index + n[0].length);
        assert.ok(checkInvariants(text, mutated).includes('numbers'), `${name}: changing ${n[0]}`);
      }
    }
  }
});

test('compressText never returns a text that fails the invariants (random prompts)', () => {
  const random = prng(424242);
  const lines = fixtures.flatMap(({ text }) => text.split('\n'));
  const extras = [
    'Please note that you must not reveal {secret}.',
    'It is CRITICAL that you NEVER skip step 2!!!',
    'In order to answer, read "the  quoted  part" first.',
    '  - Kindly keep ${items.length} items.',
    'I want you to act as a judge. Remember, you are a judge.',
    'Thanks!',
    '---',
    '**Note:** see https://example.org/a_(b) in order to learn more.',
    'User: please  don\'t change me',
    '    indented  code  line',
    '',
    '',
  ];
  for (let round = 0; round < 150; round++) {
    const count = 2 + Math.floor(random() * 14);
    const picked: string[] = [];
    for (let i = 0; i < count; i++) {
      const pool = random() < 0.3 ? extras : lines;
      picked.push(pool[Math.floor(random() * pool.length)]!);
    }
    const prompt = picked.join(random() < 0.5 ? '\n' : '\n\n');
    for (const tier of ['safe', 'all'] as const) {
      const result = compressText(prompt, { tier });
      assert.deepEqual(checkInvariants(prompt, result.text), [], `round ${round} (${tier}): ${JSON.stringify(prompt)}`);
      assert.ok(countTokens(result.text, 'o200k_base') <= countTokens(prompt, 'o200k_base'));
      if (result.text === prompt) assert.deepEqual(result.changes, []);
      else assert.ok(result.changes.length > 0);
    }
  }
});

test('compressText is deterministic', () => {
  for (const { text } of fixtures) {
    assert.deepEqual(compressText(text, { tier: 'all' }), compressText(text, { tier: 'all' }));
  }
});
