import assert from 'node:assert/strict';
import { isAbsolute, join } from 'node:path';
import { describe, it } from 'node:test';
import { assertExpected, CONCURRENCY, copyFixture, normalizeJson, runCli, runMain } from './cli.js';

// Output of the built CLI on the fixture projects, compared with test/fixtures/cli/expected/.
// runCli starts the binary; runMain (same code, in-process) covers variations where the process adds nothing.

const findings = copyFixture('findings');
const clean = copyFixture('clean');
const configured = copyFixture('configured');
const directives = copyFixture('directives');

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
  suggestions?: Array<{ desc: string; messageId: string; fix: { range: [number, number]; text: string } }>;
}

interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  suppressedMessages: Array<JsonMessage & { suppressions: Array<{ kind: string; justification: string }> }>;
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

const RESULT_KEYS = ['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules'];
const MESSAGE_KEYS = ['ruleId', 'severity', 'message', 'messageId', 'line', 'column', 'endLine', 'endColumn'];

describe('lint output on fixture projects', { concurrency: CONCURRENCY }, () => {
  it('findings: stylish, one finding of every rule and a parse error, exit 1', async () => {
    const run = await runCli([], { cwd: findings });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    assertExpected('findings.stylish.txt', run.stdout);
  });

  it('findings: JSON in ESLint formatter shape, exit 1', async () => {
    const run = await runCli(['--format', 'json'], { cwd: findings });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    assertExpected('findings.json', normalizeJson(run.stdout, findings));

    const results = JSON.parse(run.stdout) as JsonResult[];
    // Every discovered file is listed, sorted, with an absolute path, clean ones included.
    assert.deepEqual(
      results.map((r) => r.filePath),
      ['answer-question.ts', 'broken.ts', 'clients.ts', 'meal-plan.ts', 'rewrite-tone.ts', 'summarize-recipe.ts', 'util.ts'].map((f) => join(findings, 'src', f)),
    );
    for (const result of results) {
      assert.ok(isAbsolute(result.filePath));
      assert.deepEqual(Object.keys(result), RESULT_KEYS);
      assert.equal(result.errorCount, result.messages.filter((m) => m.severity === 2).length);
      assert.equal(result.warningCount, result.messages.filter((m) => m.severity === 1).length);
      for (const message of result.messages.filter((m) => m.ruleId !== null)) {
        assert.deepEqual(Object.keys(message).slice(0, MESSAGE_KEYS.length), MESSAGE_KEYS);
      }
    }
    const byRule = new Map(results.flatMap((r) => r.messages).map((m) => [m.ruleId, m]));
    assert.deepEqual([...byRule.keys()].sort(), [
      'no-dynamic-prompt-prefix', 'no-verbose-system-prompt', 'require-max-tokens', 'require-stop-sequences', null,
    ].sort());
    assert.equal(byRule.get(null)?.fatal, true);
    const cap = byRule.get('require-max-tokens')!;
    assert.deepEqual(cap.suggestions?.map((s) => [s.desc, s.messageId, s.fix.text]), [
      ['Add max_completion_tokens: 1024.', 'addCap', ',\n    max_completion_tokens: 1024'],
    ]);
  });

  it('clean: no output, exit 0; JSON lists each file with no messages', async () => {
    const [stylish, json] = await Promise.all([runCli([], { cwd: clean }), runMain(['-f', 'json', '.'], { cwd: clean })]);
    assert.deepEqual(stylish, { status: 0, stdout: '', stderr: '' });
    assert.equal(json.status, 0);
    assert.equal(json.stderr, '');
    assertExpected('clean.json', normalizeJson(json.stdout, clean));
  });

  it('configured: per-directory config files (promptlint.config.json, .promptlintrc.json, package.json#promptlint), ignores', async () => {
    const run = await runCli([], { cwd: configured });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    assertExpected('configured.stylish.txt', run.stdout);
  });

  it('--print-config shows the configuration each file gets, exit 0', async () => {
    const runs = await Promise.all(
      ['src/itinerary.ts', 'workers/src/translate.ts', 'scripts/seed-destinations.ts'].map((file) => runMain(['--print-config', file], { cwd: configured })),
    );
    for (const run of runs) {
      assert.equal(run.status, 0);
      assert.equal(run.stderr, '');
    }
    assertExpected('configured.print-config.txt', runs.map((run) => run.stdout).join('\n'));
    const [root, workers, scripts] = runs.map((run) => JSON.parse(run.stdout) as { rules: Record<string, [string, object]>; ignores: string[] });
    assert.deepEqual(root!.rules['require-max-tokens'], ['warn', { suggestedCap: 256 }]);
    assert.deepEqual(root!.ignores, ['src/generated/']);
    assert.equal(workers!.rules['require-max-tokens'], undefined);
    assert.deepEqual(scripts!.rules['require-max-tokens'], ['error', { suggestedCap: 1024 }]);
  });

  it('--print-config with --rule and --no-config-lookup', async () => {
    const run = await runMain(['--no-config-lookup', '--rule', 'require-max-tokens: ["warn", {"suggestedCap": 64}]', '--rule', 'no-verbose-system-prompt: off', '--print-config', 'src/itinerary.ts'], { cwd: configured });
    assert.equal(run.status, 0);
    assert.deepEqual(JSON.parse(run.stdout), {
      rules: {
        'no-dynamic-prompt-prefix': ['warn', { minStaticTokens: 256, rates: ['request', 'user'] }],
        'require-max-tokens': ['warn', { suggestedCap: 64 }],
        'require-stop-sequences': ['warn', { onlyWithEvidence: true }],
      },
      ignores: [],
      settings: {},
    });
  });

  it('directives: disable-next-line with a reason and a disable/enable block suppress; the rest is reported', async () => {
    const [stylish, json] = await Promise.all([runCli([], { cwd: directives }), runCli(['--format', 'json'], { cwd: directives })]);
    assert.equal(stylish.status, 0);
    assertExpected('directives.stylish.txt', stylish.stdout);
    assert.equal(json.status, 0);
    assertExpected('directives.json', normalizeJson(json.stdout, directives));
    const results = JSON.parse(json.stdout) as JsonResult[];
    const suppressed = results.flatMap((r) => r.suppressedMessages.map((m) => [r.filePath.slice(directives.length + 1), m.ruleId, m.line, m.suppressions]));
    assert.deepEqual(suppressed, [
      ['src/answers.ts', 'require-stop-sequences', 9, [{ kind: 'directive', justification: '' }]],
      ['src/digest.ts', 'require-max-tokens', 7, [{ kind: 'directive', justification: 'runs through the Batch API, which caps the job' }]],
    ]);
  });

  it('directives: --report-unused-disable-directives reports the directive that suppresses nothing, as an error', async () => {
    const run = await runCli(['--report-unused-disable-directives'], { cwd: directives });
    assert.equal(run.status, 1);
    assertExpected('directives.unused.stylish.txt', run.stdout);
  });

  it('directives: --no-inline-config ignores every directive', async () => {
    const run = await runMain(['--no-inline-config', '-f', 'json'], { cwd: directives });
    assert.equal(run.status, 1);
    const results = JSON.parse(run.stdout) as JsonResult[];
    assert.deepEqual(
      results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(directives.length + 1)}:${m.line}:${m.column} ${m.ruleId}`)),
      ['src/answers.ts:9:10 require-stop-sequences', 'src/answers.ts:19:10 require-stop-sequences', 'src/digest.ts:7:24 require-max-tokens'],
    );
    assert.deepEqual(results.flatMap((r) => r.suppressedMessages), []);
  });

  it('markdown and github formats on the findings project', async () => {
    const [markdown, github] = await Promise.all([runCli(['-f', 'markdown'], { cwd: findings }), runCli(['-f', 'github'], { cwd: findings })]);
    assert.equal(markdown.status, 1);
    assertExpected('findings.md', markdown.stdout);
    assert.equal(github.status, 1);
    assertExpected('findings.github.txt', github.stdout);
  });
});
