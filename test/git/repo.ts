import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// A test run started from inside a git hook inherits GIT_DIR, GIT_INDEX_FILE and friends, which
// would point the code under test at the outer repository. The user's global config stays out too.
for (const key of Object.keys(process.env)) if (key.startsWith('GIT_')) delete process.env[key];
process.env.GIT_CONFIG_NOSYSTEM = '1';
process.env.GIT_CONFIG_GLOBAL = '/dev/null';

export function tempDir(prefix: string): string {
  // realpath: git reports the top level with symlinks resolved (macOS /var → /private/var).
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function run(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

export function initRepo(dir: string): string {
  run(dir, 'init', '-q', '-b', 'main');
  run(dir, 'config', 'user.email', 'test@example.com');
  run(dir, 'config', 'user.name', 'Test');
  run(dir, 'config', 'commit.gpgsign', 'false');
  run(dir, 'config', 'core.autocrlf', 'false');
  return dir;
}

export function commitAll(dir: string, message: string): void {
  run(dir, 'add', '-A');
  run(dir, 'commit', '-q', '--no-verify', '-m', message);
}

export function lines(count: number, label = 'line'): string {
  return Array.from({ length: count }, (_, i) => `${label} ${i + 1}\n`).join('');
}
