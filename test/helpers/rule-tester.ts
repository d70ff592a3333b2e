import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeSource, lintAnalysis, type Analysis } from '../../src/engine/linter.js';
import { ProjectModules } from '../../src/engine/modules.js';
import { sdkMajorsFor } from '../../src/engine/packages.js';
import { applyDefaults, validate } from '../../src/engine/schema.js';
import { applyEdits } from '../../src/fix/apply.js';
import type { Finding, LintMessage } from '../../src/model.js';
import type { Rule, Settings } from '../../src/rule.js';
import { parseSource, syntaxErrors } from '../../src/scan/parse.js';

// Runs rule tables through the real pipeline (parse → call-site detection → rule → LintMessage),
// like ESLint's RuleTester, with unicorn's hygiene checks built in.

export interface Case {
  name: string;
  code: string;
  /** Relative to the case's folder; default `file.ts`. */
  filename?: string;
  options?: Record<string, unknown>;
  settings?: Settings;
  /** Extra files (relative path → text) written next to the linted file, e.g. a package.json or an imported module. */
  files?: Record<string, string>;
  /** Overrides what the nearest package.json declares. */
  sdkMajors?: Record<string, number>;
}

export interface ExpectedSuggestion {
  messageId: string;
  /** The code after applying this suggestion alone. */
  output: string;
}

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Compared key by key: only the keys given here. */
  data?: Record<string, string | number>;
  /** Required whenever the finding carries suggestions; `[]` asserts there are none. */
  suggestions?: ExpectedSuggestion[];
}

export interface InvalidCase extends Case {
  errors: ExpectedError[];
  /** Code after applying every safe fix; required when a finding has one, `null` asserts none. */
  output?: string | null;
}

export interface Tests {
  valid: Case[];
  invalid: InvalidCase[];
}

/** `ruleId/messageId` for every message or suggestion id a table asserted, across all runs in this process. */
export const exercisedMessageIds = new Set<string>();

/** A file that uses no LLM SDK but has calls shaped like theirs: every rule must stay silent on it. */
export const NO_LLM_CALLS = [
  "import { createClient } from 'redis';",
  "import Stripe from 'stripe';",
  '',
  'const stripe = new Stripe(process.env.STRIPE_KEY!);',
  'export async function charge(customerId: string, amount: number) {',
  '  await stripe.paymentIntents.create({ customer: customerId, amount, currency: "usd" });',
  "  const res = await fetch('/api/chat', { method: 'POST', body: JSON.stringify({ messages: [] }) });",
  '  await createClient().set(`last:${customerId}`, String(Date.now()));',
  '  return res.json();',
  '}',
].join('\n');

interface Linted {
  messages: LintMessage[];
  findings: Finding[];
}

function lint(rule: Rule<any>, testCase: Case): Linted {
  const errors = validate(testCase.options ?? {}, rule.meta.options, 'options');
  assert.deepStrictEqual(errors, [], `invalid options for ${rule.id}`);
  const options = applyDefaults(testCase.options ?? {}, rule.meta.options, rule.meta.defaultOptions as Record<string, unknown>);
  const filename = testCase.filename ?? 'file.ts';
  let analysis: Analysis;
  let dir: string | undefined;
  try {
    if (testCase.files) {
      dir = mkdtempSync(join(tmpdir(), 'promptlint-rule-'));
      for (const [path, text] of Object.entries({ ...testCase.files, [filename]: testCase.code })) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const file = join(dir, filename);
      const majors = testCase.sdkMajors ?? sdkMajorsFor(dirname(file));
      analysis = analyzeSource(file, testCase.code, new ProjectModules(1_000_000), majors);
    } else {
      analysis = analyzeSource(filename, testCase.code, undefined, testCase.sdkMajors ?? {});
    }
    const context = { options, settings: testCase.settings ?? {}, file: analysis.file, text: analysis.text, sdkMajors: analysis.ctx.sdkMajors ?? {} };
    const findings = analysis.sites.flatMap((site) => [...rule.check(site, context)]);
    const result = lintAnalysis(analysis, {
      registry: [rule],
      rules: new Map([[rule.id, { severity: 2, options }]]),
      settings: testCase.settings ?? {},
      sdkMajors: analysis.ctx.sdkMajors ?? {},
    });
    return { messages: result.messages, findings };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

function assertNoFatal(messages: LintMessage[]): void {
  const fatal = messages.filter((message) => message.fatal || message.ruleId === null);
  assert.deepStrictEqual(fatal.map((message) => message.message), [], 'the test code must parse and the rule must not throw');
}

function pairFindings(messages: LintMessage[], findings: Finding[], code: string): Finding[] {
  // lintAnalysis sorts messages by position (stable); sorting the raw findings the same way pairs them.
  const source = parseSource('pair.ts', code);
  const key = (finding: Finding) => {
    const { line, character } = source.getLineAndCharacterOfPosition(finding.range[0]);
    return line * 1e6 + character;
  };
  const sorted = [...findings].sort((a, b) => key(a) - key(b));
  assert.equal(sorted.length, messages.length, 'every finding becomes one message');
  return sorted;
}

function checkSuggestions(rule: Rule<any>, testCase: InvalidCase, message: LintMessage, expected: ExpectedError, index: number): void {
  const actual = message.suggestions ?? [];
  if (expected.suggestions === undefined) {
    assert.equal(actual.length, 0, `error ${index}: the finding has suggestions; assert them with \`suggestions\``);
    return;
  }
  assert.deepStrictEqual(
    actual.map((suggestion) => suggestion.messageId),
    expected.suggestions.map((suggestion) => suggestion.messageId),
    `error ${index}: suggestion message ids`,
  );
  const before = syntaxErrors(parseSource(testCase.filename ?? 'file.ts', testCase.code)).length;
  actual.forEach((suggestion, i) => {
    assert.ok(suggestion.messageId && suggestion.messageId in rule.meta.messages, `unknown suggestion messageId ${suggestion.messageId}`);
    assert.doesNotMatch(suggestion.desc, /\{\{\s*\w+\s*\}\}/, `error ${index}, suggestion ${i}: placeholder left in "${suggestion.desc}"`);
    const output = applyEdits(testCase.code, [{ range: suggestion.fix.range, text: suggestion.fix.text }]).output;
    assert.notEqual(output, testCase.code, `error ${index}, suggestion ${i}: a suggestion must change the code`);
    const after = syntaxErrors(parseSource(testCase.filename ?? 'file.ts', output)).length;
    assert.ok(after <= before, `error ${index}, suggestion ${i}: the output has new syntax errors:\n${output}`);
    assert.equal(output, expected.suggestions![i]!.output, `error ${index}, suggestion ${i}: output`);
    exercisedMessageIds.add(`${rule.id}/${suggestion.messageId}`);
  });
}

function runValid(rule: Rule<any>, testCase: Case): void {
  const { messages } = lint(rule, testCase);
  assertNoFatal(messages);
  assert.deepStrictEqual(
    messages.map((message) => `${message.line}:${message.column} ${message.message}`),
    [],
    'a valid case must produce no findings',
  );
}

function runInvalid(rule: Rule<any>, testCase: InvalidCase): void {
  assert.ok(testCase.errors.length > 0, 'an invalid case needs at least one expected error');
  const { messages, findings } = lint(rule, testCase);
  assertNoFatal(messages);
  assert.equal(
    messages.length,
    testCase.errors.length,
    `expected ${testCase.errors.length} error(s), got:\n${messages.map((m) => `  ${m.line}:${m.column} [${m.messageId}] ${m.message}`).join('\n')}`,
  );
  const paired = pairFindings(messages, findings, testCase.code);
  testCase.errors.forEach((expected, index) => {
    const message = messages[index]!;
    const finding = paired[index]!;
    assert.ok(message.messageId && message.messageId in rule.meta.messages, `unknown messageId ${message.messageId}`);
    assert.deepStrictEqual(
      { messageId: message.messageId, line: message.line, column: message.column, endLine: message.endLine, endColumn: message.endColumn },
      { messageId: expected.messageId, line: expected.line, column: expected.column, endLine: expected.endLine, endColumn: expected.endColumn },
      `error ${index}: ${message.message}`,
    );
    assert.doesNotMatch(message.message, /\{\{\s*\w+\s*\}\}/, `error ${index}: placeholder left in "${message.message}"`);
    exercisedMessageIds.add(`${rule.id}/${message.messageId}`);
    if (expected.data) {
      const picked = Object.fromEntries(Object.keys(expected.data).map((key) => [key, finding.data?.[key]]));
      assert.deepStrictEqual(picked, expected.data, `error ${index}: data`);
    }
    checkSuggestions(rule, testCase, message, expected, index);
  });
  const fixes = messages.flatMap((message) => (message.fix ? [{ range: message.fix.range, text: message.fix.text }] : []));
  if (fixes.length === 0) {
    assert.ok(testCase.output === undefined || testCase.output === null, 'expected a safe fix, got none');
  } else {
    assert.notEqual(testCase.output, undefined, 'the findings carry a safe fix; assert it with `output`');
    const output = applyEdits(testCase.code, fixes).output;
    assert.notEqual(output, testCase.code, 'a fix must change the code');
    const filename = testCase.filename ?? 'file.ts';
    const before = syntaxErrors(parseSource(filename, testCase.code)).length;
    assert.ok(syntaxErrors(parseSource(filename, output)).length <= before, `the fixed code has new syntax errors:\n${output}`);
    assert.equal(output, testCase.output, 'output after safe fixes');
  }
}

export const ruleTester = {
  run(rule: Rule<any>, tests: Tests): void {
    describe(rule.id, () => {
      const names = [...tests.valid, ...tests.invalid].map((testCase) => testCase.name);
      it('has unique case names', () => {
        assert.deepStrictEqual(names.filter((name, i) => names.indexOf(name) !== i), []);
      });
      describe('valid', () => {
        it('silent on an empty file', () => runValid(rule, { name: 'empty', code: '' }));
        it('silent on a file with no LLM calls', () => runValid(rule, { name: 'no LLM calls', code: NO_LLM_CALLS }));
        for (const testCase of tests.valid) it(testCase.name, () => runValid(rule, testCase));
      });
      describe('invalid', () => {
        for (const testCase of tests.invalid) it(testCase.name, () => runInvalid(rule, testCase));
      });
      it('exercises every message of the rule', () => {
        const missing = Object.keys(rule.meta.messages).filter((id) => !exercisedMessageIds.has(`${rule.id}/${id}`));
        assert.deepStrictEqual(missing, []);
      });
      if (rule.meta.fix !== 'none') {
        it('asserts the output of some fix or suggestion', () => {
          const asserted = tests.invalid.some(
            (testCase) => typeof testCase.output === 'string' || testCase.errors.some((error) => (error.suggestions?.length ?? 0) > 0),
          );
          assert.ok(asserted, `${rule.id} declares fix: ${rule.meta.fix} but no case checks an output`);
        });
      }
    });
  },
};
