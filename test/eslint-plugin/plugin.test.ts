import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Linter, RuleTester, type Rule as EslintRule } from 'eslint';
import plugin from '../../eslint-plugin/index.js';
import { sharedAnalysis } from '../../eslint-plugin/analysis.js';
import { toEslintRule } from '../../eslint-plugin/to-eslint-rule.js';
import { rules } from '../../rules/index.js';
import { analyzeSource, lintAnalysis } from '../../src/engine/linter.js';
import { docsUrl, type Rule, type Settings } from '../../src/rule.js';
import { code } from '../helpers/code.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ROOT = new URL('../../../', import.meta.url);
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];

const UNCAPPED = code`
  import OpenAI from 'openai';

  const openai = new OpenAI();

  export const ask = (question) =>
    openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
`;

function config(rulesConfig: Linter.RulesRecord, settings: Record<string, unknown> = {}): Linter.Config[] {
  return [{ files: JS_FILES, plugins: { promptlint: plugin }, settings, rules: rulesConfig }];
}

const summary = (messages: Linter.LintMessage[]) => messages.map((m) => `${m.ruleId}:${m.messageId ?? ''} ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`);

describe('plugin object', () => {
  it('is named and versioned like the package', () => {
    const { version } = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string };
    assert.deepEqual(plugin.meta, { name: 'promptlint', version, namespace: 'promptlint' });
  });

  it('has one ESLint rule per promptlint rule, with meta derived from the rule meta', () => {
    assert.deepEqual(Object.keys(plugin.rules), ['no-dynamic-prompt-prefix', 'no-verbose-system-prompt', 'require-max-tokens', 'require-stop-sequences']);
    const fixKinds: Record<string, { fixable?: 'code'; hasSuggestions?: true }> = {
      'no-dynamic-prompt-prefix': { hasSuggestions: true },
      'no-verbose-system-prompt': { fixable: 'code', hasSuggestions: true },
      'require-max-tokens': { hasSuggestions: true },
      'require-stop-sequences': { hasSuggestions: true },
    };
    for (const rule of rules) {
      assert.deepEqual(plugin.rules[rule.id]!.meta, {
        type: rule.meta.type,
        docs: { description: rule.meta.description, recommended: rule.meta.recommended, url: docsUrl(rule.id) },
        messages: rule.meta.messages,
        schema: [rule.meta.options],
        defaultOptions: [rule.meta.defaultOptions],
        ...fixKinds[rule.id],
      }, rule.id);
    }
    assert.equal(plugin.rules['require-max-tokens']!.meta!.docs!.url, 'https://github.com/promptlint/promptlint/blob/main/rules/require-max-tokens.md');
  });

  it('maps a safe-only rule to fixable without suggestions', () => {
    const meta = toEslintRule({ ...rules[0]!, meta: { ...rules[0]!.meta, fix: 'safe' } }).meta!;
    assert.equal(meta.fixable, 'code');
    assert.equal(meta.hasSuggestions, undefined);
    const none = toEslintRule({ ...rules[0]!, meta: { ...rules[0]!.meta, fix: 'none' } }).meta!;
    assert.deepEqual([none.fixable, none.hasSuggestions], [undefined, undefined]);
  });

  it('builds the recommended and all flat configs from the presets', () => {
    assert.deepEqual(plugin.configs.recommended, {
      name: 'promptlint/recommended',
      plugins: { promptlint: plugin },
      rules: {
        'promptlint/no-dynamic-prompt-prefix': 'warn',
        'promptlint/no-verbose-system-prompt': 'warn',
        'promptlint/require-max-tokens': 'error',
        'promptlint/require-stop-sequences': 'warn',
      },
    });
    assert.deepEqual(plugin.configs.all, {
      name: 'promptlint/all',
      plugins: { promptlint: plugin },
      rules: {
        'promptlint/no-dynamic-prompt-prefix': ['warn', { minStaticTokens: 64, rates: ['request', 'user', 'day'] }],
        'promptlint/no-verbose-system-prompt': ['warn', { minSavedTokens: 4, minSavedPercent: 1 }],
        'promptlint/require-max-tokens': 'error',
        'promptlint/require-stop-sequences': ['warn', { onlyWithEvidence: false }],
      },
    });
    assert.equal(plugin.configs.recommended.plugins!.promptlint, plugin);
  });

  it('lints with a config that is just `[promptlint.configs.recommended]`', () => {
    const messages = new Linter().verify(UNCAPPED, [plugin.configs.recommended], { filename: 'ask.js' });
    assert.deepEqual(summary(messages), ['promptlint/require-max-tokens:missing 6:3-6:33']);
    assert.equal(messages[0]!.severity, 2);
  });
});

describe('shared analysis', () => {
  it('gives every promptlint rule the one analysis made for the file’s SourceCode', () => {
    // A rule created first empties the shared analysis: if any promptlint rule parsed the file
    // again, it would find the call site and report.
    const emptier: EslintRule.RuleModule = {
      create(context) {
        sharedAnalysis(context.sourceCode, context)!.sites.length = 0;
        return {};
      },
    };
    const everything = plugin.configs.all.rules as Linter.RulesRecord;
    const linter = new Linter();
    const withEmptier: Linter.Config[] = [
      { files: JS_FILES, plugins: { test: { rules: { emptier } }, promptlint: plugin }, rules: { 'test/emptier': 'error', ...everything } },
    ];
    assert.deepEqual(linter.verify(UNCAPPED, withEmptier, { filename: 'ask.js' }), []);
    // A new SourceCode (the same text linted again) gets a fresh analysis.
    assert.deepEqual(summary(linter.verify(UNCAPPED, config(everything), { filename: 'ask.js' })), [
      'promptlint/require-max-tokens:missing 6:3-6:33',
      'promptlint/require-stop-sequences:missing 6:3-6:33',
    ]);
  });
});

describe('bad input', () => {
  it('reports only ESLint’s parsing error on a file that does not parse, and does not throw', () => {
    const text = `${UNCAPPED}\nconst = ;\n`;
    const messages = new Linter().verify(text, config({ 'promptlint/require-max-tokens': 'error' }), { filename: 'broken.js' });
    assert.deepEqual(messages.map((m) => [m.ruleId, m.fatal, m.line, m.column]), [[null, true, 7, 7]]);
  });

  const throwing: Rule = {
    id: 'throws',
    meta: { ...rules[0]!.meta, messages: { boom: 'boom' } },
    *check() {
      throw new Error('engine bug');
    },
  };
  new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } }).run('a rule whose check throws reports nothing', toEslintRule(throwing), {
    valid: [{ code: UNCAPPED, filename: 'ask.js' }],
    invalid: [],
  });

  it('leaves files that are not JavaScript or TypeScript (a .vue file linted as a whole) alone, and lints nameless text', () => {
    const linter = new Linter();
    const rule = { 'promptlint/require-max-tokens': 'error' } as const;
    assert.deepEqual(linter.verify(UNCAPPED, [{ files: ['**/*.vue'], plugins: { promptlint: plugin }, rules: rule }], { filename: 'Widget.vue' }), []);
    assert.deepEqual(summary(linter.verify(UNCAPPED, [{ plugins: { promptlint: plugin }, rules: rule }])), ['promptlint/require-max-tokens:missing 6:3-6:33']);
  });

  it('skips a minified bundle, as the CLI does', () => {
    const bundle = `${UNCAPPED.replace(/\n/g, ' ')};${Array.from({ length: 200 }, (_, i) => `function f${i}(b){return b+${i}}`).join(';')}`;
    assert.deepEqual(new Linter().verify(bundle, config({ 'promptlint/require-max-tokens': 'error' }), { filename: 'bundle.js' }), []);
  });
});

describe('positions and directives', () => {
  it('counts columns after a byte order mark the way ESLint does (the mark is not a column)', () => {
    const text = "\uFEFFimport OpenAI from 'openai'; new OpenAI().chat.completions.create({ model: 'gpt-4o', messages: [] });";
    const linter = new Linter();
    const messages = linter.verify(text, config({ 'promptlint/require-max-tokens': 'error' }), { filename: 'bom.js' });
    assert.deepEqual(summary(messages), ['promptlint/require-max-tokens:missing 1:30-1:66']);
    // Offsets count from after the mark, like every ESLint fix range.
    const { range, text: inserted } = messages[0]!.suggestions![0]!.fix;
    assert.deepEqual(range, [97, 97]);
    assert.equal(text.slice(1, range[0] + 1) + inserted + text.slice(range[1] + 1), `${text.slice(1, 98)}, max_completion_tokens: 1024 });`);
  });

  it('honours ESLint disable comments', () => {
    const text = UNCAPPED.replace('  openai.chat', '  // eslint-disable-next-line promptlint/require-max-tokens -- capped by the proxy\n  openai.chat');
    const messages = new Linter().verify(text, config({ 'promptlint/require-max-tokens': 'error' }), { filename: 'ask.js' });
    assert.deepEqual(messages, []);
  });
});

describe('settings.promptlint', () => {
  const VERBOSE = code`
    import OpenAI from 'openai';

    const openai = new OpenAI();

    export const triage = (ticket) =>
      openai.chat.completions.create({
        model: 'gpt-4o-mini',
        max_tokens: 50,
        messages: [
          { role: 'system', content: 'Please make sure to read the whole ticket. In order to pick a queue, please make sure to consider the thread. Reply with billing, shipping or other.' },
          { role: 'user', content: ticket },
        ],
      });
  `;
  const verboseRule = { 'promptlint/no-verbose-system-prompt': ['warn', { minSavedTokens: 1 }] } as Linter.RulesRecord;
  const eslintMessage = (text: string, settings: Record<string, unknown>, file: string, cwd: string) => {
    const messages = new Linter({ cwd }).verify(text, config(verboseRule, { promptlint: settings }), { filename: join(cwd, file) });
    assert.equal(messages.length, 1, JSON.stringify(messages));
    return messages[0]!.message;
  };
  // The same finding from the engine, given the engine's Settings directly.
  const engineMessage = (text: string, settings: Settings) => {
    const verbose = rules.find((rule) => rule.id === 'no-verbose-system-prompt')!;
    const options = { ...verbose.meta.defaultOptions, minSavedTokens: 1 };
    const result = lintAnalysis(analyzeSource('a.js', text), { registry: rules, rules: new Map([[verbose.id, { severity: 1, options }]]), settings });
    assert.equal(result.messages.length, 1);
    return result.messages[0]!.message;
  };

  it('takes traffic (first matching glob, relative to the cwd, else default), pricing and defaultModel', () => {
    const cwd = join(tmpdir(), 'promptlint-settings');
    const pricing = { 'gpt-4o-mini': { input: 10, output: 40 } };
    const traffic = { 'src/jobs/**': 100_000, default: 1000 };
    const cases: Array<[Record<string, unknown>, string, Settings, RegExp]> = [
      [{}, 'src/app.js', {}, /of input per 1,000 calls\.$/],
      [{ pricing }, 'src/app.js', { pricing }, /of input per 1,000 calls\.$/],
      [{ pricing, traffic }, 'src/jobs/nightly.js', { pricing, callsPerDay: 100_000 }, /of input per month\.$/],
      [{ pricing, traffic }, 'src/app.js', { pricing, callsPerDay: 1000 }, /of input per month\.$/],
      // No glob matches and there is no `default`: the figure stays per 1,000 calls.
      [{ pricing, traffic: { 'src/jobs/**': 100_000 } }, 'src/app.js', { pricing }, /of input per 1,000 calls\.$/],
    ];
    const seen = new Set<string>();
    for (const [settings, file, engineSettings, period] of cases) {
      const message = eslintMessage(VERBOSE, settings, file, cwd);
      assert.equal(message, engineMessage(VERBOSE, engineSettings), `${JSON.stringify(settings)} on ${file}`);
      assert.match(message, period);
      seen.add(message);
    }
    assert.equal(seen.size, cases.length - 1, 'each setting changes the figure');
    const unpriced = VERBOSE.replace("model: 'gpt-4o-mini',\n", '');
    assert.match(eslintMessage(unpriced, { defaultModel: 'house-model-7' }, 'a.js', cwd), /\(no price known for house-model-7\)\.$/);
  });

  it('rejects malformed settings with the path of the bad value', () => {
    const verify = (settings: unknown) => new Linter().verify(UNCAPPED, config({ 'promptlint/require-max-tokens': 'error' }, { promptlint: settings }), { filename: 'ask.js' });
    assert.throws(() => verify({ traffic: -1 }), /invalid settings\.promptlint\.traffic: expected number >= 0, got -1/);
    assert.throws(() => verify({ traffic: { 'src/**': 'lots' } }), /invalid settings\.promptlint\.traffic\["src\/\*\*"\]: expected number >= 0, got "lots"/);
    assert.throws(() => verify({ pricing: { 'gpt-4o': { input: 1 } } }), /invalid settings\.promptlint\.pricing\.gpt-4o: missing required key "output"/);
    assert.throws(() => verify({ callsPerDay: 5 }), /invalid settings\.promptlint\.callsPerDay: unknown key/);
  });
});

describe('files on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'promptlint-eslint-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  it('uses the SDK majors of the nearest package.json (AI SDK 4 names the cap maxTokens)', () => {
    write('package.json', JSON.stringify({ name: 'legacy', private: true, dependencies: { ai: '^4.3.0' } }));
    const text = code`
      import { generateText } from 'ai';
      import { openai } from '@ai-sdk/openai';

      export const ask = (prompt) => generateText({ model: openai('gpt-4o'), prompt });
    `;
    write('src/ask.js', text);
    const messages = new Linter({ cwd: dir }).verify(text, config({ 'promptlint/require-max-tokens': 'error' }), { filename: join(dir, 'src/ask.js') });
    assert.deepEqual(messages.map((m) => m.suggestions?.map((s) => s.desc)), [['Add maxTokens: 1024.']]);
  });

  it('follows imports into other modules and sees them change on disk', () => {
    const wordy = 'Please make sure to read the whole ticket. In order to pick a queue, please make sure to consider the thread. Reply with billing, shipping or other.';
    write('src/prompts.js', `export const TRIAGE = '${wordy}';\n`);
    const text = code`
      import OpenAI from 'openai';
      import { TRIAGE } from './prompts.js';

      const openai = new OpenAI();

      export const triage = (ticket) =>
        openai.chat.completions.create({
          model: 'gpt-4o-mini',
          max_tokens: 50,
          messages: [{ role: 'system', content: TRIAGE }, { role: 'user', content: ticket }],
        });
    `;
    const lint = () =>
      new Linter({ cwd: dir }).verify(text, config({ 'promptlint/no-verbose-system-prompt': ['warn', { minSavedTokens: 1 }] }), { filename: join(dir, 'src/triage.js') });
    const first = lint();
    // The prompt lives in another file: the finding points at the call and carries no edit of this one.
    assert.deepEqual(summary(first), ['promptlint/no-verbose-system-prompt:verbose 7:3-7:33']);
    assert.equal(first[0]!.fix, undefined);
    assert.equal(first[0]!.suggestions, undefined);
    write('src/prompts.js', "export const TRIAGE = 'Reply with billing, shipping or other.';\n");
    assert.deepEqual(lint(), []);
  });

  it('does not follow imports of a file that is not on disk as such (a processor’s code block)', () => {
    write('src/prompts.js', "export const TRIAGE = 'Please make sure to read the whole ticket. In order to pick a queue, please make sure to consider the thread.';\n");
    const text = "import OpenAI from 'openai';\nimport { TRIAGE } from './prompts.js';\nnew OpenAI().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: TRIAGE }] });\n";
    const processor: Linter.Processor = { preprocess: (source) => [{ text: source, filename: 'block.js' }], postprocess: (lists) => lists.flat(), supportsAutofix: true };
    const messages = new Linter({ cwd: dir }).verify(
      text,
      [
        { files: ['**/*.md'], plugins: { test: { processors: { md: processor } } }, processor: 'test/md' },
        ...config({ 'promptlint/require-max-tokens': 'error', 'promptlint/no-verbose-system-prompt': ['warn', { minSavedTokens: 1 }] }),
      ],
      { filename: join(dir, 'src/README.md') },
    );
    // The block is linted (the call has no cap) but its import is not followed, so no verbose prompt.
    assert.deepEqual(summary(messages), ['promptlint/require-max-tokens:missing 3:1-3:37']);
  });
});
