import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

// End-to-end helpers: the built binary, fixture projects copied to temp folders, expected files.
// Tests run from dist/test/cli; fixtures and expected outputs live in the source tree.

export const binPath = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));
export const fixturesDir = fileURLToPath(new URL('../../../test/fixtures/cli/', import.meta.url));
const expectedDir = join(fixturesDir, 'expected');

// A run started from a git hook inherits GIT_DIR, GIT_INDEX_FILE…, which would point git at the
// outer repository; FORCE_COLOR would beat NO_COLOR. The user's git config stays out too.
for (const key of Object.keys(process.env)) if (key.startsWith('GIT_')) delete process.env[key];
delete process.env.FORCE_COLOR;
process.env.GIT_CONFIG_NOSYSTEM = '1';
process.env.GIT_CONFIG_GLOBAL = '/dev/null';

/** CLI processes a test file keeps running at once: each loads TypeScript (~0.5 s of CPU). */
export const CONCURRENCY = 3;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/src/cli/bin.js …` without blocking, so independent runs can overlap. */
export function runCli(args: readonly string[], options: { cwd: string; input?: string; env?: Record<string, string> }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/**
 * The same CLI in this process, through `main()` of the built dist/src/cli/main.js: no process start,
 * so long tables of error cases stay cheap. bin.js only adds `process.exitCode = await main(…)`.
 */
export async function runMain(args: readonly string[], options: { cwd: string; input?: string; env?: Record<string, string> }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const status = await main([...args], {
    cwd: options.cwd,
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    stdin: Readable.from([Buffer.from(options.input ?? '')]),
    env: { NO_COLOR: '1', ...options.env },
  });
  return { status, stdout, stderr };
}

const tempDirs: string[] = [];
process.on('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the OS temp dir, removed when the test process exits. */
export function tempDir(prefix = 'promptlint-cli-'): string {
  // realpath: git and the CLI report resolved paths (macOS /var → /private/var).
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  tempDirs.push(dir);
  return dir;
}

/**
 * Copies test/fixtures/cli/<name> into a temp folder: no config file or .gitignore of this
 * repository sits above it, and fixes may write to it.
 */
export function copyFixture(name: string): string {
  const dir = join(tempDir(`promptlint-${name}-`), name);
  cpSync(join(fixturesDir, name), dir, { recursive: true });
  return dir;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Every file under `root` (relative path → bytes), to prove a run wrote nothing. */
export function snapshotTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(root, path), readFileSync(path).toString('base64'));
    }
  };
  walk(root);
  return out;
}

/** Compares with test/fixtures/cli/expected/<name>, or rewrites it when UPDATE=1. */
export function assertExpected(name: string, actual: string): void {
  const path = join(expectedDir, name);
  if (process.env.UPDATE === '1') {
    mkdirSync(expectedDir, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `missing ${path}: run the tests with UPDATE=1 and review the file`);
  assert.equal(actual, readFileSync(path, 'utf8'));
}

/** Lint JSON with the project's absolute path replaced by `<root>`, pretty-printed for review. */
export function normalizeJson(text: string, root: string): string {
  const parsed = JSON.parse(text) as unknown;
  const replaced = JSON.stringify(parsed, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(root) ? `<root>${value.slice(root.length)}` : value,
  2);
  return `${replaced}\n`;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function initRepo(dir: string): string {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'user.name', 'Test');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'config', 'core.autocrlf', 'false');
  return dir;
}

export function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--no-verify', '-m', message);
}
