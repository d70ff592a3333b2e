// The pre-commit path: `promptlint --staged` on 10 staged files, as a whole process, against a
// baseline child process that starts Node, loads TypeScript and parses the same 10 files.
// Run after `npm run build`: node bench/pre-commit.mjs [runs]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist/src/cli/bin.js');
const runs = Number(process.argv[2] ?? 7);

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const example = join(root, 'examples/support-desk');
const files = sourceFiles(join(example, 'src')).slice(0, 10);
const repo = mkdtempSync(join(tmpdir(), 'promptlint-bench-hook-'));
const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
git('init', '-q');
git('config', 'user.email', 'bench@example.com');
git('config', 'user.name', 'bench');
copyFileSync(join(example, 'package.json'), join(repo, 'package.json'));
const staged = files.map((file) => {
  const target = join(repo, relative(example, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
  return target;
});
git('add', '-A');

const baselineScript = join(repo, 'baseline.cjs');
writeFileSync(
  baselineScript,
  `const ts = require(${JSON.stringify(join(root, 'node_modules/typescript'))});
const fs = require('fs');
for (const file of ${JSON.stringify(staged)}) ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
`,
);

function time(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: repo, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const hook = [];
const empty = [];
const baseline = [];
time(process.execPath, [bin, '--staged']);
for (let i = 0; i < runs; i++) {
  hook.push(time(process.execPath, [bin, '--staged']));
  empty.push(time(process.execPath, ['-e', '']));
  baseline.push(time(process.execPath, [baselineScript]));
}
rmSync(repo, { recursive: true, force: true });

const h = median(hook);
const b = median(baseline);
console.log(`pre-commit path: promptlint --staged on ${staged.length} staged files of examples/support-desk (${runs} runs, medians)`);
console.log(`  node -e ""                         ${median(empty).toFixed(0)} ms`);
console.log(`  baseline (start-up + parse files)   ${b.toFixed(0)} ms`);
console.log(`  promptlint --staged                 ${h.toFixed(0)} ms`);
console.log(`  ratio                               ${(h / b).toFixed(2)}x (target <= 2x)`);
console.log(`BENCH_JSON ${JSON.stringify({ preCommit: { files: staged.length, hookMs: h, baselineMs: b, nodeMs: median(empty), ratio: h / b } })}`);
