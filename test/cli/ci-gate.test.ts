import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertExpected, CONCURRENCY, commitAll, copyFixture, git, initRepo, runCli, runMain, tempDir, writeFiles } from './cli.js';

// The CI gate: a real repository with a base commit on main and a head commit on a branch;
// --changed-since main reports only findings on changed lines, in every format the action uses.

const ASSISTANT = [
  "import Anthropic from '@anthropic-ai/sdk';",
  '',
  'const anthropic = new Anthropic();',
  '',
  'export async function suggestLabel(issue: string) {',
  '  return anthropic.messages.create({',
  "    model: 'claude-haiku-4-5',",
  '    max_tokens: 20,',
  "    stop_sequences: ['</label>'],",
  "    system: 'Pick one label for the issue: bug, feature or question. Reply inside <label> tags.',",
  "    messages: [{ role: 'user', content: issue }],",
  '  });',
  '}',
  '',
].join('\n');

// Added on the branch: a call with the answer tags but no stop sequence (a warning).
const ASSISTANT_HEAD = `${ASSISTANT}
export async function draftReply(issue: string) {
  return anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 400,
    system: 'Draft a reply to the issue for a maintainer to review. Put the reply inside <reply> tags.',
    messages: [{ role: 'user', content: issue }],
  });
}
`;

const CAPLESS = [
  "import OpenAI from 'openai';",
  '',
  'const client = new OpenAI();',
  '',
  'export async function translateNotes(notes: string) {',
  '  const completion = await client.chat.completions.create({',
  "    model: 'gpt-4o-mini',",
  "    messages: [{ role: 'user', content: `Translate into French:\\n${notes}` }],",
  '  });',
  "  return completion.choices[0]?.message.content ?? '';",
  '}',
  '',
].join('\n');

/**
 * main: the clean fixture, an assistant module and a legacy capless call (an error nobody touches).
 * feature: a new capless file, a new call in the assistant, and an edit near the legacy call.
 * tidy: only a comment added to the legacy file.
 */
function repo(): string {
  const root = copyFixture('clean');
  initRepo(root);
  writeFiles(root, { 'src/assistant.ts': ASSISTANT, 'src/legacy/digest.ts': CAPLESS.replace('translateNotes', 'digest') });
  commitAll(root, 'base');
  git(root, 'checkout', '-q', '-b', 'feature');
  writeFiles(root, {
    'src/assistant.ts': ASSISTANT_HEAD,
    'src/translate-notes.ts': CAPLESS,
    'src/legacy/digest.ts': `// Kept for the nightly job.\n${CAPLESS.replace('translateNotes', 'digest')}`,
  });
  commitAll(root, 'head');
  git(root, 'checkout', '-q', '-b', 'tidy', 'main');
  writeFiles(root, { 'src/legacy/digest.ts': `${CAPLESS.replace('translateNotes', 'digest')}// Scheduled removal: next quarter.\n` });
  commitAll(root, 'tidy');
  git(root, 'checkout', '-q', 'feature');
  return root;
}

const root = repo();

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; severity: number; line: number; column: number; endLine?: number; endColumn?: number; message: string }>;
}

const ANNOTATION = /^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^:]+)::(.+)$/;

function unescapeData(text: string): string {
  return text.replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%25', '%');
}

function multitool(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `Sarif.Multitool validate` (SARIF schema + GitHub rules) and returns what it reports. */
function validateSarif(bin: string, file: string): Array<[string, string]> {
  const output = `${file}.validation.sarif`;
  execFileSync(bin, ['validate', file, '--output', output, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh'], {
    stdio: 'pipe',
    timeout: 120_000,
    // The self-contained .NET binary otherwise needs libicu, which slim CI images lack.
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
  });
  const log = JSON.parse(readFileSync(output, 'utf8')) as { runs: Array<{ results?: Array<{ ruleId: string; level?: string }> }> };
  return (log.runs[0]?.results ?? []).map((r) => [r.ruleId, r.level ?? 'warning']);
}

describe('--changed-since on a base and a head commit', { concurrency: CONCURRENCY }, () => {
  it('stylish: only findings on changed lines; the rest is counted; exit 1 for the new error', async () => {
    const run = await runCli(['--changed-since', 'main'], { cwd: root });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    assertExpected('ci.stylish.txt', run.stdout);
    assert.match(run.stdout, /\n1 finding outside the changed lines was not failed on \(1 error, 0 warnings\)\.\n$/);
  });

  it('a branch that only touches other lines passes, though the file has an error', async () => {
    // Worktrees live outside the main checkout, so runs there never see them.
    const tidy = join(tempDir(), 'tidy');
    git(root, 'worktree', 'add', '-q', tidy, 'tidy');
    const [gated, full] = await Promise.all([runCli(['--changed-since', 'main'], { cwd: tidy }), runMain(['src/legacy'], { cwd: tidy })]);
    assert.deepEqual(gated, { status: 0, stdout: '\n1 finding outside the changed lines was not failed on (1 error, 0 warnings).\n', stderr: '' });
    assert.equal(full.status, 1);
  });

  it('github annotations parse, and match the JSON findings', async () => {
    const [github, json] = await Promise.all([
      runCli(['--format', 'github', '--changed-since', 'main'], { cwd: root }),
      runMain(['--format', 'json', '--changed-since', 'main'], { cwd: root }),
    ]);
    assert.equal(github.status, 1);
    const lines = github.stdout.split('\n');
    assert.equal(lines.pop(), '');
    const annotations = lines.map((line) => {
      const match = ANNOTATION.exec(line);
      assert.ok(match, `not an annotation: ${line}`);
      const [, command, file, startLine, col, endLine, endColumn, title, message] = match;
      return { command, file, line: Number(startLine), col: Number(col), endLine: Number(endLine), endColumn: Number(endColumn), title, message: unescapeData(message!) };
    });
    const expected = (JSON.parse(json.stdout) as JsonResult[]).flatMap((r) =>
      r.messages.map((m) => ({
        command: m.severity === 2 ? 'error' : 'warning',
        file: r.filePath.slice(root.length + 1),
        line: m.line,
        col: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        title: m.ruleId,
        message: m.message,
      })),
    );
    assert.deepEqual(annotations, expected);
    assert.deepEqual(
      annotations.map((a) => [a.command, a.file, a.line, a.col, a.endLine, a.endColumn, a.title]),
      [
        ['warning', 'src/assistant.ts', 16, 10, 16, 35, 'require-stop-sequences'],
        ['error', 'src/translate-notes.ts', 6, 28, 6, 58, 'require-max-tokens'],
      ],
    );
  });

  it('markdown summary counts the findings outside the changes', async () => {
    const run = await runCli(['--format', 'markdown', '--changed-since', 'main'], { cwd: root });
    assert.equal(run.status, 1);
    assertExpected('ci.md', run.stdout);
    assert.ok(run.stdout.includes('\n1 finding outside the changed lines was not failed on (1 error, 0 warnings).\n'));
  });

  it('SARIF validates (schema and GitHub rules) and holds the changed-line findings', async (t) => {
    const dir = tempDir();
    const file = join(dir, 'promptlint.sarif');
    const run = await runCli(['--format', 'sarif', '--changed-since', 'main', '--output-file', file], { cwd: root });
    assert.deepEqual(run, { status: 1, stdout: '', stderr: '' });
    const log = JSON.parse(readFileSync(file, 'utf8')) as {
      runs: Array<{ results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }>;
    };
    assert.deepEqual(
      log.runs[0]!.results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine]),
      [
        ['require-stop-sequences', 'warning', 'src/assistant.ts', 16],
        ['require-max-tokens', 'error', 'src/translate-notes.ts', 6],
      ],
    );
    const bin = multitool();
    if (!bin) {
      t.skip('@microsoft/sarif-multitool has no binary for this platform');
      return;
    }
    assert.deepEqual(validateSarif(bin, file), []);
    // The validator skips a log it cannot read; one known warning proves this one was checked.
    const canary = JSON.parse(readFileSync(file, 'utf8')) as { runs: Array<{ tool: { driver: { informationUri?: string } } }> };
    delete canary.runs[0]!.tool.driver.informationUri;
    writeFileSync(join(dir, 'canary.sarif'), JSON.stringify(canary));
    assert.deepEqual(validateSarif(bin, join(dir, 'canary.sarif')), [['SARIF2005', 'warning']]);
  });

  it('detached HEAD gives the same result; uncommitted edits count as changed', async () => {
    const detached = join(tempDir(), 'detached');
    git(root, 'worktree', 'add', '-q', '--detach', detached, 'feature');
    assert.equal(git(detached, 'rev-parse', '--abbrev-ref', 'HEAD'), 'HEAD\n');
    const before = await runCli(['-f', 'json', '--changed-since', 'main'], { cwd: detached });
    assert.equal(before.status, 1);
    const summary = (stdout: string) =>
      (JSON.parse(stdout) as JsonResult[]).flatMap((r) => r.messages.map((m) => `${r.filePath.slice(detached.length + 1)}:${m.line} ${m.ruleId}`));
    assert.deepEqual(summary(before.stdout), ['src/assistant.ts:16 require-stop-sequences', 'src/translate-notes.ts:6 require-max-tokens']);

    const notes = readFileSync(join(detached, 'src/release-notes.ts'), 'utf8');
    writeFiles(detached, {
      'src/release-notes.ts': `${notes}\nexport function shortTitle(notes: string) {\n  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: notes }] });\n}\n`,
    });
    const after = await runMain(['-f', 'json', '--changed-since', 'main'], { cwd: detached });
    assert.deepEqual(summary(after.stdout), [
      'src/assistant.ts:16 require-stop-sequences',
      'src/release-notes.ts:18 require-max-tokens',
      'src/translate-notes.ts:6 require-max-tokens',
    ]);
  });

  it('deleting the cap of an existing call is reported', async () => {
    const worktree = join(tempDir(), 'uncap');
    git(root, 'worktree', 'add', '-q', '-b', 'uncap', worktree, 'main');
    const notes = readFileSync(join(worktree, 'src/release-notes.ts'), 'utf8');
    writeFiles(worktree, { 'src/release-notes.ts': notes.replace('    max_completion_tokens: 400,\n', '') });
    commitAll(worktree, 'drop the cap');
    const run = await runMain(['--changed-since', 'main'], { cwd: worktree });
    assert.equal(run.status, 1);
  });

  it('--fix with --changed-since leaves files without changed-line findings alone', async () => {
    const worktree = join(tempDir(), 'fixing');
    git(root, 'worktree', 'add', '-q', '--detach', worktree, 'tidy');
    const legacy = readFileSync(join(worktree, 'src/legacy/digest.ts'), 'utf8');
    const run = await runMain(['--fix-suggestions', '--changed-since', 'main'], { cwd: worktree });
    assert.equal(run.status, 0);
    assert.equal(readFileSync(join(worktree, 'src/legacy/digest.ts'), 'utf8'), legacy);
  });

  it('an unknown ref: exit 2 with one line', async () => {
    const run = await runMain(['--changed-since', 'origin/nope'], { cwd: root });
    assert.deepEqual(run, { status: 2, stdout: '', stderr: 'promptlint: unknown git ref: origin/nope\n' });
  });

  it('not a git repository: exit 2 with one line', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'src/notes.ts': CAPLESS });
    const run = await runMain(['--changed-since', 'main'], { cwd: dir });
    assert.deepEqual(run, { status: 2, stdout: '', stderr: `promptlint: not a git repository: ${dir}\n` });
  });
});
