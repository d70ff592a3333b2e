import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from '#typescript';
import { applyDirectives, parseDirectives, type Directive, type Locatable } from '../../src/engine/directives.js';

const known = new Set(['require-max-tokens', 'require-stop-sequences', 'no-verbose-system-prompt']);

/** Kind, ids and line of each directive: enough to check what was read. */
function summary(text: string): Array<[string, string[], number]> {
  return parseDirectives(text).directives.map((d) => [d.kind, d.ruleIds, d.line]);
}

interface Msg extends Locatable {
  name: string;
}
const msg = (name: string, ruleId: string | null, line: number, column = 1): Msg => ({ name, ruleId, line, column });

function run(text: string, messages: Msg[], reportUnused = true) {
  const { directives } = parseDirectives(text);
  const result = applyDirectives(messages, directives, { reportUnused, knownRuleIds: known });
  return {
    kept: result.kept.map((m) => m.name),
    suppressed: result.suppressed.map((m) => m.name),
    unused: result.unused.map((u) => `${u.directive.line}: ${u.message}`),
    problems: result.problems.map((p) => `${p.directive.line}: ${p.message}`),
    result,
  };
}

describe('parseDirectives', () => {
  it('reads every form with its position, range and reason', () => {
    const text = [
      '/* promptlint-disable */',
      'call(); // promptlint-disable-line require-max-tokens -- capped by the proxy',
      '// promptlint-disable-next-line require-max-tokens, require-stop-sequences',
      '/* promptlint-enable require-max-tokens */',
      '/* promptlint-disable-next-line no-verbose-system-prompt -- generated */',
    ].join('\n');
    const { directives, problems } = parseDirectives(text);
    assert.deepEqual(problems, []);
    const expected: Directive[] = [
      { kind: 'disable', ruleIds: [], line: 1, column: 1, endLine: 1, range: [0, 24] },
      {
        kind: 'disable-line',
        ruleIds: ['require-max-tokens'],
        line: 2,
        column: 9,
        endLine: 2,
        range: [33, 101],
        justification: 'capped by the proxy',
      },
      {
        kind: 'disable-next-line',
        ruleIds: ['require-max-tokens', 'require-stop-sequences'],
        line: 3,
        column: 1,
        endLine: 3,
        range: [102, 176],

      },
      { kind: 'enable', ruleIds: ['require-max-tokens'], line: 4, column: 1, endLine: 4, range: [177, 219] },
      {
        kind: 'disable-next-line',
        ruleIds: ['no-verbose-system-prompt'],
        line: 5,
        column: 1,
        endLine: 5,
        range: [220, 292],
        justification: 'generated',
      },
    ];
    assert.deepEqual(directives, expected);
    assert.equal(text.slice(33, 101), '// promptlint-disable-line require-max-tokens -- capped by the proxy');
  });

  it('takes a reason on the all-rules form and ignores an empty one', () => {
    const { directives } = parseDirectives('/* promptlint-disable -- whole file is generated */\n// promptlint-disable-line a --');
    assert.deepEqual(
      directives.map((d) => [d.ruleIds, d.justification]),
      [
        [[], 'whole file is generated'],
        [['a'], undefined],
      ],
    );
  });

  it('needs whitespace around the reason divider', () => {
    assert.deepEqual(summary('// promptlint-disable-line a--b'), [['disable-line', ['a--b'], 1]]);
  });

  it('accepts disable and enable in line comments and next-line in block comments', () => {
    assert.deepEqual(summary('// promptlint-disable a\n// promptlint-enable a\n/* promptlint-disable-next-line */'), [
      ['disable', ['a'], 1],
      ['enable', ['a'], 2],
      ['disable-next-line', [], 3],
    ]);
  });

  it('trims, splits on commas and drops duplicate ids', () => {
    assert.deepEqual(summary('/*   promptlint-disable   a ,b,  a   */'), [['disable', ['a', 'b'], 1]]);
  });

  it('ignores directive-looking text outside comments', () => {
    const text = [
      "const a = '// promptlint-disable-line x';",
      'const b = "/* promptlint-disable */";',
      'const c = `${a} // promptlint-disable-next-line y ${`/* promptlint-disable */`}`;',
      'const d = /promptlint-disable/g;',
      'const e = a / 2; // promptlint-disable-line z',
      'const f = <div>// promptlint-disable</div>;',
    ].join('\n');
    assert.deepEqual(summary(text), [['disable-line', ['z'], 5]]);
  });

  it('uses a given SourceFile, so JSX text is never a comment', () => {
    const text = 'const f = <div>// promptlint-disable {/* promptlint-disable-line a */}</div>;';
    const file = ts.createSourceFile('x.tsx', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
    assert.deepEqual(
      parseDirectives(text, file).directives.map((d) => [d.kind, d.ruleIds]),
      [['disable-line', ['a']]],
    );
  });

  it('reads directives in a template expression and before a closing brace', () => {
    const text = 'const t = `a${ /* promptlint-disable a */ x}b`;\nfunction f() {\n  g();\n  // promptlint-enable a\n}';
    assert.deepEqual(summary(text), [
      ['disable', ['a'], 1],
      ['enable', ['a'], 4],
    ]);
  });

  it('reads directives after a shebang and at the end of the file', () => {
    assert.deepEqual(summary('#!/usr/bin/env node\n/* promptlint-disable */\nx();\n// promptlint-enable'), [
      ['disable', [], 2],
      ['enable', [], 4],
    ]);
  });

  it('requires the directive at the start of the comment', () => {
    assert.deepEqual(summary('// see promptlint-disable-line in the docs\n/** promptlint-disable */\n/**\n * promptlint-disable\n */'), [
      ['disable', [], 2],
    ]);
  });

  it('uses the end line of a multi-line next-line comment', () => {
    const { directives } = parseDirectives('/* promptlint-disable-next-line\n   require-max-tokens */\ncall();');
    assert.deepEqual(
      directives.map((d) => [d.line, d.endLine, d.ruleIds]),
      [[1, 2, ['require-max-tokens']]],
    );
  });

  it('reports malformed directives and drops them', () => {
    const text = [
      '// promptlint-disable-nextline a',
      '// promptlint-disable-line a b',
      '/* promptlint-disable-line',
      '   a */',
      '// promptlint-enable a,,b',
      '  /* promptlint-disable a, */',
    ].join('\n');
    const { directives, problems } = parseDirectives(text);
    assert.deepEqual(directives, []);
    assert.deepEqual(problems, [
      {
        message:
          "Unknown directive 'promptlint-disable-nextline'; expected promptlint-disable, promptlint-enable, promptlint-disable-line or promptlint-disable-next-line.",
        line: 1,
        column: 1,
      },
      {
        message: "Invalid rule id 'a b' in promptlint-disable-line comment; separate rule ids with commas and put a reason after ' -- '.",
        line: 2,
        column: 1,
      },
      { message: 'promptlint-disable-line comment should not span multiple lines.', line: 3, column: 1 },
      { message: 'Empty rule id in promptlint-enable comment.', line: 5, column: 1 },
      { message: 'Empty rule id in promptlint-disable comment.', line: 6, column: 3 },
    ]);
  });

  it('returns nothing quickly for text without the marker', () => {
    assert.deepEqual(parseDirectives('const x = 1; // eslint-disable-line'), { directives: [], problems: [] });
  });
});

describe('applyDirectives', () => {
  it('disable-line covers its own line only', () => {
    const text = 'a();\nb(); // promptlint-disable-line require-max-tokens\nc();';
    const out = run(text, [
      msg('a', 'require-max-tokens', 1),
      msg('b', 'require-max-tokens', 2),
      msg('b-other', 'require-stop-sequences', 2),
      msg('c', 'require-max-tokens', 3),
    ]);
    assert.deepEqual([out.kept, out.suppressed, out.unused], [['a', 'b-other', 'c'], ['b'], []]);
  });

  it('disable-next-line covers the next line only, for every listed rule', () => {
    const text = '// promptlint-disable-next-line require-max-tokens, require-stop-sequences\nb();\nc();';
    const out = run(text, [
      msg('b1', 'require-max-tokens', 2, 5),
      msg('b2', 'require-stop-sequences', 2),
      msg('b3', 'no-verbose-system-prompt', 2),
      msg('c', 'require-max-tokens', 3),
    ]);
    assert.deepEqual([out.kept, out.suppressed, out.unused], [['b3', 'c'], ['b1', 'b2'], []]);
  });

  it('a block disable without ids at the top disables the whole file', () => {
    const text = '/* promptlint-disable */\na();\n\nb();';
    const out = run(text, [msg('a', 'require-max-tokens', 2), msg('b', 'no-verbose-system-prompt', 4, 9)]);
    assert.deepEqual([out.kept, out.suppressed, out.unused], [[], ['a', 'b'], []]);
    assert.deepEqual(out.result.suppressedBy.map((d) => d.line), [1, 1]);
  });

  it('a block disable takes effect from its column on and ends at the matching enable', () => {
    const text = [
      'a(); /* promptlint-disable require-max-tokens */ b();',
      'c();',
      '/* promptlint-enable require-max-tokens */',
      'd();',
    ].join('\n');
    const out = run(text, [
      msg('d', 'require-max-tokens', 4),
      msg('a', 'require-max-tokens', 1, 1),
      msg('b', 'require-max-tokens', 1, 50),
      msg('c', 'require-max-tokens', 2),
      msg('c-other', 'require-stop-sequences', 2),
    ]);
    assert.deepEqual([out.kept, out.suppressed, out.unused], [['d', 'a', 'c-other'], ['b', 'c'], []]);
  });

  it('re-enables one rule inside a disable-all block', () => {
    const text = '/* promptlint-disable */\n/* promptlint-enable require-max-tokens */\nx();\n/* promptlint-disable require-max-tokens */\ny();';
    const out = run(text, [
      msg('x1', 'require-max-tokens', 3),
      msg('x2', 'require-stop-sequences', 3),
      msg('y1', 'require-max-tokens', 5),
    ]);
    assert.deepEqual([out.kept, out.suppressed, out.unused], [['x1'], ['x2', 'y1'], []]);
    assert.deepEqual(out.result.suppressedBy.map((d) => d.line), [1, 4]);
  });

  it('an enable without ids ends every disable', () => {
    const text = '/* promptlint-disable require-max-tokens */\n/* promptlint-disable require-stop-sequences */\n/* promptlint-enable */\nx();';
    const out = run(text, [msg('x1', 'require-max-tokens', 4), msg('x2', 'require-stop-sequences', 4)], false);
    assert.deepEqual([out.kept, out.suppressed], [['x1', 'x2'], []]);
  });

  it('never suppresses fatal messages', () => {
    const out = run('/* promptlint-disable */\n// promptlint-disable-next-line\nx', [msg('fatal', null, 3), msg('rule', 'require-max-tokens', 3)]);
    assert.deepEqual([out.kept, out.suppressed], [['fatal'], ['rule']]);
  });

  it('reports unused disable directives with ESLint wording, listing only the unused ids', () => {
    const text = [
      '/* promptlint-enable */',
      '/* promptlint-disable */',
      '/* promptlint-enable */',
      '// promptlint-disable-next-line require-max-tokens, require-stop-sequences, no-verbose-system-prompt',
      'x();',
      'y(); // promptlint-disable-line require-max-tokens, require-stop-sequences',
      '// promptlint-disable-next-line require-max-tokens -- used',
      'z();',
    ].join('\n');
    const out = run(text, [msg('z', 'require-max-tokens', 8)]);
    // The enable on line 3 ends a disable, so it counts as used even though that disable suppressed nothing.
    assert.deepEqual(out.unused, [
      '1: Unused promptlint-enable directive (no matching promptlint-disable directives were found).',
      '2: Unused promptlint-disable directive (no problems were reported).',
      "4: Unused promptlint-disable directive (no problems were reported from 'require-max-tokens', 'require-stop-sequences', or 'no-verbose-system-prompt').",
      "6: Unused promptlint-disable directive (no problems were reported from 'require-max-tokens' or 'require-stop-sequences').",
    ]);
    assert.deepEqual(out.suppressed, ['z']);
  });

  it('reports a partly used directive for its unused ids and an enable with nothing to end', () => {
    const text = '/* promptlint-disable require-max-tokens, require-stop-sequences */\nx();\n/* promptlint-enable require-max-tokens, no-verbose-system-prompt */';
    const out = run(text, [msg('x', 'require-stop-sequences', 2)]);
    assert.deepEqual(out.unused, [
      "1: Unused promptlint-disable directive (no problems were reported from 'require-max-tokens').",
      "3: Unused promptlint-enable directive (no matching promptlint-disable directives were found for 'no-verbose-system-prompt').",
    ]);
  });

  it('credits the block directive before a line directive for the same message', () => {
    const text = '/* promptlint-disable require-max-tokens */\nx(); // promptlint-disable-line require-max-tokens';
    const out = run(text, [msg('x', 'require-max-tokens', 2)]);
    assert.deepEqual(out.unused, ["2: Unused promptlint-disable directive (no problems were reported from 'require-max-tokens')."]);
  });

  it('reports nothing unused unless asked', () => {
    const out = run('// promptlint-disable-next-line require-max-tokens\nx();', [], false);
    assert.deepEqual(out.unused, []);
  });

  it('reports unknown rule ids and keeps the known ones working', () => {
    const text = '// promptlint-disable-next-line require-max-token, require-stop-sequences\nx();\n/* promptlint-disable nope */\ny();';
    const out = run(text, [msg('x1', 'require-max-tokens', 2), msg('x2', 'require-stop-sequences', 2), msg('y', 'require-max-tokens', 4)]);
    assert.deepEqual(out.problems, [
      "1: Unknown rule 'require-max-token' in promptlint-disable-next-line comment.",
      "3: Unknown rule 'nope' in promptlint-disable comment.",
    ]);
    // A directive naming only unknown rules does not turn into "disable everything".
    assert.deepEqual([out.kept, out.suppressed, out.unused], [['x1', 'y'], ['x2'], []]);
  });

  it('keeps the input order in kept and suppressed', () => {
    const text = '/* promptlint-disable require-max-tokens */';
    const out = run(text, [msg('b', 'require-max-tokens', 9), msg('k', 'require-stop-sequences', 1), msg('a', 'require-max-tokens', 2)]);
    assert.deepEqual([out.kept, out.suppressed], [['k'], ['b', 'a']]);
  });
});
