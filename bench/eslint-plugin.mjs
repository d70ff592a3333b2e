// `node bench/eslint-plugin.mjs` (after `npm run build`): what the ESLint plugin adds per
// file, as a ratio to one `ts.createSourceFile` of the same file (issue target: <= 1.5x). The plugin's
// steps are timed directly (shared analysis, rule checks), and ESLint's Linter verifies the same texts
// with the plugin loaded and no rule on, with one cheap rule and with `configs.recommended`. Two
// corpora: the example project compiled to JavaScript (most files call a model) and ESLint's own rule
// files (none do). About 40 s on an idle 2-core machine.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import ts from 'typescript';
import { median, ms, msSince, now, ratio, table } from './lib.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const load = (path) => import(pathToFileURL(join(ROOT, 'dist', path)).href);
const { default: plugin } = await load('eslint-plugin/index.js');
const { parseSource } = await load('src/scan/parse.js');
const { prefilter } = await load('src/scan/prefilter.js');
const { sharedAnalysis } = await load('eslint-plugin/analysis.js');
const { runRule } = await load('eslint-plugin/to-eslint-rule.js');
const { rules } = await load('rules/index.js');
const { presetRules } = await load('src/engine/presets.js');

const ESLINT_FILES = 40;

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** The example project compiled to ES modules on disk, so its relative imports resolve as in a real run. */
function exampleCorpus(tmp) {
  const src = join(ROOT, 'examples/support-desk/src');
  return walk(src).map((file) => {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    });
    const path = join(tmp, relative(src, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, outputText);
    return { path, text: outputText };
  });
}

/** ESLint's rule files (CommonJS with relative requires, no model calls), copied out of node_modules, which ESLint ignores. */
function eslintRulesCorpus(tmp) {
  const dir = join(tmp, 'eslint-rules');
  cpSync(join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'lib/rules'), dir, { recursive: true });
  return walk(dir)
    .filter((path) => path.endsWith('.js'))
    .slice(0, ESLINT_FILES)
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

const recommended = [...presetRules(rules, 'recommended')].map(([id, setting]) => [rules.find((rule) => rule.id === id), setting.options]);

function measure(name, files, { warm, reps }, cwd) {
  const linter = new Linter({ cwd });
  const config = (rules) => [{ files: ['**/*.js'], plugins: { promptlint: plugin }, rules }];
  const configs = {
    none: config({}),
    one: config({ 'promptlint/require-max-tokens': 'error' }),
    recommended: config(plugin.configs.recommended.rules),
  };
  const identity = (file) => ({ filename: file.path, physicalFilename: file.path });
  const analyses = files.map((file) => sharedAnalysis({ text: file.text }, identity(file)));
  let findings = 0;
  const timed = (each) => () => {
    const start = now();
    files.forEach(each);
    return msSince(start);
  };
  const phases = {
    parse: timed((file) => parseSource(file.path, file.text)),
    // A fresh key per call, as ESLint makes a fresh SourceCode per file: prefilter, parse, detection, imports.
    analysis: timed((file) => sharedAnalysis({ text: file.text }, identity(file))),
    checks: timed((_, i) => {
      if (analyses[i]) for (const [rule, options] of recommended) runRule(rule, analyses[i], options, {});
    }),
    none: timed((file) => linter.verify(file.text, configs.none, { filename: file.path })),
    one: timed((file) => linter.verify(file.text, configs.one, { filename: file.path })),
    recommended: timed((file) => {
      findings += linter.verify(file.text, configs.recommended, { filename: file.path }).filter((m) => m.ruleId?.startsWith('promptlint/')).length;
    }),
  };
  // The first pass includes JIT warm-up and the tokenizer promptlint loads once per process.
  const warmup = phases.recommended();
  for (let i = 0; i < warm; i++) for (const phase of Object.values(phases)) phase();
  const samples = { parse: [], analysis: [], checks: [], none: [], one: [], recommended: [] };
  for (let i = 0; i < reps; i++) {
    findings = 0;
    const t = Object.fromEntries(Object.entries(phases).map(([key, phase]) => [key, phase()]));
    // ESLint's share is a difference of two runs: paired within one repetition, so drift cancels.
    samples.parse.push(t.parse);
    samples.analysis.push(t.analysis);
    samples.checks.push(t.checks);
    samples.none.push(t.none);
    samples.one.push(t.one - t.none);
    samples.recommended.push(t.recommended - t.none);
  }
  const count = (verdict) => files.filter((file) => prefilter(file.text) === verdict).length;
  return {
    name,
    files: files.length,
    kb: Math.round(files.reduce((sum, file) => sum + file.text.length, 0) / 1024),
    lead: `${count('sdk')}/${count('relative')}/${count('skip')}`,
    findings,
    ...Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, median(values)])),
    warmup,
  };
}

const tmp = mkdtempSync(join(tmpdir(), 'promptlint-bench-eslint-'));
try {
  const started = now();
  const results = [
    measure('example project (JS)', exampleCorpus(join(tmp, 'example')), { warm: 10, reps: 20 }, tmp),
    measure(`eslint/lib/rules (first ${ESLINT_FILES})`, eslintRulesCorpus(tmp), { warm: 1, reps: 4 }, tmp),
  ];
  const rows = [['corpus', 'files', 'KB', 'sdk/rel/skip', 'findings', 'ESLint alone', 'parse', 'shared analysis', 'rule checks', 'ESLint +1 rule', 'ESLint +recommended']];
  for (const r of results) {
    const cell = (time) => `${ms(time)} (${ratio(time, r.parse)}x)`;
    rows.push([r.name, r.files, r.kb, r.lead, r.findings, ms(r.none), ms(r.parse), cell(r.analysis), cell(r.checks), cell(r.one), cell(r.recommended)]);
  }
  console.log(table(rows));
  console.log(`
Medians over all files of a corpus; (Nx) = ratio to "parse", one ts.createSourceFile per file as the engine calls it.
shared analysis = what the first promptlint rule on a file pays, called directly: prefilter, then for a file
                  that may call a model, parse + call-site detection + imports followed. Target: <= 1.5x.
rule checks     = the recommended rules' checks over those call sites (prompt compression, token counting),
                  the same work the CLI does.
ESLint +1 rule / +recommended = ESLint with require-max-tokens / with every recommended rule, minus ESLint
                  with the plugin loaded and no rule on (paired per repetition; noisy on a busy machine).
sdk/rel/skip = prefilter verdicts: names an SDK / only a relative import (parsed if one reaches an SDK) / not parsed.
First pass with the plugin, tokenizer load included: ${results.map((r) => `${r.name} ${ms(r.warmup)}`).join('; ')}.
Node ${process.version}, ${Math.round(msSince(started) / 1000)} s.`);
  const ratios = (r) => ({ analysis: r.analysis / r.parse, checks: r.checks / r.parse, oneRule: r.one / r.parse, recommended: r.recommended / r.parse });
  console.log(`BENCH_JSON ${JSON.stringify({ eslintPlugin: results.map((r) => ({ ...r, ratios: ratios(r) })) })}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
