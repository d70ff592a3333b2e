import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';

export function now() {
  return process.hrtime.bigint();
}

export function msSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function maxRssMb() {
  // resourceUsage().maxRSS is in kilobytes.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function ratio(a, b) {
  return b > 0 ? Math.round((a / b) * 100) / 100 : null;
}

export function ms(value) {
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

/**
 * Name and commit of a checkout: from git when the folder is itself a repository root (a folder
 * inside another repository would otherwise report the outer HEAD), else from its .bench-commit
 * file, which holds `<owner>/<name> <commit>`.
 */
export function identify(dir) {
  const id = { name: basename(dir), dir, repo: null, commit: null, source: 'unknown' };
  try {
    const top = execFileSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (realpathSync(top) === realpathSync(dir)) {
      id.commit = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      try {
        const url = execFileSync('git', ['-C', dir, 'remote', 'get-url', 'origin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
        id.repo = url.replace(/^.*github\.com[/:]/, '').replace(/\.git$/, '') || null;
      } catch {
        // No origin remote: the name stays the folder's.
      }
      id.source = 'git';
      return id;
    }
  } catch {
    // Not a git checkout; fall through to .bench-commit.
  }
  const marker = join(dir, '.bench-commit');
  if (existsSync(marker)) {
    const [first, second] = readFileSync(marker, 'utf8').trim().split(/\s+/);
    if (second) {
      id.repo = first;
      id.commit = second;
    } else {
      id.commit = first ?? null;
    }
    id.source = '.bench-commit';
  }
  return id;
}

export function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows
    .map((row) => row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  '))
    .join('\n');
}
