import assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { HELP, VERSION } from '../../src/cli/main.js';
import { LINT_OPTIONS } from '../../src/cli/lint-command.js';
import { CONCURRENCY, copyFixture, runCli, runMain, tempDir, writeFiles } from './cli.js';

// Flags, exit codes and bad input of the built CLI.

const findings = copyFixture('findings');
const configured = copyFixture('configured');
const directives = copyFixture('directives');

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; severity: number; message: string; line: number; suggestions?: Array<{ desc: string }> }>;
  errorCount: number;
  warningCount: number;
}

/** `file:line rule severity` for every message, paths relative to `root`. */
function summary(stdout: string, root: string): string[] {
  return (JSON.parse(stdout) as JsonResult[]).flatMap((r) =>
    r.messages.map((m) => `${r.filePath.slice(root.length + 1)}:${m.line} ${m.ruleId ?? '-'} ${m.severity}`),
  );
}

const ONE_LINE = /^promptlint: [^\n]+\n$/;

describe('help and version', { concurrency: CONCURRENCY }, () => {
  it('--help prints the help text, naming every lint option, exit 0', async () => {
    const [long, short] = await Promise.all([runCli(['--help'], { cwd: directives }), runMain(['src', '-h'], { cwd: directives })]);
    assert.deepEqual(long, { status: 0, stdout: HELP, stderr: '' });
    assert.deepEqual(short, long);
    for (const name of Object.keys(LINT_OPTIONS)) assert.ok(HELP.includes(`--${name}`), `--${name} missing from --help`);
    for (const format of ['stylish', 'json', 'sarif', 'github', 'markdown']) assert.ok(HELP.includes(format));
  });

  it('--version and -v print the package version, exit 0', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    assert.equal(VERSION, pkg.version);
    const [long, short] = await Promise.all([runCli(['--version'], { cwd: directives }), runMain(['-v'], { cwd: directives })]);
    assert.deepEqual(long, { status: 0, stdout: `${pkg.version}\n`, stderr: '' });
    assert.deepEqual(short, long);
  });
});

describe('exit codes', { concurrency: CONCURRENCY }, () => {
  // The directives project has one warning and no error once its directives apply.
  it('warnings alone exit 0; --max-warnings fails only above the limit', async () => {
    const [none, zero, one] = await Promise.all([
      runMain([], { cwd: directives }),
      runCli(['--max-warnings', '0'], { cwd: directives }),
      runMain(['--max-warnings=1'], { cwd: directives }),
    ]);
    assert.equal(none.status, 0);
    assert.match(none.stdout, /✖ 1 problem \(0 errors, 1 warning\)/);
    assert.equal(zero.status, 1);
    assert.equal(zero.stdout, none.stdout);
    assert.equal(zero.stderr, 'promptlint found too many warnings (maximum: 0).\n');
    assert.deepEqual(one, { status: 0, stdout: none.stdout, stderr: '' });
  });

  it('--quiet reports errors only, and warnings no longer count', async () => {
    const [quietWarnings, quietFindings] = await Promise.all([
      runMain(['--quiet', '--max-warnings', '0'], { cwd: directives }),
      runMain(['--quiet', '-f', 'json'], { cwd: findings }),
    ]);
    assert.deepEqual(quietWarnings, { status: 0, stdout: '', stderr: '' });
    assert.equal(quietFindings.status, 1);
    assert.deepEqual(summary(quietFindings.stdout, findings), ['src/broken.ts:8 - 2', 'src/summarize-recipe.ts:4 require-max-tokens 2']);
    const totals = (JSON.parse(quietFindings.stdout) as JsonResult[]).map((r) => [r.errorCount, r.warningCount]);
    assert.deepEqual(totals, [[0, 0], [1, 0], [0, 0], [0, 0], [0, 0], [1, 0], [0, 0]]);
  });

  it('--rule raises a warning to an error: exit 1', async () => {
    const run = await runCli(['--rule', 'require-stop-sequences: error', '-f', 'json'], { cwd: directives });
    assert.equal(run.status, 1);
    assert.deepEqual(summary(run.stdout, directives), ['src/answers.ts:19 require-stop-sequences 2']);
  });

  it('--rule off silences a rule: exit 0', async () => {
    const run = await runMain(['--rule', 'require-stop-sequences: off'], { cwd: directives });
    assert.deepEqual(run, { status: 0, stdout: '', stderr: '' });
  });
});

describe('configuration flags', { concurrency: CONCURRENCY }, () => {
  it('--no-config-lookup: recommended preset plus --rule with options, config ignores gone', async () => {
    const run = await runMain(['--no-config-lookup', '--rule', 'require-max-tokens: ["error", {"suggestedCap": 512}]', '-f', 'json'], { cwd: configured });
    assert.equal(run.status, 1);
    assert.deepEqual(summary(run.stdout, configured), [
      'scripts/seed-destinations.ts:8 require-max-tokens 2',
      'src/generated/client.ts:6 require-max-tokens 2',
      'src/itinerary.ts:8 require-max-tokens 2',
      'src/itinerary.ts:16 require-stop-sequences 1',
      'workers/src/translate.ts:6 require-max-tokens 2',
    ]);
    const results = JSON.parse(run.stdout) as JsonResult[];
    const descs = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'require-max-tokens').map((m) => m.suggestions?.[0]?.desc));
    assert.deepEqual(descs, Array(4).fill('Add max_completion_tokens: 512.'));
  });

  it('--config uses one file for every file, with no lookup', async () => {
    const run = await runMain(['--config', 'scripts/.promptlintrc.json', '-f', 'json'], { cwd: configured });
    assert.equal(run.status, 1);
    assert.deepEqual(summary(run.stdout, configured), [
      'scripts/seed-destinations.ts:8 require-max-tokens 2',
      'src/generated/client.ts:6 require-max-tokens 2',
      'src/itinerary.ts:8 require-max-tokens 2',
      'src/itinerary.ts:16 require-stop-sequences 1',
      'workers/src/translate.ts:6 require-max-tokens 2',
    ]);
  });

  it('--config accepts a package.json with a "promptlint" key', async () => {
    const run = await runMain(['-c', 'workers/package.json', '-f', 'json', 'src'], { cwd: configured });
    assert.equal(run.status, 0);
    // promptlint:all reports a missing stop without evidence too; require-max-tokens is off.
    assert.deepEqual(summary(run.stdout, configured), [
      'src/generated/client.ts:6 require-stop-sequences 1',
      'src/itinerary.ts:8 require-stop-sequences 1',
      'src/itinerary.ts:16 require-stop-sequences 1',
    ]);
  });
});

describe('output, input and colour', { concurrency: CONCURRENCY }, () => {
  it('--output-file writes the report instead of stdout; the exit code is unchanged', async () => {
    const [json, stylish] = await Promise.all([
      runCli(['--rule', 'require-stop-sequences: error', '-f', 'json', '--output-file', 'report.json'], { cwd: directives }),
      runMain(['--color', '-o', 'report.txt'], { cwd: directives }),
    ]);
    assert.deepEqual(json, { status: 1, stdout: '', stderr: '' });
    assert.deepEqual(summary(readFileSync(join(directives, 'report.json'), 'utf8'), directives), ['src/answers.ts:19 require-stop-sequences 2']);
    assert.deepEqual(stylish, { status: 0, stdout: '', stderr: '' });
    const written = readFileSync(join(directives, 'report.txt'), 'utf8');
    assert.match(written, /^\nsrc\/answers\.ts\n {2}19:10 {2}warning {2}messages\.create call/);
    assert.doesNotMatch(written, /\x1b\[/, 'a report file never gets colours');
  });

  it('--color forces ANSI colours past NO_COLOR; --no-color removes them', async () => {
    const [forced, plain] = await Promise.all([runMain(['--color'], { cwd: directives }), runMain(['--no-color'], { cwd: directives, env: { FORCE_COLOR: '1' } })]);
    assert.match(forced.stdout, /\x1b\[4msrc\/answers\.ts\x1b\[24m/);
    assert.match(forced.stdout, /\x1b\[33mwarning\x1b\[39m/);
    assert.doesNotMatch(plain.stdout, /\x1b\[/);
    assert.equal(plain.stdout.replace(/\s+/g, ''), forced.stdout.replace(/\x1b\[\d+m/g, '').replace(/\s+/g, ''));
  });

  it('--stdin lints standard input, named and configured by --stdin-filename', async () => {
    const text = [
      "import OpenAI from 'openai';",
      'const openai = new OpenAI();',
      "export const reply = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });",
      '',
    ].join('\n');
    const [root, workers] = await Promise.all([
      runCli(['--stdin', '--stdin-filename', 'src/new-feature.ts', '-f', 'json'], { cwd: configured, input: text }),
      runMain(['--stdin', '--stdin-filename', 'workers/src/new-job.ts', '-f', 'json'], { cwd: configured, input: text }),
    ]);
    assert.equal(root.status, 0);
    // promptlint.config.json makes the missing cap a warning with a cap of 256.
    assert.deepEqual(summary(root.stdout, configured), ['src/new-feature.ts:3 require-max-tokens 1']);
    assert.equal((JSON.parse(root.stdout) as JsonResult[])[0]!.messages[0]!.suggestions?.[0]?.desc, 'Add max_completion_tokens: 256.');
    // workers/package.json: promptlint:all with the cap rule off.
    assert.equal(workers.status, 0);
    assert.deepEqual(summary(workers.stdout, configured), ['workers/src/new-job.ts:3 require-stop-sequences 1']);
  });

  it('files that cannot be read or parsed are reported and the run goes on', async () => {
    const root = tempDir();
    writeFiles(root, {
      'package.json': '{ "name": "odd-files", "private": true, "dependencies": { "openai": "^6.0.0" } }\n',
      'src/a-broken.ts': "import OpenAI from 'openai';\nconst openai = new OpenAI(;\nexport const ask = () => openai.chat.completions.create({ model: 'gpt-4o', messages: [] });\n",
      'src/b-binary.ts': "import OpenAI from 'openai';\u0000\u0001\n",
      'src/c-large.ts': `import OpenAI from 'openai';\n${'// padding line\n'.repeat(200)}`,
      'src/d-call.ts': "import OpenAI from 'openai';\nconst openai = new OpenAI();\nawait openai.chat.completions.create({ model: 'gpt-4o', messages: [] });\n",
    });
    symlinkSync('nowhere.ts', join(root, 'src/e-dangling.ts'));
    const run = await runCli(['--max-file-size', '2048'], { cwd: root });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    const lines = run.stdout.split('\n').filter((line) => /^\S|^ {2}\d/.test(line));
    assert.deepEqual(lines, [
      'src/a-broken.ts',
      "  2:27  error  Parsing error: ')' expected",
      // TypeScript recovers: the call after the error is still checked.
      '  3:26  error  chat.completions.create call sends no output-token cap (max_completion_tokens): the model may answer up to its maximum output, billed in full  require-max-tokens',
      'src/b-binary.ts',
      '  1:1  warning  skipped: binary file',
      'src/c-large.ts',
      '  1:1  warning  skipped: file is 3 KB, over the 2 KB limit (maxFileSize)',
      'src/d-call.ts',
      '  3:7  error  chat.completions.create call sends no output-token cap (max_completion_tokens): the model may answer up to its maximum output, billed in full  require-max-tokens',
      'src/e-dangling.ts',
      '  1:1  warning  skipped: broken symbolic link',
      '✖ 6 problems (3 errors, 3 warnings)',
    ]);
  });
});

describe('bad input: one line on stderr, exit 2', { concurrency: CONCURRENCY }, () => {
  // Messages that come from node:util's parseArgs are matched loosely: their wording is Node's.
  const cases: Array<[string, string[], string | RegExp]> = [
    ['unknown format', ['--format', 'xml'], 'promptlint: Unknown format "xml": use one of stylish, json, sarif, github, markdown.\n'],
    ['unknown option', ['--fixx'], /^promptlint: Unknown option '--fixx'/],
    ['missing option value', ['--format'], /^promptlint: Option '-f, --format <value>' argument missing/],
    ['path that does not exist', ['src', 'no/such/dir'], 'promptlint: No such file or directory: no/such/dir\n'],
    ['unknown rule in --rule', ['--rule', 'require-max-token: error'], 'promptlint: --rule: require-max-token: unknown rule (known: no-dynamic-prompt-prefix, no-verbose-system-prompt, require-max-tokens, require-stop-sequences)\n'],
    ['--rule without a severity', ['--rule', 'require-max-tokens'], `promptlint: --rule: expected 'rule-id: severity' or 'rule-id: [severity, {options}]', got "require-max-tokens"\n`],
    ['--rule with broken JSON', ['--rule', 'require-max-tokens: ["warn"'], 'promptlint: --rule: require-max-tokens: expected a severity word or JSON after the colon, got "[\\"warn\\""\n'],
    ['--rule with an unknown severity', ['--rule', 'require-max-tokens: warning'], 'promptlint: --rule: require-max-tokens: expected a severity word or JSON after the colon, got "warning"\n'],
    ['--rule with a bad option', ['--rule', 'require-max-tokens: ["warn", {"suggestedCap": 0}]'], 'promptlint: --rule: require-max-tokens[1].suggestedCap: expected integer >= 1, got 0\n'],
    ['--max-warnings not a number', ['--max-warnings', 'many'], 'promptlint: --max-warnings expects a whole number >= 0, got "many".\n'],
    ['--max-warnings negative', ['--max-warnings=-1'], 'promptlint: --max-warnings expects a whole number >= 0, got "-1".\n'],
    ['--max-file-size zero', ['--max-file-size', '0'], 'promptlint: --max-file-size expects a positive number of bytes, got "0".\n'],
    ['--staged with --fix', ['--staged', '--fix'], 'promptlint: --staged cannot be combined with --fix: fixes would be written to the working tree, not the index.\n'],
    ['--staged with --stdin', ['--staged', '--stdin'], 'promptlint: --staged and --stdin cannot be combined.\n'],
    ['--config that does not exist', ['--config', 'missing.json'], 'promptlint: --config: cannot read missing.json: file not found\n'],
    ['--config that is a folder', ['--config', 'src'], 'promptlint: --config: cannot read src: is a directory\n'],
    ['inventory: path that does not exist', ['inventory', 'nowhere'], 'promptlint: No such file or directory: nowhere\n'],
    ['inventory: unknown format', ['inventory', '--format', 'csv'], 'promptlint: Unknown inventory format "csv": use table or json.\n'],
  ];
  for (const [name, args, stderr] of cases) {
    it(name, async () => {
      const run = await runMain(args, { cwd: directives });
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      if (typeof stderr === 'string') assert.equal(run.stderr, stderr);
      else assert.match(run.stderr, stderr);
      assert.match(run.stderr, ONE_LINE);
    });
  }

  it('the built binary exits 2 with the same line', async () => {
    const picked = cases.filter(([name]) => ['unknown rule in --rule', 'inventory: path that does not exist'].includes(name));
    const runs = await Promise.all(picked.map(([, args]) => runCli(args, { cwd: directives })));
    assert.deepEqual(
      runs.map((run) => [run.status, run.stdout, run.stderr]),
      picked.map(([, , stderr]) => [2, '', stderr]),
    );
  });

  it('--max-warnings with a separate negative value', async () => {
    const run = await runMain(['--max-warnings', '-1'], { cwd: directives });
    assert.equal(run.status, 2);
    assert.match(run.stderr, ONE_LINE);
  });

  it('--stdin with --fix', async () => {
    const run = await runMain(['--stdin', '--stdin-filename', 'src/x.ts', '--fix'], { cwd: directives, input: 'export const x = 1;\n' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, ONE_LINE);
  });

  it('--output-file in a folder that does not exist', async () => {
    const run = await runMain(['--output-file', 'no-such-folder/report.txt'], { cwd: directives });
    assert.equal(run.status, 2);
    assert.match(run.stderr, ONE_LINE);
    assert.doesNotMatch(run.stderr, /internal error/);
  });
});
