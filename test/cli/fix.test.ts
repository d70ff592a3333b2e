import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from '#typescript';
import { assertExpected, CONCURRENCY, copyFixture, fixturesDir, runCli, runMain, snapshotTree } from './cli.js';

// --fix, --fix-suggestions and --fix-dry-run on temp copies of the fixture projects.

const original = (project: string, file: string) => readFileSync(join(fixturesDir, project, file), 'utf8');
const current = (root: string, file: string) => readFileSync(join(root, file), 'utf8');

function assertParses(root: string, file: string): void {
  const source = ts.createSourceFile(file, current(root, file), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  assert.deepEqual(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], `${file} no longer parses`);
}

/** Files listed in the stylish report. */
const reported = (stdout: string) => stdout.split('\n').filter((line) => /^src\//.test(line));

describe('fixes', { concurrency: CONCURRENCY }, () => {
  it('--fix-dry-run prints the safe fixes as a unified diff and writes nothing', async () => {
    const root = copyFixture('findings');
    const before = snapshotTree(root);
    const run = await runCli(['--fix-dry-run'], { cwd: root });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    assertExpected('findings.fix-dry-run.txt', run.stdout);
    assert.deepEqual(snapshotTree(root), before);
  });

  it('--fix-dry-run --fix-suggestions adds the suggestions to the diff and still writes nothing', async () => {
    const root = copyFixture('findings');
    const before = snapshotTree(root);
    const run = await runCli(['--fix-dry-run', '--fix-suggestions'], { cwd: root });
    assert.equal(run.status, 1);
    assertExpected('findings.fix-suggestions-dry-run.txt', run.stdout);
    assert.deepEqual(
      run.stdout.split('\n').filter((line) => line.startsWith('+++ ')),
      ['+++ b/src/answer-question.ts', '+++ b/src/rewrite-tone.ts', '+++ b/src/summarize-recipe.ts'],
    );
    assert.deepEqual(snapshotTree(root), before);
  });

  it('--fix applies the safe rewrite only; the cap suggestion is left for --fix-suggestions', async () => {
    const root = copyFixture('findings');
    const before = snapshotTree(root);
    const run = await runCli(['--fix'], { cwd: root });
    assert.equal(run.status, 1);
    const after = snapshotTree(root);
    assert.deepEqual([...after.keys()].filter((file) => after.get(file) !== before.get(file)), ['src/rewrite-tone.ts']);
    assert.equal(
      current(root, 'src/rewrite-tone.ts'),
      original('findings', 'src/rewrite-tone.ts').replace(
        /`I would like[^`]*`/,
        '`Act as a friendly copy editor for a cooking blog.\n' +
          'Make sure that you rewrite the text that the user sends you so that it sounds warm and welcoming.\n' +
          'It is very important that you keep every quantity, temperature and time exactly as it was written.\n' +
          'Do not add any new steps or ingredients to the recipe.`',
      ),
    );
    assertParses(root, 'src/rewrite-tone.ts');
    // The report is of the fixed files.
    assert.deepEqual(reported(run.stdout), ['src/answer-question.ts', 'src/broken.ts', 'src/meal-plan.ts', 'src/summarize-recipe.ts']);
  });

  it('--fix-suggestions inserts the output cap (require-max-tokens) and the stop sequence; the files re-parse', async () => {
    const root = copyFixture('findings');
    const before = snapshotTree(root);
    const run = await runCli(['--fix-suggestions'], { cwd: root });
    const after = snapshotTree(root);
    assert.deepEqual(
      [...after.keys()].filter((file) => after.get(file) !== before.get(file)).sort(),
      ['src/answer-question.ts', 'src/rewrite-tone.ts', 'src/summarize-recipe.ts'],
    );
    assert.equal(
      current(root, 'src/summarize-recipe.ts'),
      original('findings', 'src/summarize-recipe.ts').replace('    ],\n  });', '    ],\n    max_completion_tokens: 1024,\n  });'),
    );
    assert.equal(
      current(root, 'src/answer-question.ts'),
      original('findings', 'src/answer-question.ts').replace(
        "${question}` }],\n  });",
        "${question}` }],\n    stop_sequences: ['</answer>'],\n  });",
      ),
    );
    for (const file of ['src/answer-question.ts', 'src/rewrite-tone.ts', 'src/summarize-recipe.ts']) assertParses(root, file);
    // What is left: the parse error, which no fix touches, and the dynamic prefix, which has no suggestion here.
    assert.equal(run.status, 1);
    assert.deepEqual(reported(run.stdout), ['src/broken.ts', 'src/meal-plan.ts']);
    assert.match(run.stdout, /✖ 2 problems \(1 error, 1 warning\)\n$/);
  });

  it('--fix with --report-unused-disable-directives removes the unused directive', async () => {
    const root = copyFixture('directives');
    const run = await runMain(['--fix', '--report-unused-disable-directives'], { cwd: root });
    assert.equal(run.status, 0);
    const nonBlank = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
    const expected = nonBlank(original('directives', 'src/digest.ts'));
    const directive = expected.indexOf('  // promptlint-disable-next-line require-max-tokens');
    assert.ok(directive > 0);
    expected.splice(directive, 1);
    assert.deepEqual(nonBlank(current(root, 'src/digest.ts')), expected);
    // The directive with a reason still suppresses.
    assert.ok(current(root, 'src/digest.ts').includes('// promptlint-disable-next-line require-max-tokens -- runs through the Batch API'));
    assert.equal(current(root, 'src/answers.ts'), original('directives', 'src/answers.ts'));
  });

  it('--fix-dry-run with a machine-readable format', async () => {
    const root = copyFixture('findings');
    const run = await runMain(['--fix-dry-run', '--format', 'json'], { cwd: root });
    assert.doesNotThrow(() => JSON.parse(run.stdout));
  });
});
