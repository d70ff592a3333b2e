import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, ConfigLoader, printConfig, type ConfigOptions, type ResolvedConfig } from '../../src/engine/config.js';
import { fakeRules } from './fake-rules.js';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A fresh directory tree; object values are written as JSON. */
function tree(files: Record<string, string | object>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'promptlint-config-')));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

function loader(root: string, options: ConfigOptions = {}): ConfigLoader {
  return new ConfigLoader(fakeRules, { cwd: root, ...options });
}

/** Rules as `id → [severity, options]`, the easiest shape to compare. */
function rulesOf(config: ResolvedConfig): Record<string, [number, Record<string, unknown>]> {
  return Object.fromEntries([...config.rules].map(([id, s]) => [id, [s.severity, s.options]]));
}

const capDefaults = { suggestedCap: 1024, checkStreaming: true };
const verboseDefaults = { minTokens: 200, style: 'plain', models: [], thresholds: { tokens: 50, dollars: 0.01 } };
const recommended = { 'no-verbose-system-prompt': [2, verboseDefaults], 'require-max-tokens': [1, capDefaults] };

function configError(root: string, files: Record<string, string | object>, options: ConfigOptions = {}): string {
  const dir = tree(files);
  try {
    loader(root === '' ? dir : root, options).forFile(join(dir, 'src', 'a.ts'));
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('expected a ConfigError');
}

/** Message for a promptlint.config.json at the cwd holding `config`. */
function errorFor(config: unknown): string {
  return configError('', { 'promptlint.config.json': typeof config === 'string' ? config : JSON.stringify(config) });
}

describe('config lookup', () => {
  it('uses the recommended preset when no config file exists', () => {
    const root = tree({ 'src/a.ts': '' });
    const config = loader(root).forFile(join(root, 'src/a.ts'));
    assert.deepEqual(rulesOf(config), recommended);
    assert.equal(config.configFile, undefined);
    assert.equal(config.baseDir, root);
    assert.deepEqual(config.ignores, []);
    assert.deepEqual(config.settings, {});
  });

  it('prefers promptlint.config.json, then .promptlintrc.json, then package.json in one directory', () => {
    const root = tree({
      'all/promptlint.config.json': { rules: { 'require-stop-sequences': 'warn' } },
      'all/.promptlintrc.json': { rules: { 'require-stop-sequences': 'error' } },
      'all/package.json': { name: 'x', promptlint: {} },
      'two/.promptlintrc.json': { rules: { 'require-stop-sequences': 'error' } },
      'two/package.json': { name: 'x', promptlint: {} },
      'pkg/package.json': { name: 'x', promptlint: { rules: { 'require-max-tokens': 'off' } } },
    });
    const load = loader(root);
    assert.equal(load.forFile(join(root, 'all/a.ts')).configFile, join(root, 'all/promptlint.config.json'));
    assert.equal(load.forFile(join(root, 'two/a.ts')).configFile, join(root, 'two/.promptlintrc.json'));
    const pkg = load.forFile(join(root, 'pkg/a.ts'));
    assert.equal(pkg.configFile, join(root, 'pkg/package.json'));
    assert.deepEqual(rulesOf(pkg), { 'no-verbose-system-prompt': [2, verboseDefaults] });
  });

  it('walks up from the file and stops at the first directory with a config', () => {
    const root = tree({
      'promptlint.config.json': { rules: { 'require-max-tokens': 'error' } },
      'packages/app/.promptlintrc.json': { rules: { 'require-max-tokens': 'off' } },
      'packages/lib/package.json': { name: 'lib' },
    });
    const load = loader(root);
    const app = load.forFile(join(root, 'packages/app/src/deep/a.ts'));
    assert.equal(app.configFile, join(root, 'packages/app/.promptlintrc.json'));
    assert.equal(app.baseDir, join(root, 'packages/app'));
    assert.equal(app.rules.has('require-max-tokens'), false);
    // A package.json without the key does not stop the walk.
    const lib = load.forFile(join(root, 'packages/lib/src/b.ts'));
    assert.equal(lib.configFile, join(root, 'promptlint.config.json'));
    assert.equal(lib.rules.get('require-max-tokens')?.severity, 2);
  });

  it('caches per directory and per config file', () => {
    const root = tree({ 'promptlint.config.json': { rules: { 'require-max-tokens': 'error' } } });
    const load = loader(root);
    const first = load.forFile(join(root, 'src/a.ts'));
    writeFileSync(join(root, 'promptlint.config.json'), JSON.stringify({ rules: { 'require-max-tokens': 'off' } }));
    writeFileSync(join(root, '.promptlintrc.json'), '{}');
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'src/promptlint.config.json'), '{}');
    assert.equal(load.forFile(join(root, 'src/b.ts')), first);
    assert.equal(load.forFile(join(root, 'other/c.ts')), first);
    assert.equal(first.rules.get('require-max-tokens')?.severity, 2);
    // A new loader sees the new files.
    assert.equal(loader(root).forFile(join(root, 'src/b.ts')).configFile, join(root, 'src/promptlint.config.json'));
  });

  it('uses --config for every file, resolved against the cwd', () => {
    const root = tree({
      'conf/custom.json': { rules: { 'require-stop-sequences': 'error' }, ignores: ['gen/**'] },
      'promptlint.config.json': { rules: { 'require-max-tokens': 'off' } },
    });
    const load = loader(root, { configFile: 'conf/custom.json' });
    const a = load.forFile(join(root, 'a.ts'));
    assert.equal(a.configFile, join(root, 'conf/custom.json'));
    assert.equal(a.baseDir, join(root, 'conf'));
    assert.deepEqual(Object.keys(rulesOf(a)), ['no-verbose-system-prompt', 'require-max-tokens', 'require-stop-sequences']);
    assert.equal(load.forFile('/elsewhere/b.ts'), a);
    assert.equal(load.isIgnored(a, join(root, 'conf/gen/x.ts')), true);
    assert.equal(load.isIgnored(a, join(root, 'gen/x.ts')), false);
  });

  it('reads the promptlint key of a package.json given to --config', () => {
    const root = tree({ 'package.json': { name: 'p', promptlint: { extends: 'promptlint:all' } } });
    const config = loader(root, { configFile: 'package.json' }).forFile(join(root, 'a.ts'));
    assert.equal(config.rules.size, 3);
  });

  it('ignores config files with --no-config-lookup', () => {
    const root = tree({ 'promptlint.config.json': { rules: { 'require-max-tokens': 'off' } } });
    const config = loader(root, { noConfigLookup: true, ruleOverrides: ['require-stop-sequences: error'] }).forFile(join(root, 'a.ts'));
    assert.equal(config.configFile, undefined);
    assert.deepEqual(rulesOf(config), { ...recommended, 'require-stop-sequences': [2, {}] });
  });

  it('skips a broken package.json that has no promptlint key', () => {
    const root = tree({ 'promptlint.config.json': {}, 'app/package.json': '{ "name": ' });
    assert.equal(loader(root).forFile(join(root, 'app/a.ts')).configFile, join(root, 'promptlint.config.json'));
  });
});

describe('presets and rule settings', () => {
  it('extends promptlint:all with allOptions over the defaults', () => {
    const root = tree({ 'promptlint.config.json': { extends: 'promptlint:all' } });
    assert.deepEqual(rulesOf(loader(root).forFile(join(root, 'a.ts'))), {
      'no-verbose-system-prompt': [2, { ...verboseDefaults, minTokens: 50 }],
      'require-max-tokens': [1, capDefaults],
      'require-stop-sequences': [1, {}],
    });
  });

  it('lets the preset option replace extends', () => {
    const root = tree({ 'promptlint.config.json': { extends: 'promptlint:all' } });
    assert.deepEqual(rulesOf(loader(root, { preset: 'recommended' }).forFile(join(root, 'a.ts'))), recommended);
    const none = tree({});
    assert.equal(loader(none, { preset: 'all' }).forFile(join(none, 'a.ts')).rules.size, 3);
  });

  it('keeps the options in effect when only a severity is given', () => {
    const root = tree({
      'promptlint.config.json': { extends: 'promptlint:all', rules: { 'no-verbose-system-prompt': 'warn', 'require-max-tokens': 2 } },
    });
    assert.deepEqual(rulesOf(loader(root).forFile(join(root, 'a.ts'))), {
      'no-verbose-system-prompt': [1, { ...verboseDefaults, minTokens: 50 }],
      'require-max-tokens': [2, capDefaults],
      'require-stop-sequences': [1, {}],
    });
  });

  it('merges [severity, options] over the rule defaults', () => {
    const root = tree({
      'promptlint.config.json': {
        extends: 'promptlint:all',
        rules: {
          'no-verbose-system-prompt': ['error', { thresholds: { tokens: 10 }, models: ['gpt-4o'] }],
          'require-max-tokens': ['warn'],
          'require-stop-sequences': 0,
        },
      },
    });
    assert.deepEqual(rulesOf(loader(root).forFile(join(root, 'a.ts'))), {
      'no-verbose-system-prompt': [2, { minTokens: 200, style: 'plain', models: ['gpt-4o'], thresholds: { tokens: 10, dollars: 0.01 } }],
      'require-max-tokens': [1, capDefaults],
    });
  });

  it('applies --rule overrides last, keeping file options when only a severity is given', () => {
    const root = tree({
      'promptlint.config.json': { rules: { 'require-max-tokens': ['error', { suggestedCap: 256 }], 'no-verbose-system-prompt': 'off' } },
    });
    const config = loader(root, {
      ruleOverrides: ['require-max-tokens: warn', 'no-verbose-system-prompt:[1, {"minTokens": 10}]', 'require-stop-sequences: "error"'],
    }).forFile(join(root, 'a.ts'));
    assert.deepEqual(rulesOf(config), {
      'no-verbose-system-prompt': [1, { ...verboseDefaults, minTokens: 10 }],
      'require-max-tokens': [1, { suggestedCap: 256, checkStreaming: true }],
      'require-stop-sequences': [2, {}],
    });
  });

  it('turns a rule off from the command line', () => {
    const root = tree({});
    const config = loader(root, { ruleOverrides: ['no-verbose-system-prompt: off'] }).forFile(join(root, 'a.ts'));
    assert.deepEqual(rulesOf(config), { 'require-max-tokens': [1, capDefaults] });
  });
});

describe('config errors', () => {
  const allowedTop = '(allowed: $schema, extends, ignores, rules, settings)';
  const cases: Array<[name: string, config: unknown, message: string]> = [
    ['a trailing comma', '{\n  "rules": {},\n}', 'promptlint.config.json:3:1: invalid JSON: trailing comma is not allowed'],
    ['a missing colon', '{\n  "rules" {}\n}', 'promptlint.config.json:2:11: invalid JSON: expected \':\' after property name, got "{"'],
    ['a single-quoted key', "{ 'rules': {} }", 'promptlint.config.json:1:3: invalid JSON: expected a double-quoted property name, got "\'"'],
    ['a comment', '// hi\n{}', 'promptlint.config.json:1:1: invalid JSON: unexpected "/"'],
    ["an unterminated string", '{ "rules": "x', 'promptlint.config.json:1:12: invalid JSON: unterminated string'],
    ['an empty file', '', 'promptlint.config.json:1:1: invalid JSON: unexpected end of file'],
    ['text after the value', '{}\n{}', 'promptlint.config.json:2:1: invalid JSON: unexpected content after the JSON value'],
    ['a trailing comma in an array', '{ "ignores": ["a",\n ] }', 'promptlint.config.json:2:2: invalid JSON: trailing comma is not allowed'],
    ['a top-level array', [], 'promptlint.config.json: top level: expected object, got array'],
    ['an unknown top-level key', { rule: {} }, `promptlint.config.json: rule: unknown key ${allowedTop}`],
    [
      'an unknown rule id',
      { rules: { 'require-max-token': 'warn' } },
      'promptlint.config.json: rules.require-max-token: unknown rule (known: no-verbose-system-prompt, require-max-tokens, require-stop-sequences)',
    ],
    [
      'a bad severity',
      { rules: { 'require-max-tokens': 'warning' } },
      'promptlint.config.json: rules.require-max-tokens: expected a severity ("off", "warn", "error", 0, 1, 2) or [severity, options], got "warning"',
    ],
    [
      'a bad severity in an array',
      { rules: { 'require-max-tokens': [3, {}] } },
      'promptlint.config.json: rules.require-max-tokens[0]: expected a severity ("off", "warn", "error", 0, 1, 2), got 3',
    ],
    [
      'a long array',
      { rules: { 'require-max-tokens': ['warn', {}, {}] } },
      'promptlint.config.json: rules.require-max-tokens: expected [severity] or [severity, options], got an array of 3 items',
    ],
    [
      'a bad option type',
      { rules: { 'require-max-tokens': ['warn', { suggestedCap: 'big' }] } },
      'promptlint.config.json: rules.require-max-tokens[1].suggestedCap: expected integer >= 1, got "big"',
    ],
    [
      'options that are not an object',
      { rules: { 'require-max-tokens': ['warn', 512] } },
      'promptlint.config.json: rules.require-max-tokens[1]: expected object, got 512',
    ],
    [
      'an unknown option key',
      { rules: { 'require-max-tokens': ['warn', { cap: 1 }] } },
      'promptlint.config.json: rules.require-max-tokens[1].cap: unknown key (allowed: suggestedCap, checkStreaming)',
    ],
    [
      'an option for a rule without options',
      { rules: { 'require-stop-sequences': ['warn', { x: 1 }] } },
      'promptlint.config.json: rules.require-stop-sequences[1].x: unknown key (allowed: none)',
    ],
    [
      'a bad nested option',
      { rules: { 'no-verbose-system-prompt': ['warn', { thresholds: { dollars: -1 } }] } },
      'promptlint.config.json: rules.no-verbose-system-prompt[1].thresholds.dollars: expected number >= 0, got -1',
    ],
    [
      'a bad extends',
      { extends: 'eslint:recommended' },
      'promptlint.config.json: extends: expected one of "promptlint:recommended", "promptlint:all", got "eslint:recommended"',
    ],
    ['ignores that are not an array', { ignores: 'dist' }, 'promptlint.config.json: ignores: expected array, got "dist"'],
    ['an empty ignore glob', { ignores: ['dist', ''] }, 'promptlint.config.json: ignores[1]: expected non-empty string, got ""'],
    [
      'an ignore glob that expands too far',
      { ignores: ['{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b}'] },
      'promptlint.config.json: ignores[0]: invalid glob: glob "{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b}" expands to more than 256 patterns',
    ],
    ['an unknown settings key', { settings: { model: 'x' } }, 'promptlint.config.json: settings.model: unknown key (allowed: defaultModel, traffic, pricing)'],
    ['an empty defaultModel', { settings: { defaultModel: '' } }, 'promptlint.config.json: settings.defaultModel: expected non-empty string, got ""'],
    ['negative traffic', { settings: { traffic: -5 } }, 'promptlint.config.json: settings.traffic: expected number >= 0, got -5'],
    [
      'traffic of the wrong type',
      { settings: { traffic: '1000/day' } },
      'promptlint.config.json: settings.traffic: expected number >= 0 or an object of glob → number >= 0, got "1000/day"',
    ],
    [
      'a bad traffic value for a glob',
      { settings: { traffic: { 'src/jobs/**': 'many' } } },
      'promptlint.config.json: settings.traffic["src/jobs/**"]: expected number >= 0, got "many"',
    ],
    ['a bad default traffic', { settings: { traffic: { default: null } } }, 'promptlint.config.json: settings.traffic.default: expected number >= 0, got null'],
    ['an empty traffic glob', { settings: { traffic: { '': 5 } } }, 'promptlint.config.json: settings.traffic[""]: expected a non-empty glob'],
    [
      'pricing without output',
      { settings: { pricing: { 'gpt-4o': { input: 2.5 } } } },
      'promptlint.config.json: settings.pricing.gpt-4o: missing required key "output"',
    ],
    [
      'a negative price',
      { settings: { pricing: { 'claude-3.5': { input: -1, output: 1 } } } },
      'promptlint.config.json: settings.pricing["claude-3.5"].input: expected number >= 0, got -1',
    ],
    [
      'an unknown pricing key',
      { settings: { pricing: { m: { input: 1, output: 2, cached: 0.1 } } } },
      'promptlint.config.json: settings.pricing.m.cached: unknown key (allowed: input, output, cacheRead)',
    ],
    ['pricing that is not an object', { settings: { pricing: { m: 3 } } }, 'promptlint.config.json: settings.pricing.m: expected object, got 3'],
  ];
  for (const [name, config, message] of cases) {
    it(`reports ${name}`, () => assert.equal(errorFor(config), message));
  }

  it('names the file relative to the cwd, with the package.json key in the path', () => {
    const root = tree({ 'pkg/package.json': { name: 'p', promptlint: { rules: { 'require-max-tokens': ['warn', { suggestedCap: 0 }] } } } });
    assert.throws(() => loader(root).forFile(join(root, 'pkg/src/a.ts')), {
      name: 'ConfigError',
      message: 'pkg/package.json: promptlint.rules.require-max-tokens[1].suggestedCap: expected integer >= 1, got 0',
    });
    assert.throws(() => loader(join(root, 'pkg/src')).forFile(join(root, 'pkg/src/a.ts')), {
      message: `${join(root, 'pkg/package.json')}: promptlint.rules.require-max-tokens[1].suggestedCap: expected integer >= 1, got 0`,
    });
  });

  it('reports a broken package.json that seems to hold the promptlint key', () => {
    assert.equal(
      configError('', { 'package.json': '{\n  "name": "x",\n  "promptlint": { "rules": {} }\n' }),
      "package.json:4:1: invalid JSON: expected ',' or '}', got end of file",
    );
  });

  it('reports a promptlint key that is not an object', () => {
    assert.equal(configError('', { 'package.json': { promptlint: true } }), 'package.json: promptlint: expected object, got true');
  });

  it('reports a missing or keyless --config file', () => {
    assert.equal(configError('', {}, { configFile: 'missing.json' }), '--config: cannot read missing.json: file not found');
    assert.equal(configError('', { 'conf/x.json': {} }, { configFile: 'conf' }), '--config: cannot read conf: is a directory');
    assert.equal(configError('', { 'package.json': { name: 'x' } }, { configFile: 'package.json' }), 'package.json: has no "promptlint" key');
  });

  it('accepts a BOM and a $schema key', () => {
    const root = tree({ 'promptlint.config.json': '\uFEFF{ "$schema": "./node_modules/promptlint/schema.json" }' });
    assert.deepEqual(rulesOf(loader(root).forFile(join(root, 'a.ts'))), recommended);
  });

  it('throws the same error again for the same config file', () => {
    const root = tree({ 'promptlint.config.json': { bogus: 1 } });
    const load = loader(root);
    let first: unknown;
    assert.throws(() => load.forFile(join(root, 'a.ts')), (error) => ((first = error), true));
    assert.throws(() => load.forFile(join(root, 'b/c.ts')), (error) => error === first);
  });

  const ruleCases: Array<[spec: string, message: string]> = [
    ['require-max-tokens', `--rule: expected 'rule-id: severity' or 'rule-id: [severity, {options}]', got "require-max-tokens"`],
    [': warn', `--rule: expected 'rule-id: severity' or 'rule-id: [severity, {options}]', got ": warn"`],
    ['require-max-tokens:', `--rule: expected 'rule-id: severity' or 'rule-id: [severity, {options}]', got "require-max-tokens:"`],
    [
      'max-tokens: warn',
      '--rule: max-tokens: unknown rule (known: no-verbose-system-prompt, require-max-tokens, require-stop-sequences)',
    ],
    ['require-max-tokens: [warn]', '--rule: require-max-tokens: expected a severity word or JSON after the colon, got "[warn]"'],
    [
      'require-max-tokens: warning',
      '--rule: require-max-tokens: expected a severity word or JSON after the colon, got "warning"',
    ],
    [
      'require-max-tokens: 5',
      '--rule: require-max-tokens: expected a severity ("off", "warn", "error", 0, 1, 2) or [severity, options], got 5',
    ],
    [
      'require-max-tokens: ["warn", {"suggestedCap": "big"}]',
      '--rule: require-max-tokens[1].suggestedCap: expected integer >= 1, got "big"',
    ],
  ];
  for (const [spec, message] of ruleCases) {
    it(`reports --rule ${JSON.stringify(spec)}`, () => assert.equal(configError('', {}, { ruleOverrides: [spec] }), message));
  }
});

describe('ignores', () => {
  const root = tree({
    'promptlint.config.json': { ignores: ['dist', 'gen/', '**/*.gen.ts', '!src/keep.gen.ts', 'fixtures/**'] },
    'sub/promptlint.config.json': { ignores: ['local/**'] },
  });
  const load = loader(root);
  const config = load.forFile(join(root, 'src/a.ts'));
  const cases: Array<[path: string, ignored: boolean]> = [
    ['dist/index.js', true],
    ['dist/deep/x.js', true],
    ['src/dist/x.ts', false],
    ['dist', true],
    ['gen/x.ts', true],
    ['gen', false],
    ['src/a.gen.ts', true],
    ['src/keep.gen.ts', false],
    ['a.gen.ts', true],
    ['fixtures/a/b.ts', true],
    ['src/a.ts', false],
  ];
  for (const [path, ignored] of cases) {
    it(`${ignored ? 'ignores' : 'keeps'} ${path}`, () => assert.equal(load.isIgnored(config, join(root, path)), ignored));
  }

  it('never ignores files outside the config directory', () => {
    assert.equal(load.isIgnored(config, join(dirname(root), 'dist/x.ts')), false);
  });

  it('resolves globs against the directory of the config that applies', () => {
    const sub = load.forFile(join(root, 'sub/local/a.ts'));
    assert.equal(load.isIgnored(sub, join(root, 'sub/local/a.ts')), true);
    assert.equal(load.isIgnored(sub, join(root, 'local/a.ts')), false);
    assert.equal(load.isIgnored(sub, join(root, 'sub/dist/a.ts')), false);
  });
});

describe('trafficFor', () => {
  const root = tree({
    'promptlint.config.json': {
      settings: { traffic: { 'src/jobs/**': 10, 'src/**/*.ts': 5000, default: 100, 'src/jobs/nightly.ts': 1 } },
    },
    'flat/promptlint.config.json': { settings: { traffic: 250 } },
    'nodefault/promptlint.config.json': { settings: { traffic: { 'api/**': 7 } } },
  });
  const load = loader(root);
  const config = load.forFile(join(root, 'a.ts'));

  it('returns the first matching glob in written order', () => {
    assert.equal(load.trafficFor(config, join(root, 'src/jobs/nightly.ts')), 10);
    assert.equal(load.trafficFor(config, join(root, 'src/api/chat.ts')), 5000);
  });

  it('falls back to the "default" key', () => {
    assert.equal(load.trafficFor(config, join(root, 'scripts/seed.ts')), 100);
    assert.equal(load.trafficFor(config, join(dirname(root), 'outside.ts')), 100);
  });

  it('returns a single number for every file', () => {
    const flat = load.forFile(join(root, 'flat/x.ts'));
    assert.equal(load.trafficFor(flat, join(root, 'flat/deep/x.ts')), 250);
  });

  it('is undefined without a match or a traffic setting', () => {
    const noDefault = load.forFile(join(root, 'nodefault/x.ts'));
    assert.equal(load.trafficFor(noDefault, join(root, 'nodefault/api/x.ts')), 7);
    assert.equal(load.trafficFor(noDefault, join(root, 'nodefault/web/x.ts')), undefined);
    const bare = loader(tree({})).forFile('/x/a.ts');
    assert.equal(load.trafficFor(bare, '/x/a.ts'), undefined);
  });
});

describe('printConfig', () => {
  it('prints rules sorted by id with severity names, then ignores and settings', () => {
    const root = tree({
      'promptlint.config.json': {
        rules: { 'require-stop-sequences': 'error', 'no-verbose-system-prompt': 'off' },
        ignores: ['dist/**'],
        settings: { pricing: { 'my-model': { input: 1, output: 2 } }, defaultModel: 'gpt-4o-mini', traffic: 1000 },
      },
    });
    const printed = printConfig(loader(root).forFile(join(root, 'a.ts')));
    assert.equal(
      printed,
      `{
  "rules": {
    "require-max-tokens": [
      "warn",
      {
        "suggestedCap": 1024,
        "checkStreaming": true
      }
    ],
    "require-stop-sequences": [
      "error",
      {}
    ]
  },
  "ignores": [
    "dist/**"
  ],
  "settings": {
    "defaultModel": "gpt-4o-mini",
    "traffic": 1000,
    "pricing": {
      "my-model": {
        "input": 1,
        "output": 2
      }
    }
  }
}`,
    );
  });
});
