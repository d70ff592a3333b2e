// No YAML library here: action.yml and .pre-commit-hooks.yaml are kept to a plain subset (no flow
// collections, no anchors, no ": " or " #" inside unquoted values) that these helpers read exactly.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { changedLinesSince } from '../../src/cli/git.js';
import { commitAll, initRepo, lines, removeDir, run, tempDir, write } from './repo.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const actionText = readFileSync(join(repoRoot, 'action.yml'), 'utf8');
const hooksText = readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8');

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

const indentOf = (line: string) => line.length - line.trimStart().length;

/** Lines outside block scalars (`|`, `>-`…), which are free text. */
function structuralLines(text: string): string[] {
  const out: string[] = [];
  let blockIndent = -1;
  for (const line of text.split('\n')) {
    if (blockIndent >= 0 && (line.trim() === '' || indentOf(line) > blockIndent)) continue;
    blockIndent = -1;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    out.push(line);
    if (/:\s*[|>][-+]?$/.test(line)) blockIndent = indentOf(line);
  }
  return out;
}

/** The `run: |` script of the step with this name, dedented. */
function stepScript(name: string): string {
  const all = actionText.split('\n');
  const start = all.findIndex((l) => l.trim() === `- name: ${name}`);
  assert.ok(start >= 0, `no step named ${name}`);
  const runAt = all.findIndex((l, i) => i > start && /^\s+run: \|$/.test(l));
  const keyIndent = indentOf(all[runAt]!);
  const body: string[] = [];
  for (const line of all.slice(runAt + 1)) {
    if (line.trim() !== '' && indentOf(line) <= keyIndent) break;
    body.push(line);
  }
  const margin = Math.min(...body.filter((l) => l.trim()).map(indentOf));
  return `${body.map((l) => l.slice(margin)).join('\n').trimEnd()}\n`;
}

test('both files stay inside the YAML subset', () => {
  for (const text of [actionText, hooksText]) {
    for (const line of structuralLines(text)) {
      const value = /^\s*(?:- )?[\w-]+:\s(.*)$/.exec(line)?.[1];
      if (value === undefined || /^['"]/.test(value)) continue;
      assert.doesNotMatch(value, /: | #|^[[{&*!%@`]/, `ambiguous plain value: ${line.trim()}`);
    }
  }
});

test('.pre-commit-hooks.yaml', () => {
  const entries = structuralLines(hooksText).map((l) => /^(?:- |  )([\w-]+): (.*)$/.exec(l)!.slice(1));
  assert.deepEqual(Object.fromEntries(entries), {
    id: 'promptlint',
    name: 'promptlint',
    description: 'Lint LLM API calls and prompts in JavaScript and TypeScript.',
    entry: 'promptlint',
    language: 'node',
    files: '\\.(?:[cm]?[jt]s|[jt]sx)$',
    exclude: '\\.d\\.[cm]?ts$',
    pass_filenames: 'true',
    require_serial: 'true',
  });
  // pre-commit uses Python's re.search; these patterns mean the same in JavaScript.
  const files = new RegExp(entries.find(([k]) => k === 'files')![1]!);
  const exclude = new RegExp(entries.find(([k]) => k === 'exclude')![1]!);
  const picked = ['a.js', 'b.mjs', 'c.cjs', 'd.jsx', 'e.ts', 'f.mts', 'g.cts', 'h.tsx', 'x.d.ts', 'y.d.mts', 'z.json', 'w.ts.orig', 'v.mtsx']
    .filter((f) => files.test(f) && !exclude.test(f));
  assert.deepEqual(picked, ['a.js', 'b.mjs', 'c.cjs', 'd.jsx', 'e.ts', 'f.mts', 'g.cts', 'h.tsx']);
});

test('action.yml: inputs, flags, bin path, no expressions inside scripts', () => {
  const structural = structuralLines(actionText);
  const inputsAt = structural.indexOf('inputs:');
  const declared = structural
    .slice(inputsAt + 1, structural.findIndex((l, i) => i > inputsAt && indentOf(l) === 0))
    .filter((l) => indentOf(l) === 2)
    .map((l) => l.trim().replace(/:$/, ''));
  assert.deepEqual(declared, [
    'paths',
    'changed-since',
    'format',
    'max-warnings',
    'args',
    'working-directory',
    'upload-sarif',
    'node-version',
  ]);
  const used = new Set([...actionText.matchAll(/\binputs\.([\w-]+)/g)].map((m) => m[1]));
  assert.deepEqual([...used].sort(), [...declared].sort());

  assert.ok(structural.includes('  using: composite'));
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { bin: { promptlint: string } };
  assert.ok(actionText.includes(`\${{ github.action_path }}/${pkg.bin.promptlint}`));

  const flags = new Set([...actionText.matchAll(/(?<=\s|\()--[a-z-]+/g)].map((m) => m[0]));
  for (const flag of ['--format', '--changed-since', '--max-warnings', '--output-file']) assert.ok(flags.has(flag), flag);

  // Inputs reach scripts through env, never spliced into the script text (script injection).
  for (const name of ['Build promptlint', 'Resolve the base ref', 'Lint', 'Fail on findings']) {
    const script = stepScript(name);
    assert.doesNotMatch(script, /\$\{\{/, name);
    execFileSync('bash', ['-n'], { input: script });
  }

  const upload = actionText.slice(actionText.indexOf('- name: Upload SARIF'));
  assert.match(upload, /^ {6}if: >-\n {8}always\(\) && /m);
  assert.match(upload, /uses: github\/codeql-action\/upload-sarif@v3\n/);
});

// A stand-in CLI: records its arguments, writes what each format would, exits as told.
const STUB = `
import { appendFileSync, writeFileSync } from 'node:fs';
const args = process.argv.slice(2);
appendFileSync(process.env.STUB_LOG, JSON.stringify(args) + '\\n');
const format = args[args.indexOf('--format') + 1];
if (format === 'markdown') process.stdout.write('## promptlint\\n');
if (format === 'sarif') writeFileSync(args[args.indexOf('--output-file') + 1], '{}');
process.exit(format === 'github' ? Number(process.env.STUB_EXIT) : 0);
`;

function runLintStep(env: Record<string, string>): { calls: string[][]; output: string; summary: string; temp: string } {
  const temp = tempDir('promptlint-action-');
  dirs.push(temp);
  writeFileSync(join(temp, 'stub.mjs'), STUB);
  for (const f of ['log', 'output', 'summary']) writeFileSync(join(temp, f), '');
  execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', stepScript('Lint')], {
    cwd: temp,
    env: {
      PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
      PROMPTLINT: join(temp, 'stub.mjs'),
      STUB_LOG: join(temp, 'log'),
      GITHUB_OUTPUT: join(temp, 'output'),
      GITHUB_STEP_SUMMARY: join(temp, 'summary'),
      RUNNER_TEMP: temp,
      ...env,
    },
  });
  const read = (f: string) => readFileSync(join(temp, f), 'utf8');
  const calls = read('log')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as string[]);
  return { calls, output: read('output'), summary: read('summary'), temp };
}

test('action.yml Lint step: three runs, exit code kept, SARIF unscoped', () => {
  const { calls, output, summary, temp } = runLintStep({
    PATHS: 'src\n  lib/*.ts',
    FORMAT: 'github',
    MAX_WARNINGS: '0',
    ARGS: '--config promptlint.json',
    REF: 'origin/main',
    STUB_EXIT: '1',
  });
  const sarif = join(temp, 'promptlint.sarif');
  assert.deepEqual(calls, [
    ['--format', 'github', '--changed-since', 'origin/main', '--max-warnings', '0', '--config', 'promptlint.json', 'src', 'lib/*.ts'],
    ['--format', 'markdown', '--changed-since', 'origin/main', '--config', 'promptlint.json', 'src', 'lib/*.ts'],
    ['--format', 'sarif', '--output-file', sarif, '--config', 'promptlint.json', 'src', 'lib/*.ts'],
  ]);
  assert.equal(output, `exit-code=1\nsarif-file=${sarif}\n`);
  assert.equal(summary, '## promptlint\n');

  const clean = runLintStep({ PATHS: '.', FORMAT: 'stylish', MAX_WARNINGS: '', ARGS: '', REF: '', STUB_EXIT: '0' });
  assert.deepEqual(clean.calls[0], ['--format', 'stylish', '.']);
  assert.equal(clean.output, `exit-code=0\nsarif-file=${join(clean.temp, 'promptlint.sarif')}\n`);
});

test('action.yml base-ref step makes the merge base reachable in a shallow PR checkout', () => {
  const origin = initRepo(tempDir('promptlint-origin-'));
  dirs.push(origin);
  write(origin, 'a.ts', lines(3));
  commitAll(origin, 'base');
  run(origin, 'checkout', '-q', '-b', 'feature');
  write(origin, 'a.ts', lines(4));
  commitAll(origin, 'feature');
  run(origin, 'checkout', '-q', 'main');
  write(origin, 'b.ts', lines(1));
  commitAll(origin, 'main moves');

  const clone = tempDir('promptlint-checkout-');
  dirs.push(clone);
  run(clone, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, '.');
  const outputFile = join(clone, '.git', 'gh-output');
  writeFileSync(outputFile, '');
  execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', stepScript('Resolve the base ref')], {
    cwd: clone,
    env: { ...process.env, CHANGED_SINCE: 'auto', GITHUB_BASE_REF: 'main', GITHUB_OUTPUT: outputFile },
  });
  assert.equal(readFileSync(outputFile, 'utf8'), 'ref=origin/main\n');
  assert.equal(run(clone, 'rev-parse', '--is-shallow-repository').trim(), 'false');
  assert.deepEqual([...changedLinesSince(clone, 'origin/main')], [[join(clone, 'a.ts'), new Set([4])]]);

  // Outside pull requests "auto" means: lint everything.
  writeFileSync(outputFile, '');
  execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', stepScript('Resolve the base ref')], {
    cwd: clone,
    env: { ...process.env, CHANGED_SINCE: 'auto', GITHUB_BASE_REF: '', GITHUB_OUTPUT: outputFile },
  });
  assert.equal(readFileSync(outputFile, 'utf8'), 'ref=\n');
});
