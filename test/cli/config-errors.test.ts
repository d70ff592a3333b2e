import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONCURRENCY, runCli, runMain, tempDir, writeFiles } from './cli.js';

// Every way a config can be wrong ends the run with one line on stderr and exit 2. The table runs
// in-process through main(); a few cases go through the built binary as well.

const APP = [
  "import OpenAI from 'openai';",
  'const openai = new OpenAI();',
  "await openai.chat.completions.create({ model: 'gpt-4o', max_completion_tokens: 50, messages: [] });",
  '',
].join('\n');

/** A one-file project with these extra files. */
function project(files: Record<string, string>): string {
  const root = tempDir('promptlint-config-');
  writeFiles(root, { 'src/app.ts': APP, ...files });
  return root;
}

const config = (value: unknown) => ({ 'promptlint.config.json': JSON.stringify(value, null, 2) });
const rule = (value: unknown) => config({ rules: { 'require-max-tokens': value } });
const KNOWN = 'known: no-dynamic-prompt-prefix, no-verbose-system-prompt, require-max-tokens, require-stop-sequences';
const SEVERITY = 'a severity ("off", "warn", "error", 0, 1, 2)';
const NINE_BRACES = '{a,b}'.repeat(9);

const cases: Array<[name: string, files: Record<string, string>, stderr: string, args?: string[]]> = [
  ['invalid JSON, with line and column', { 'promptlint.config.json': '{\n  "rules": {\n    "require-max-tokens": "warn",\n  }\n}\n' }, 'promptlint.config.json:4:3: invalid JSON: trailing comma is not allowed'],
  ['empty file', { 'promptlint.config.json': '' }, 'promptlint.config.json:1:1: invalid JSON: unexpected end of file'],
  ['top level not an object', { 'promptlint.config.json': '[]' }, 'promptlint.config.json: top level: expected object, got array'],
  ['unknown top-level key', config({ rule: {} }), 'promptlint.config.json: rule: unknown key (allowed: $schema, extends, ignores, rules, settings)'],
  ['unknown preset', config({ extends: 'promptlint:strict' }), 'promptlint.config.json: extends: expected one of "promptlint:recommended", "promptlint:all", got "promptlint:strict"'],
  ['ignores not an array', config({ ignores: 'dist' }), 'promptlint.config.json: ignores: expected array, got "dist"'],
  ['empty ignore glob', config({ ignores: ['dist/', ''] }), 'promptlint.config.json: ignores[1]: expected non-empty string, got ""'],
  ['ignore glob that expands too far', config({ ignores: [NINE_BRACES] }), `promptlint.config.json: ignores[0]: invalid glob: glob "${NINE_BRACES}" expands to more than 256 patterns`],
  ['rules not an object', config({ rules: [] }), 'promptlint.config.json: rules: expected object, got array'],
  ['unknown rule id', config({ rules: { 'require-max-token': 'error' } }), `promptlint.config.json: rules.require-max-token: unknown rule (${KNOWN})`],
  ['unknown severity word', rule('warning'), `promptlint.config.json: rules.require-max-tokens: expected ${SEVERITY} or [severity, options], got "warning"`],
  ['severity number out of range', rule(3), `promptlint.config.json: rules.require-max-tokens: expected ${SEVERITY} or [severity, options], got 3`],
  ['empty rule array', rule([]), 'promptlint.config.json: rules.require-max-tokens: expected [severity] or [severity, options], got an array of 0 items'],
  ['rule array too long', rule(['warn', {}, {}]), 'promptlint.config.json: rules.require-max-tokens: expected [severity] or [severity, options], got an array of 3 items'],
  ['bad severity in a rule array', rule(['on']), `promptlint.config.json: rules.require-max-tokens[0]: expected ${SEVERITY}, got "on"`],
  ['options not an object', rule(['warn', 512]), 'promptlint.config.json: rules.require-max-tokens[1]: expected object, got 512'],
  ['option of the wrong type', rule(['warn', { suggestedCap: 'lots' }]), 'promptlint.config.json: rules.require-max-tokens[1].suggestedCap: expected integer >= 1, got "lots"'],
  ['option below its minimum', rule(['warn', { suggestedCap: 0 }]), 'promptlint.config.json: rules.require-max-tokens[1].suggestedCap: expected integer >= 1, got 0'],
  ['unknown option key', rule(['warn', { cap: 100 }]), 'promptlint.config.json: rules.require-max-tokens[1].cap: unknown key (allowed: suggestedCap)'],
  ['option outside its enum', config({ rules: { 'no-dynamic-prompt-prefix': ['warn', { rates: ['hour'] }] } }), 'promptlint.config.json: rules.no-dynamic-prompt-prefix[1].rates[0]: expected one of "request", "user", "day", got "hour"'],
  ['unknown settings key', config({ settings: { model: 'gpt-4o' } }), 'promptlint.config.json: settings.model: unknown key (allowed: defaultModel, traffic, pricing)'],
  ['empty defaultModel', config({ settings: { defaultModel: '' } }), 'promptlint.config.json: settings.defaultModel: expected non-empty string, got ""'],
  ['negative traffic', config({ settings: { traffic: -5 } }), 'promptlint.config.json: settings.traffic: expected number >= 0, got -5'],
  ['traffic of the wrong type', config({ settings: { traffic: 'lots' } }), 'promptlint.config.json: settings.traffic: expected number >= 0 or an object of glob → number >= 0, got "lots"'],
  ['traffic glob with a bad count', config({ settings: { traffic: { 'src/**': 'many' } } }), 'promptlint.config.json: settings.traffic["src/**"]: expected number >= 0, got "many"'],
  ['traffic glob that expands too far', config({ settings: { traffic: { [NINE_BRACES]: 5 } } }), `promptlint.config.json: settings.traffic["${NINE_BRACES}"]: invalid glob: glob "${NINE_BRACES}" expands to more than 256 patterns`],
  ['pricing without an output price', config({ settings: { pricing: { 'gpt-4o': { input: 2.5 } } } }), 'promptlint.config.json: settings.pricing.gpt-4o: missing required key "output"'],
  ['negative price', config({ settings: { pricing: { 'gpt-4o': { input: 2.5, output: -1 } } } }), 'promptlint.config.json: settings.pricing.gpt-4o.output: expected number >= 0, got -1'],
  ['error in .promptlintrc.json', { '.promptlintrc.json': '{ "rules": { "require-max-tokens": 3 } }' }, `.promptlintrc.json: rules.require-max-tokens: expected ${SEVERITY} or [severity, options], got 3`],
  ['error in package.json#promptlint', { 'package.json': '{ "name": "app", "promptlint": { "rules": { "nope": "off" } } }' }, `package.json: promptlint.rules.nope: unknown rule (${KNOWN})`],
  ['broken package.json that holds a "promptlint" key', { 'package.json': '{ "name": "app", "promptlint": { "rules": {} }\n' }, "package.json:2:1: invalid JSON: expected ',' or '}', got end of file"],
  ['--config package.json without a "promptlint" key', { 'package.json': '{ "name": "app" }' }, 'package.json: has no "promptlint" key', ['--config', 'package.json']],
  ['--config with an error', { 'configs/strict.json': '{ "rules": { "require-max-tokens": "fatal" } }' }, `configs/strict.json: rules.require-max-tokens: expected ${SEVERITY} or [severity, options], got "fatal"`, ['-c', 'configs/strict.json']],
  ['nested config with an error, hit by a file under it', { 'packages/a/promptlint.config.json': '{ "rules": { "require-max-tokens": "loud" } }', 'packages/a/index.ts': 'export const a = 1;\n' }, `packages/a/promptlint.config.json: rules.require-max-tokens: expected ${SEVERITY} or [severity, options], got "loud"`],
];

describe('config errors: one line on stderr, exit 2', { concurrency: CONCURRENCY }, () => {
  for (const [name, files, message, args] of cases) {
    it(name, async () => {
      const run = await runMain(args ?? [], { cwd: project(files) });
      assert.deepEqual(run, { status: 2, stdout: '', stderr: `promptlint: ${message}\n` });
    });
  }

  it('a config outside the working directory is named by its absolute path', async () => {
    const root = project(rule('loud'));
    const run = await runMain(['.'], { cwd: join(root, 'src') });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `promptlint: ${join(root, 'promptlint.config.json')}: rules.require-max-tokens: expected ${SEVERITY} or [severity, options], got "loud"\n`);
  });

  it('a broken config that applies to no linted file does not fail the run', async () => {
    const root = project({ 'packages/a/promptlint.config.json': '{ "rules": { "require-max-tokens": "loud" } }', 'packages/a/index.ts': 'export const a = 1;\n' });
    assert.deepEqual(await runMain(['src'], { cwd: root }), { status: 0, stdout: '', stderr: '' });
  });

  it('a package.json without a "promptlint" key is skipped by the lookup, even when broken', async () => {
    const root = project({ 'package.json': '{ "name": "app", ', 'src/package.json': '{ "name": "inner" }' });
    assert.deepEqual(await runMain([], { cwd: root }), { status: 0, stdout: '', stderr: '' });
  });

  it('a valid config using every key, with a byte order mark, is accepted', async () => {
    const full = {
      $schema: './node_modules/promptlint/schema.json',
      extends: 'promptlint:all',
      ignores: ['dist/', '!dist/keep.ts'],
      rules: { 'require-max-tokens': ['error', { suggestedCap: 100 }], 'require-stop-sequences': 'off', 'no-verbose-system-prompt': 1 },
      settings: { defaultModel: 'gpt-4o', traffic: { 'src/**': 10, default: 1 }, pricing: { 'my-model': { input: 1, output: 2, cacheRead: 0.1 } } },
    };
    const root = project({ 'promptlint.config.json': `\ufeff${JSON.stringify(full)}` });
    assert.deepEqual(await runMain([], { cwd: root }), { status: 0, stdout: '', stderr: '' });
  });

  it('the built binary exits 2 on config errors too', async () => {
    const picked = cases.filter(([name]) => ['invalid JSON, with line and column', 'error in package.json#promptlint'].includes(name));
    const runs = await Promise.all(picked.map(([, files, , args]) => runCli(args ?? [], { cwd: project(files) })));
    assert.deepEqual(
      runs.map((run) => [run.status, run.stdout, run.stderr]),
      picked.map(([, , message]) => [2, '', `promptlint: ${message}\n`]),
    );
  });
});
