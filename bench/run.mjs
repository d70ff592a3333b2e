// `npm run bench`: how long `inventory` takes on real repositories, against the floor of reading
// and of bare-parsing the same files. Each repository is measured in its own child process so
// peak RSS and the tokenizer check belong to that repository alone. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { identify, maxRssMb, median, ms, msSince, now, ratio, table } from './lib.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const SELF = fileURLToPath(import.meta.url);

// The repositories named by the issue; `.bench-cache/<name>` holds a checkout of `commit`.
const DEFAULT_REPOS = [
  { name: 'chatbot-ui', repo: 'mckaywrigley/chatbot-ui', commit: '81328b61d2a4ab597a7a057be70e785cf756d9f8', role: 'app' },
  { name: 'vercel-ai', repo: 'vercel/ai', commit: 'ed857f50f112e23930b0c2dd8d532cc8bebbc911', role: 'monorepo' },
];

const REPS = Math.max(1, Number(process.env.PROMPTLINT_BENCH_REPS ?? 3));
const MAX_FILES = Number(process.env.PROMPTLINT_BENCH_MAX_FILES ?? 0) || Infinity;
const APP_TARGET = 0.5;
const PARSED_TARGET = 1.5;

const dist = (path) => pathToFileURL(join(DIST, path)).href;

// The first MAX_FILES discovered files, passed as explicit paths, when the cap applies; every
// phase then walks the same list so the baselines stay comparable.
async function scanPathsFor(dir) {
  if (MAX_FILES === Infinity) return { paths: ['.'], total: null };
  const { discoverFiles } = await import(dist('src/scan/discover.js'));
  const { files } = discoverFiles(['.'], dir);
  return files.length > MAX_FILES ? { paths: files.slice(0, MAX_FILES), total: files.length } : { paths: ['.'], total: null };
}

function collectGarbage() {
  globalThis.gc?.();
}

async function phasesWorker(dir) {
  const { discoverFiles } = await import(dist('src/scan/discover.js'));
  const { parseSource } = await import(dist('src/scan/parse.js'));
  const { scanProject } = await import(dist('src/engine/project.js'));
  const { ProjectModules } = await import(dist('src/engine/modules.js'));
  const { runInventory } = await import(dist('src/engine/inventory.js'));
  const { paths, total } = await scanPathsFor(dir);
  if (discoverFiles(paths, dir).files.length === 0) return { discovered: 0 };
  const eslintParser = loadEslintParser();

  let parsedFiles = null;
  let scan = null;
  let inventory = null;
  let bytesRead = 0;

  const phases = {
    discover: () => discoverFiles(paths, dir),
    read: () => {
      bytesRead = 0;
      for (const file of discoverFiles(paths, dir).files) bytesRead += readFileSync(file, 'utf8').length;
    },
    parseAll: () => {
      for (const file of discoverFiles(paths, dir).files) parseSource(file, readFileSync(file, 'utf8'));
    },
    parseParsed: () => {
      discoverFiles(paths, dir);
      for (const file of parsedFiles) parseSource(file, readFileSync(file, 'utf8'));
    },
    scan: () => scanProject(paths, { cwd: dir }, () => {}),
    inventory: async () => {
      inventory = await runInventory(paths, { cwd: dir });
    },
    inventoryNoPrefilter: () => runInventory(paths, { cwd: dir, noPrefilter: true }),
  };
  if (eslintParser) {
    phases.eslintParse = () => {
      for (const file of discoverFiles(paths, dir).files) {
        eslintParser.parseForESLint(readFileSync(file, 'utf8'), { filePath: file, range: true, loc: true, tokens: true, comment: true });
      }
    };
  }

  const runs = Object.fromEntries(Object.keys(phases).map((name) => [name, []]));
  for (let pass = 0; pass <= REPS; pass++) {
    for (const [name, phase] of Object.entries(phases)) {
      if (name === 'parseParsed' && parsedFiles === null) {
        // The files the scan really parses, collected once, outside any timing: those it analyses
        // and the modules it parses to follow their imports.
        const parsed = new Set();
        const { load } = ProjectModules.prototype;
        ProjectModules.prototype.load = function (fromFile, specifier) {
          const ctx = load.call(this, fromFile, specifier);
          if (ctx) parsed.add(ctx.file);
          return ctx;
        };
        try {
          scan = scanProject(paths, { cwd: dir }, (scanned) => parsed.add(scanned.file));
        } finally {
          ProjectModules.prototype.load = load;
        }
        parsedFiles = [...parsed];
      }
      collectGarbage();
      const start = now();
      await phase();
      runs[name].push(msSince(start));
    }
    process.stderr.write(`  ${basename(dir)}: pass ${pass + 1}/${REPS + 1} done${pass === 0 ? ' (cold)' : ''}\n`);
  }
  const discovery = discoverFiles(paths, dir);
  return {
    parseInsideInventory: await parseInsideInventory(() => runInventory(paths, { cwd: dir })),
    discovered: discovery.files.length,
    capped: total === null ? null : { total, used: paths.length },
    stats: scan.stats,
    parsedFiles: parsedFiles.length,
    bytesReadAll: bytesRead,
    callSites: inventory.callSites.length,
    errors: inventory.errors.length,
    cold: Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, values[0]])),
    warm: Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, median(values.slice(1))])),
    best: Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, Math.min(...values.slice(1))])),
    runs,
    eslintParser: eslintParser ? 'present' : 'absent',
    peakRssMb: maxRssMb(),
  };
}

// Every createSourceFile call inside one inventory, through TypeScript's own performance marks: the
// scan's list (onFile) misses modules parsed only to follow an import. Untimed, as marks cost a little.
async function parseInsideInventory(run) {
  const ts = createRequire(join(DIST, 'src/scan/parse.js'))('typescript');
  if (typeof ts.performance?.enable !== 'function') return null;
  ts.performance.enable();
  const start = now();
  await run();
  const totalMs = msSince(start);
  const result = { calls: ts.performance.getCount('beforeParse'), parseMs: ts.performance.getDuration('Parse'), totalMs };
  ts.performance.disable();
  return result;
}

// Never installed by this project; measured only when a user has it.
function loadEslintParser() {
  try {
    return createRequire(join(ROOT, 'package.json'))('@typescript-eslint/parser');
  } catch {
    return null;
  }
}

// A fresh process running inventory once: the cost a user pays, module loading included.
async function inventoryWorker(dir) {
  const start = now();
  const { runInventory } = await import(dist('src/engine/inventory.js'));
  const loaded = msSince(start);
  // Computing a capped file list is not part of the cost being measured.
  const { paths } = await scanPathsFor(dir);
  const scanStart = now();
  const report = await runInventory(paths, { cwd: dir });
  const total = loaded + msSince(scanStart);
  const { loadedEncodings } = await import(dist('src/tokens/count.js'));
  const tokenizerLoaded = loadedEncodings().length > 0;
  return {
    moduleLoadMs: loaded,
    totalMs: total,
    sinceProcessStartMs: performance.now(),
    callSites: report.callSites.length,
    systemPromptsCounted: report.callSites.filter((site) => site.system.tokens !== undefined).length,
    tokenizerLoaded,
    peakRssMb: maxRssMb(),
  };
}

async function tokenizerWorker() {
  const { countTokens } = await import(dist('src/tokens/count.js'));
  const start = now();
  countTokens('hello world', 'o200k_base');
  return { loadMs: msSince(start) };
}

function runWorker(kind, dir) {
  const args = ['--expose-gc', SELF, '--worker', kind];
  if (dir) args.push(dir);
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  const line = child.stdout.split('\n').find((text) => text.startsWith('BENCH_WORKER '));
  if (child.status !== 0 || !line) throw new Error(`${kind} worker for ${dir ?? '-'} failed (exit ${child.status}): ${child.stdout.slice(-2000)}`);
  return JSON.parse(line.slice('BENCH_WORKER '.length));
}

function wallTime(args, cwd) {
  const start = now();
  const child = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: msSince(start), status: child.status, stdout: child.stdout, stderr: child.stderr };
}

function cliBench(dir, capped) {
  const bin = join(DIST, 'src/cli/bin.js');
  if (!existsSync(bin)) return { skipped: 'dist/src/cli/bin.js does not exist (CLI not built yet)' };
  if (capped) return { skipped: 'repository capped by PROMPTLINT_BENCH_MAX_FILES; the CLI would scan all of it' };
  // The folder as an argument, not as cwd: a child's cwd is the real path, which would defeat a
  // symlinked checkout.
  const run = wallTime([bin, 'inventory', dir, '--format', 'json'], ROOT);
  let callSites = null;
  try {
    callSites = JSON.parse(run.stdout).callSites.length;
  } catch {
    // Reported below as unparsable output.
  }
  const baseline = median([0, 1, 2].map(() => wallTime(['-e', "require('typescript')"], ROOT).ms));
  const bare = median([0, 1, 2].map(() => wallTime(['-e', '0'], ROOT).ms));
  return { ms: run.ms, status: run.status, callSites, stderr: run.stderr.slice(0, 500), nodeTypescriptMs: baseline, nodeBareMs: bare };
}

/** Runs another bench script as a section of this run; its BENCH_JSON line is folded into ours. */
function scriptSection(file, title) {
  const script = join(ROOT, 'bench', file);
  if (!existsSync(script)) return { skipped: `bench/${file} does not exist` };
  console.log(`\n== ${title} (bench/${file})`);
  const child = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: process.env, maxBuffer: 64 * 1024 * 1024 });
  let json = null;
  for (const line of child.stdout.split('\n')) {
    if (line.startsWith('BENCH_JSON ')) json = JSON.parse(line.slice('BENCH_JSON '.length));
    else if (line) console.log(line);
  }
  return { status: child.status, result: json };
}

function repoDirs() {
  const env = process.env.PROMPTLINT_BENCH_REPOS;
  if (env) return env.split(':').filter(Boolean).map((dir) => resolve(dir));
  const cache = join(ROOT, '.bench-cache');
  const found = [];
  for (const wanted of DEFAULT_REPOS) {
    const dir = join(cache, wanted.name);
    if (existsSync(dir)) found.push(dir);
    else console.log(`missing ${dir}: clone ${wanted.repo} at ${wanted.commit} there (see bench/README.md)`);
  }
  if (existsSync(cache)) {
    for (const name of readdirSync(cache)) {
      const dir = join(cache, name);
      if (!found.includes(dir) && statSync(dir).isDirectory()) found.push(dir);
    }
  }
  return found;
}

function report(id, known, phases, fresh, cli) {
  const role = known?.role ?? 'unknown';
  console.log(`\n== ${id.name}  ${id.repo ?? known?.repo ?? '(repository unknown)'} @ ${id.commit ?? '(commit unknown)'}  [${role}; commit from ${id.source}]`);
  if (known && id.commit && id.commit !== known.commit) console.log(`   note: the named commit is ${known.commit}; this checkout differs, so figures are not comparable`);
  if (phases.capped) console.log(`   CAPPED: measuring the first ${phases.capped.used} of ${phases.capped.total} discovered files (PROMPTLINT_BENCH_MAX_FILES)`);
  const s = phases.stats;
  console.log(
    `   files: ${phases.discovered} discovered, ${s.read} read by the scan, ${s.parsed} parsed (${Math.round((100 * s.parsed) / Math.max(1, phases.discovered))}%); ` +
      `${Math.round(phases.bytesReadAll / 1024)} KB read, ${Math.round(s.bytesParsed / 1024)} KB parsed; ${phases.callSites} call sites, ${phases.errors} errors`,
  );
  const { cold: c, warm: w, best: b } = phases;
  const row = (label, name) => [label, ms(c[name]), ms(w[name]), ms(b[name])];
  const rows = [
    ['phase', 'cold (1st pass)', 'warm median', 'warm min'],
    row('(1) discover', 'discover'),
    row('(2) read = discover + readFileSync all', 'read'),
    row('(3) parse all = (2) + parseSource each', 'parseAll'),
    row('(4) = (1) + read and parse the files the scan parses, imports included', 'parseParsed'),
    row('    scan only (scanProject, no inventory output)', 'scan'),
    row('(5) inventory', 'inventory'),
    row('(6) inventory, prefilter off', 'inventoryNoPrefilter'),
  ];
  if (w.eslintParse !== undefined) rows.push(row('(7) typescript-eslint parse all', 'eslintParse'));
  console.log(indent(table(rows)));
  const r = ratios(phases);
  const check = (value, target) => (value === null ? '' : value <= target ? 'PASS' : 'FAIL');
  const ratioRows = [
    [`ratio (warm min of ${REPS})`, 'value', 'target', ''],
    ['inventory / read', `${r.inventoryToRead}x`, '', ''],
    ['inventory / parse all', `${r.inventoryToParseAll}x`, role === 'app' ? `<= ${APP_TARGET}x` : '(app only)', role === 'app' ? check(r.inventoryToParseAll, APP_TARGET) : ''],
    ['inventory / parse of parsed files', `${r.inventoryToParseParsed}x`, `<= ${PARSED_TARGET}x`, check(r.inventoryToParseParsed, PARSED_TARGET)],
    ['inventory, prefilter off / parse all', `${r.noPrefilterToParseAll}x`, '', ''],
  ];
  if (r.eslintToParseAll !== null) ratioRows.push(['typescript-eslint parse / parse all', `${r.eslintToParseAll}x`, '', '']);
  console.log(indent(table(ratioRows)));
  const inside = phases.parseInsideInventory;
  if (inside) {
    console.log(
      `   inside one inventory: ${inside.calls} createSourceFile calls (the scan reports ${s.parsed} parsed files; the rest follow imports; (4) parses ${phases.parsedFiles}), ` +
        `${ms(inside.parseMs)} parsing = ${Math.round((100 * inside.parseMs) / inside.totalMs)}% of that run's ${ms(inside.totalMs)}`,
    );
  }
  console.log(`   prefilter saves ${r.prefilterSavesPercent}% (inventory ${ms(b.inventory)} vs ${ms(b.inventoryNoPrefilter)} with it off)`);
  console.log(`   peak RSS: ${phases.peakRssMb} MB for all phases in one process; ${fresh.peakRssMb} MB for one inventory in a fresh process`);
  console.log(
    `   fresh process: inventory ${ms(fresh.totalMs)} (module load ${ms(fresh.moduleLoadMs)}), ${ms(fresh.sinceProcessStartMs)} since process start; ` +
      `tokenizer loaded: ${fresh.tokenizerLoaded ? 'yes' : 'no'} (${fresh.systemPromptsCounted} system prompts counted)`,
  );
  if (fresh.callSites !== phases.callSites) console.log(`   WARNING: fresh-process inventory found ${fresh.callSites} call sites, the measured one ${phases.callSites}`);
  if (cli.skipped) console.log(`   CLI: skipped — ${cli.skipped}`);
  else {
    console.log(
      `   CLI: \`promptlint inventory <dir> --format json\` ${ms(cli.ms)} wall (exit ${cli.status}, ${cli.callSites ?? 'unparsable output:'} call sites); ` +
        `baseline \`node -e "require('typescript')"\` ${ms(cli.nodeTypescriptMs)}, bare node ${ms(cli.nodeBareMs)}`,
    );
    if (cli.callSites === null || cli.callSites !== phases.callSites) console.log(`   WARNING: CLI output differs from the library run. stderr: ${cli.stderr}`);
  }
  return r;
}

// From the fastest warm pass of each phase: on a shared machine other load only ever adds time.
function ratios(phases) {
  const w = phases.best;
  return {
    inventoryToRead: ratio(w.inventory, w.read),
    inventoryToParseAll: ratio(w.inventory, w.parseAll),
    inventoryToParseParsed: ratio(w.inventory, w.parseParsed),
    noPrefilterToParseAll: ratio(w.inventoryNoPrefilter, w.parseAll),
    eslintToParseAll: w.eslintParse === undefined ? null : ratio(w.eslintParse, w.parseAll),
    prefilterSavesPercent: Math.round((100 * (w.inventoryNoPrefilter - w.inventory)) / w.inventoryNoPrefilter),
  };
}

function indent(text) {
  return text.replace(/^/gm, '   ');
}

async function main() {
  const started = now();
  if (!existsSync(join(DIST, 'src/engine/inventory.js'))) {
    console.error('dist/ is missing: run `npm run build` first (or use `npm run bench`).');
    process.exit(1);
  }
  const dirs = repoDirs();
  if (dirs.length === 0) {
    console.error('No repositories to measure. Set PROMPTLINT_BENCH_REPOS or fill .bench-cache/ (see bench/README.md).');
    process.exit(1);
  }
  console.log(
    `promptlint bench — node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)}; ` +
      `${REPS} measured passes after a cold one; ${MAX_FILES === Infinity ? 'no file cap' : `cap ${MAX_FILES} files`}`,
  );
  const tokenizer = runWorker('tokenizer');
  const results = [];
  let failed = false;
  for (const dir of dirs) {
    const id = identify(dir);
    const known = DEFAULT_REPOS.find((repo) => repo.name === id.name || repo.repo === id.repo);
    process.stderr.write(`measuring ${id.name} ...\n`);
    const phases = runWorker('phases', dir);
    if (phases.discovered === 0) {
      console.log(`\n== ${id.name}: 0 source files discovered in ${dir}. Is the folder ignored by a .gitignore above it, or empty?`);
      failed = true;
      continue;
    }
    const fresh = runWorker('inventory', dir);
    const cli = cliBench(dir, phases.capped !== null);
    const r = report(id, known, phases, fresh, cli);
    results.push({ name: id.name, repo: id.repo ?? known?.repo ?? null, commit: id.commit, role: known?.role ?? null, ...phases, ratios: r, freshProcess: fresh, cli });
  }

  console.log(`\n== tokenizer\n   loading the o200k_base tokenizer (first countTokens call): ${ms(tokenizer.loadMs)}`);
  const app = results.find((result) => result.role === 'app');
  if (app) console.log(`   = ${ratio(tokenizer.loadMs, app.best.parseAll)}x the bare parse of all of ${app.name} (${ms(app.best.parseAll)})`);
  const eslint = results.some((result) => result.eslintParser === 'present')
    ? 'measured as phase (7): typescript-eslint parser only, no rule or traversal'
    : 'skipped: @typescript-eslint/parser is not installed (this project does not depend on it)';
  console.log(`\n== eslint-baseline\n   ${eslint}`);
  const preCommit = scriptSection('pre-commit.mjs', 'pre-commit hook (issue 6: <= 2x start-up + parse)');
  const eslintPlugin = scriptSection('eslint-plugin.mjs', 'ESLint plugin (issue 6: shared analysis <= 1.5x a parse)');
  const compress = scriptSection('compress.mjs', 'compress');
  const seconds = Math.round(msSince(started) / 1000);
  console.log(`\ntotal bench time ${seconds} s; load average now ${loadavg()[0].toFixed(2)} (above ${cpus().length} means other work competed for the CPU)`);
  console.log(`BENCH_JSON ${JSON.stringify({ node: process.version, cores: cpus().length, loadAverage: loadavg()[0], reps: REPS, maxFiles: MAX_FILES === Infinity ? null : MAX_FILES, tokenizer, eslintBaseline: eslint, repos: results, preCommit, eslintPlugin, compress, seconds })}`);
  if (failed) process.exitCode = 1;
}

if (process.argv[2] === '--worker') {
  const [, , , kind, dir] = process.argv;
  const workers = { phases: phasesWorker, inventory: inventoryWorker, tokenizer: tokenizerWorker };
  const result = await workers[kind](dir);
  console.log(`BENCH_WORKER ${JSON.stringify(result)}`);
} else {
  await main();
}
