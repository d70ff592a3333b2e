import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { LintMessage, LintResult } from '../../src/model.js';
import { format } from '../../src/report/index.js';
import { context, results } from './fixture.js';

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; name: string }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level?: string;
      message: { text?: string; id?: string };
      partialFingerprints: Record<string, string>;
      properties?: Record<string, unknown>;
    }>;
  }>;
}

const KEY = 'promptlintHash/v1';

function sarif(input: LintResult[]): SarifLog {
  return JSON.parse(format('sarif', input, context)) as SarifLog;
}

function fingerprints(input: LintResult[]): string[] {
  return sarif(input).runs[0]!.results.map((r) => r.partialFingerprints[KEY]!);
}

function oneFile(source: string, messages: LintMessage[]): LintResult {
  return {
    filePath: '/repo/src/app.ts',
    source,
    messages,
    suppressedMessages: [],
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: messages.length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}

function warning(line: number): LintMessage {
  return { ruleId: 'require-output-cap', severity: 1, message: 'No cap.', line, column: 3, endLine: line, endColumn: 9 };
}

const body = ['const a = 1;', '  openai.chat.completions.create({ model });', 'const b = 2;', '  openai.chat.completions.create({ model });'];

test('rules, rule indexes and extra fields', () => {
  const run = sarif(results).runs[0]!;
  assert.deepEqual(
    run.tool.driver.rules.map((r) => [r.id, r.name]),
    [
      ['compress-prompt', 'CompressPrompt'],
      ['no-dynamic-prompt-prefix', 'NoDynamicPromptPrefix'],
      ['require-output-cap', 'RequireOutputCap'],
      ['require-stop', 'RequireStop'],
      ['unused-rule', 'UnusedRule'],
    ],
  );
  for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex]!.id, r.ruleId);
  // The fatal parse error is a tool notification, not a result.
  assert.equal(run.results.length, 5);
  assert.deepEqual(run.results[2]!.properties, { tokensBefore: 17, tokensAfter: 11, costDelta: 0.015, model: 'gpt-4o' });
  assert.equal(run.results[0]!.properties, undefined);
});

test('fingerprints survive unrelated lines moving', () => {
  const before = fingerprints([oneFile(body.join('\n'), [warning(2), warning(4)])]);
  const shifted = ['// a new header line', '', ...body].join('\n');
  const after = fingerprints([oneFile(shifted, [warning(4), warning(6)])]);
  assert.deepEqual(after, before);
  // Two identical flagged lines share a hash and differ by occurrence index.
  const [first, second] = before as [string, string];
  assert.match(first, /^[0-9a-f]{32}:0$/);
  assert.equal(second, `${first.slice(0, 32)}:1`);
});

test('fingerprints change when the flagged line changes', () => {
  const edited = [...body];
  edited[1] = '  openai.chat.completions.create({ model, stream: true });';
  const before = fingerprints([oneFile(body.join('\n'), [warning(2)])]);
  const after = fingerprints([oneFile(edited.join('\n'), [warning(2)])]);
  assert.notEqual(after[0], before[0]);
  // Indentation alone does not count as a change.
  const reindented = body.map((l) => `    ${l}`);
  assert.deepEqual(fingerprints([oneFile(reindented.join('\n'), [warning(2)])]), before);
});

function multitoolPath(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

interface ValidationLog {
  runs: Array<{ results: Array<{ ruleId: string; level?: string; message: { text?: string } }> }>;
}

function validate(bin: string, dir: string, name: string, log: unknown): ValidationLog['runs'][0]['results'] {
  const input = join(dir, `${name}.sarif`);
  const output = join(dir, `${name}.out.sarif`);
  writeFileSync(input, JSON.stringify(log));
  execFileSync(bin, ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh'], {
    stdio: 'pipe',
    timeout: 120_000,
    // The self-contained .NET binary otherwise needs libicu, which slim CI images lack.
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
  });
  return (JSON.parse(readFileSync(output, 'utf8')) as ValidationLog).runs[0]!.results;
}

test('SARIF passes Microsoft SARIF multitool validation, GitHub rules included', (t) => {
  const bin = multitoolPath();
  if (!bin) {
    t.skip('@microsoft/sarif-multitool has no binary for this platform');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'promptlint-sarif-'));
  try {
    const text = format('sarif', results, context);
    // The multitool silently skips a log it cannot deserialize (a bad enum value, say). Dropping
    // informationUri provokes exactly one known warning, which proves the log was read and checked.
    const canary = JSON.parse(text) as { runs: Array<{ tool: { driver: { informationUri?: string } } }> };
    delete canary.runs[0]!.tool.driver.informationUri;
    const found = validate(bin, dir, 'promptlint', canary);
    assert.deepEqual(
      found.map((r) => [r.ruleId, r.level ?? 'warning']),
      [['SARIF2005', 'warning']],
    );

    // The validator does report errors: a region starting on line 0 must be flagged.
    type Region = { startLine: number };
    const broken = JSON.parse(text) as {
      runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { region: Region } }> }> }>;
    };
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    const errors = validate(bin, dir, 'broken', broken).filter((r) => r.level === 'error');
    // JSON1008: below the schema's minimum; SARIF1007: so the region has no usable start.
    assert.deepEqual(
      errors.map((r) => r.ruleId),
      ['JSON1008', 'SARIF1007'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
