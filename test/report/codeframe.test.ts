import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeFrame, splitLines } from '../../src/report/codeframe.js';
import { createColors } from '../../src/report/util.js';

const plain = createColors(false);

test('splits on every line terminator the TypeScript scanner knows', () => {
  assert.deepEqual(splitLines('a\r\nb\rc\nd\u2028e\u2029f'), ['a', 'b', 'c', 'd', 'e', 'f']);
});

test('one line of context each side, caret under the range', () => {
  const lines = ['one', 'two', 'three', 'four'];
  assert.equal(
    codeFrame(lines, { line: 2, column: 2, endLine: 2, endColumn: 4 }, plain),
    ['  1 | one', '> 2 | two', '    |  ^^', '  3 | three'].join('\n'),
  );
  // First line: nothing above. Range running past the line: carets to its end.
  assert.equal(
    codeFrame(lines, { line: 1, column: 2, endLine: 3, endColumn: 1 }, plain),
    ['> 1 | one', '    |  ^^', '  2 | two'].join('\n'),
  );
  // No end given: caret from the column to the end of the line.
  assert.equal(codeFrame(lines, { line: 4, column: 1 }, plain), ['  3 | three', '> 4 | four', '    | ^^^^'].join('\n'));
});

test('gutter widens for two-digit line numbers and tabs keep the caret aligned', () => {
  const lines = Array.from({ length: 10 }, (_, i) => (i === 9 ? '\tx = 1' : `line ${i + 1}`));
  assert.equal(
    codeFrame(lines, { line: 10, column: 2, endLine: 10, endColumn: 3 }, plain),
    ['   9 | line 9', '> 10 | \tx = 1', '     | \t^'].join('\n'),
  );
});

test('empty ranges still show one caret; locations outside the text show nothing', () => {
  assert.equal(codeFrame(['abc'], { line: 1, column: 4, endLine: 1, endColumn: 4 }, plain), ['> 1 | abc', '    |    ^'].join('\n'));
  assert.equal(codeFrame(['abc'], { line: 2, column: 1 }, plain), '');
});

test('long lines are cut to a window around the column', () => {
  const long = `${'a'.repeat(200)}TARGET${'b'.repeat(200)}`;
  const frame = codeFrame([long], { line: 1, column: 201, endLine: 1, endColumn: 207 }, plain);
  const [code, carets] = frame.split('\n') as [string, string];
  assert.equal(code, `> 1 | …${'a'.repeat(39)}TARGET${'b'.repeat(73)}…`);
  assert.equal(carets, `    | ${' '.repeat(40)}^^^^^^`);
});

test('colors only when asked', () => {
  const frame = codeFrame(['abc'], { line: 1, column: 1, endLine: 1, endColumn: 2 }, createColors(true));
  assert.equal(frame, '\u001b[31m>\u001b[39m\u001b[90m 1 |\u001b[39m abc\n \u001b[90m   |\u001b[39m \u001b[31m^\u001b[39m');
});
