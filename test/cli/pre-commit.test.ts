import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { binPath, CONCURRENCY, commitAll, copyFixture, git, initRepo, runCli, runMain, tempDir, writeFiles } from './cli.js';

// The pre-commit path: `promptlint --staged` judges what the index holds, in real temporary git
// repositories, first called directly as a hook would, then installed as .git/hooks/pre-commit.

const CAPLESS = [
  "import OpenAI from 'openai';",
  '',
  'const client = new OpenAI();',
  '',
  'export async function translateNotes(notes: string, language: string): Promise<string> {',
  '  const completion = await client.chat.completions.create({',
  "    model: 'gpt-4o-mini',",
  "    messages: [{ role: 'user', content: `Translate into ${language}:\\n${notes}` }],",
  '  });',
  "  return completion.choices[0]?.message.content ?? '';",
  '}',
  '',
].join('\n');
const CAPPED = CAPLESS.replace("    model: 'gpt-4o-mini',\n", "    model: 'gpt-4o-mini',\n    max_completion_tokens: 300,\n");
const FINDING = '  6:28  error  chat.completions.create call sends no output-token cap (max_completion_tokens): the model may answer up to its maximum output, billed in full  require-max-tokens';

/** The clean fixture committed on main, plus an old capless call that later commits do not touch. */
function repo(): string {
  const root = copyFixture('clean');
  initRepo(root);
  writeFiles(root, { 'src/legacy/old-digest.ts': CAPLESS.replace('translateNotes', 'oldDigest') });
  commitAll(root, 'base');
  return root;
}

/** File names and finding lines of a stylish report. */
const reportLines = (stdout: string) => stdout.split('\n').filter((line) => /^\S|^ {2}\d/.test(line));

describe('promptlint --staged, as a hook calls it', { concurrency: CONCURRENCY }, () => {
  it('a commit that adds a call without an output cap is blocked with the finding', async () => {
    const root = repo();
    writeFiles(root, { 'src/translate-notes.ts': CAPLESS });
    git(root, 'add', 'src/translate-notes.ts');
    const run = await runCli(['--staged'], { cwd: root });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    // Only the staged file: the committed legacy call is not this commit's business.
    assert.deepEqual(reportLines(run.stdout), ['src/translate-notes.ts', FINDING, '✖ 1 problem (1 error, 0 warnings)']);
  });

  it('a clean commit passes, even beside unstaged and committed problems', async () => {
    const root = repo();
    writeFiles(root, { 'src/translate-notes.ts': CAPPED, 'src/scratch.ts': CAPLESS });
    git(root, 'add', 'src/translate-notes.ts');
    assert.deepEqual(await runCli(['--staged'], { cwd: root }), { status: 0, stdout: '', stderr: '' });
  });

  it('nothing staged: exit 0', async () => {
    assert.deepEqual(await runMain(['--staged'], { cwd: repo() }), { status: 0, stdout: '', stderr: '' });
  });

  it('a partially staged file is judged on what is staged: capless in the index, fixed in the working tree', async () => {
    const root = repo();
    writeFiles(root, { 'src/translate-notes.ts': CAPLESS });
    git(root, 'add', 'src/translate-notes.ts');
    // The working tree gains a cap and two header lines, so its line numbers differ too.
    writeFiles(root, { 'src/translate-notes.ts': `// Notes translation.\n\n${CAPPED}` });
    const [staged, workingTree] = await Promise.all([runCli(['--staged'], { cwd: root }), runMain(['src/translate-notes.ts'], { cwd: root })]);
    assert.equal(staged.status, 1);
    assert.equal(staged.stderr, 'promptlint: src/translate-notes.ts is partially staged; positions refer to its staged content.\n');
    assert.deepEqual(reportLines(staged.stdout), ['src/translate-notes.ts', FINDING, '✖ 1 problem (1 error, 0 warnings)']);
    // The code frame shows the staged text, not the working tree's.
    assert.match(staged.stdout, /> 6 \| {3}const completion = await client\.chat\.completions\.create\(\{\n/);
    assert.deepEqual(workingTree, { status: 0, stdout: '', stderr: '' });
  });

  it('a partially staged file is judged on what is staged: capped in the index, capless in the working tree', async () => {
    const root = repo();
    writeFiles(root, { 'src/translate-notes.ts': CAPPED });
    git(root, 'add', 'src/translate-notes.ts');
    writeFiles(root, { 'src/translate-notes.ts': CAPLESS });
    const run = await runMain(['--staged'], { cwd: root });
    assert.deepEqual(run, { status: 0, stdout: '', stderr: 'promptlint: src/translate-notes.ts is partially staged; positions refer to its staged content.\n' });
  });

  it('staged files follow the config: rules and ignores apply, from a subfolder too', async () => {
    const root = repo();
    writeFiles(root, {
      'promptlint.config.json': JSON.stringify({ ignores: ['src/legacy/'], rules: { 'require-max-tokens': 'warn' } }),
      'src/legacy/old-digest.ts': `${CAPLESS}// touched\n`,
      'src/translate-notes.ts': CAPLESS,
    });
    git(root, 'add', '-A');
    const run = await runMain(['--staged', '-f', 'json'], { cwd: join(root, 'src') });
    assert.equal(run.status, 0);
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number; line: number }> }>;
    assert.deepEqual(
      results.map((r) => [r.filePath, r.messages.map((m) => [m.ruleId, m.severity, m.line])]),
      [[join(root, 'src/translate-notes.ts'), [['require-max-tokens', 1, 6]]]],
    );
  });

  it('outside a git repository: exit 2 with one line', async () => {
    const dir = tempDir();
    const run = await runMain(['--staged'], { cwd: dir });
    assert.deepEqual(run, { status: 2, stdout: '', stderr: `promptlint: not a git repository: ${dir}\n` });
  });
});

describe('installed as .git/hooks/pre-commit', () => {
  function install(root: string): void {
    const hook = join(root, '.git/hooks/pre-commit');
    writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${binPath}" --staged\n`);
    chmodSync(hook, 0o755);
  }

  /** `git commit` as a user runs it: hooks enabled. */
  function commit(root: string, ...args: string[]) {
    const result = spawnSync('git', ['commit', '-q', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { status: result.status, output: result.stdout + result.stderr };
  }

  const commits = (root: string) => Number(git(root, 'rev-list', '--count', 'HEAD').trim());

  it('blocks a commit with a capless call, lets the fixed one through', () => {
    const root = repo();
    install(root);
    writeFiles(root, { 'src/translate-notes.ts': CAPLESS });
    git(root, 'add', 'src/translate-notes.ts');
    const blocked = commit(root, '-m', 'add notes translation');
    assert.equal(blocked.status, 1);
    assert.ok(blocked.output.includes(`src/translate-notes.ts\n${FINDING}\n`), blocked.output);
    assert.equal(commits(root), 1);

    writeFiles(root, { 'src/translate-notes.ts': CAPPED });
    git(root, 'add', 'src/translate-notes.ts');
    const allowed = commit(root, '-m', 'add notes translation');
    assert.deepEqual(allowed, { status: 0, output: '' });
    assert.equal(commits(root), 2);
    assert.equal(git(root, 'show', 'HEAD:src/translate-notes.ts'), CAPPED);
  });

  it('judges what the commit records: unstaged problems pass, `git commit -a` includes them', () => {
    const root = repo();
    install(root);
    const format = readFileSync(join(root, 'src/format.ts'), 'utf8');
    writeFiles(root, { 'src/format.ts': `${format}// trailing note\n`, 'src/release-notes.ts': CAPLESS });
    git(root, 'add', 'src/format.ts');

    const all = commit(root, '-a', '-m', 'everything');
    assert.equal(all.status, 1);
    assert.ok(all.output.includes(`src/release-notes.ts\n${FINDING}\n`), all.output);
    assert.equal(commits(root), 1);

    const stagedOnly = commit(root, '-m', 'format only');
    assert.deepEqual(stagedOnly, { status: 0, output: '' });
    assert.equal(commits(root), 2);
    assert.equal(git(root, 'status', '--porcelain'), ' M src/release-notes.ts\n');
  });
});
