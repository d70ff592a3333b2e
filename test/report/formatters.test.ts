import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LintResult } from '../../src/model.js';
import { format, formatterNames, isFormatterName } from '../../src/report/index.js';
import { assertExpected } from './expected-file.js';
import { context, results } from './fixture.js';

const noOutside = { ...context, outsideChanges: undefined };
const clean: LintResult[] = [results[1]!];

test('stylish', () => {
  assertExpected('stylish.txt', format('stylish', results, context));
  assertExpected('stylish-color.txt', format('stylish', results, { ...context, color: true }));
});

test('stylish prints nothing for a clean run', () => {
  assert.equal(format('stylish', clean, noOutside), '');
  assert.equal(format('stylish', [], noOutside), '');
  assert.equal(
    format('stylish', clean, context),
    '\n3 findings outside the changed lines were not failed on (1 error, 2 warnings).\n',
  );
});

test('json', () => {
  const text = format('json', results, context);
  assertExpected('json.json', text);
  const parsed = JSON.parse(text) as Array<Record<string, unknown>>;
  assert.deepEqual(
    parsed.map((r) => Object.keys(r)),
    results.map(() => [
      'filePath',
      'messages',
      'suppressedMessages',
      'errorCount',
      'fatalErrorCount',
      'warningCount',
      'fixableErrorCount',
      'fixableWarningCount',
      'usedDeprecatedRules',
    ]),
  );
  assert.deepEqual(
    parsed.map((r) => r.messages),
    results.map((r) => r.messages),
  );
  // The fixture's third file has no suppressedMessages; ESLint always writes the array.
  assert.deepEqual(parsed[2]!.suppressedMessages, []);
  assert.equal(format('json', [], context), '[]');
});

test('github', () => {
  const text = format('github', results, context);
  assertExpected('github.txt', text);
  assert.equal(
    text.split('\n')[1],
    '::error file=src/chat.ts,line=8,col=46,endLine=8,endColumn=56,title=no-dynamic-prompt-prefix::' +
      'Dynamic content "new Date()" comes before 100%25 of the static system prompt, so%0Athe prefix is never cached.',
  );
  assert.equal(
    text.split('\n')[3],
    "::error file=src/weird dir/a%2Cb%3A%25.ts,line=3,col=1,title=fatal::Parsing error: ')' expected.",
  );
  assert.equal(format('github', clean, context), '');
});

test('markdown', () => {
  assertExpected('markdown.md', format('markdown', results, context));
  assertExpected('markdown-per-month.md', format('markdown', results, { ...noOutside, callsPerDay: 5000 }));
  assert.equal(format('markdown', clean, noOutside), '## promptlint\n\nNo problems found.\n');
});

test('sarif', () => {
  assertExpected('sarif.json', format('sarif', results, context));
});

test('formatter names', () => {
  assert.deepEqual(formatterNames, ['stylish', 'json', 'sarif', 'github', 'markdown']);
  for (const name of formatterNames) assert.equal(isFormatterName(name), true);
  assert.equal(isFormatterName('junit'), false);
  assert.equal(isFormatterName('toString'), false);
});
