import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PromptPart } from '../../src/model.js';
import { compressText } from '../../src/compress/index.js';
import { promptToAtomText } from '../../src/compress/atoms.js';
import { emitLiteral } from '../../src/compress/emit.js';

/** Evaluates a literal with the given variables in scope. */
function evaluate(literal: string, scope: Record<string, unknown> = {}): unknown {
  return new Function(...Object.keys(scope), `return ${literal};`)(...Object.values(scope));
}

const tricky = 'A `tick`, a ${not atom}, a \\ backslash, \'single\' and "double" quotes,\nnew\r\nlines, tab\there, \u2028 and \u2029, $ alone, end\\';

test('quoted literals round-trip every awkward character', () => {
  for (const quote of ["'", '"', '`'] as const) {
    const literal = emitLiteral(tricky, [], { quote });
    assert.ok(literal !== undefined);
    assert.equal(literal[0], quote);
    assert.equal(evaluate(literal), tricky, `quote ${quote}`);
  }
});

test('single and double quotes keep their style and escape newlines', () => {
  assert.equal(emitLiteral("It's\nfine", [], { quote: "'" }), "'It\\'s\\nfine'");
  assert.equal(emitLiteral('Say "hi"', [], { quote: '"' }), '"Say \\"hi\\""');
});

test('atoms come back as ${source}, switching to a template literal', () => {
  const parts: PromptPart[] = [
    { kind: 'text', text: 'Hello ' },
    { kind: 'dynamic', file: 'prompt.ts', range: [10, 19], source: 'user.name', rate: 'user', label: 'request data' },
    { kind: 'text', text: ', today is ' },
    { kind: 'dynamic', file: 'prompt.ts', range: [30, 46], source: 'new Date().toDateString()', rate: 'request', label: 'new Date()' },
    { kind: 'text', text: '. Use `${x}` literally.' },
  ];
  const { text, atoms } = promptToAtomText(parts);
  assert.equal(text, 'Hello \uE0000\uE001, today is \uE0001\uE001. Use `${x}` literally.');
  assert.deepEqual(atoms, ['user.name', 'new Date().toDateString()']);
  const literal = emitLiteral(text, atoms, { quote: "'" });
  assert.equal(literal, '`Hello ${user.name}, today is ${new Date().toDateString()}. Use \\`\\${x}\\` literally.`');
  const user = { name: 'Ada' };
  const value = evaluate(literal!, { user });
  assert.equal(value, `Hello Ada, today is ${new Date().toDateString()}. Use \`\${x}\` literally.`);
});

test('a compressed prompt with atoms is emitted back with its expressions intact', () => {
  const { text, atoms } = promptToAtomText([
    { kind: 'text', text: 'Please note that you should greet ' },
    { kind: 'dynamic', file: 'prompt.ts', range: [0, 4], source: 'name', rate: 'user', label: 'name' },
    { kind: 'text', text: ' in order to be   friendly.' },
  ]);
  const compressed = compressText(text, { tier: 'safe' });
  assert.equal(compressed.text, 'Greet \uE0000\uE001 to be friendly.');
  const literal = emitLiteral(compressed.text, atoms, { quote: '`' });
  assert.equal(literal, '`Greet ${name} to be friendly.`');
  assert.equal(evaluate(literal!, { name: 'Bo' }), 'Greet Bo to be friendly.');
});

test('trimmed literals: outer whitespace cannot be expressed, multi-line layout is kept readable', () => {
  assert.equal(emitLiteral('  padded', [], { quote: '`', trimmed: true }), undefined);
  const literal = emitLiteral('Line one.\nLine two.', [], { quote: '`', trimmed: true, indent: '  ' });
  assert.equal(literal, '`\nLine one.\nLine two.\n  `');
  assert.equal((evaluate(literal!) as string).trim(), 'Line one.\nLine two.');
});

test('tagged templates and broken atom markers get no literal', () => {
  assert.equal(emitLiteral('text', [], { quote: '`', tag: 'dedent' }), undefined);
  assert.equal(emitLiteral('a \uE0003\uE001 b', ['x'], { quote: '`' }), undefined);
  assert.equal(emitLiteral('a \uE000 b', [], { quote: '`' }), undefined);
});
