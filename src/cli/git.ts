import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export class GitError extends Error {
  override name = 'GitError';
}

interface GitOutput {
  status: number;
  stdout: Buffer;
  stderr: string;
}

function git(cwd: string, args: readonly string[], input?: string): GitOutput {
  const result = spawnSync('git', args, { cwd, maxBuffer: 1024 * 1024 * 1024, ...(input === undefined ? {} : { input }) });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    // spawn reports a missing cwd as ENOENT too, so name both possibilities.
    if (code === 'ENOENT') throw new GitError(`cannot run git in ${cwd} (is git installed and the directory present?)`);
    throw new GitError(`cannot run git: ${result.error.message}`);
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr.toString('utf8').trim() };
}

function gitOk(cwd: string, args: readonly string[], input?: string): Buffer {
  const out = git(cwd, args, input);
  if (out.status !== 0) {
    const firstLine = out.stderr.split('\n')[0] ?? '';
    throw new GitError(`git ${args[0]} failed${firstLine ? `: ${firstLine}` : ''}`);
  }
  return out.stdout;
}

export function gitRoot(cwd: string): string {
  const out = git(cwd, ['rev-parse', '--show-toplevel']);
  const root = out.stdout.toString('utf8').trim();
  if (out.status !== 0 || root === '') throw new GitError(`not a git repository: ${cwd}`);
  return root;
}

export interface StagedFile {
  /** Absolute path. */
  path: string;
  /** Content from the index: what the commit will contain. */
  text: string;
  /** The working-tree file has the same bytes, so edits and positions apply to it too. */
  sameAsWorkingTree: boolean;
}

const SYMLINK_MODE = '120000';
const GITLINK_MODE = '160000';

/** Staged added, copied, modified and renamed files whose absolute path passes `filter`. */
export function readStagedFiles(cwd: string, filter: (path: string) => boolean): StagedFile[] {
  const root = gitRoot(cwd);
  // --raw gives the staged blob id and mode, so symlinks and submodules can be left out.
  // Without rename detection a renamed file is simply added under its new name (and T covers
  // a symlink that became a file).
  const raw = gitOk(root, [
    'diff',
    '--cached',
    '--raw',
    '-z',
    '--no-abbrev',
    '--no-renames',
    '--no-relative',
    '--diff-filter=ACMT',
  ]);
  const wanted: Array<{ path: string; blob: string }> = [];
  const fields = raw.toString('utf8').split('\0');
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, newMode = '', , blob = ''] = (fields[i] ?? '').split(' ');
    const path = join(root, fields[i + 1] ?? '');
    if (newMode === SYMLINK_MODE || newMode === GITLINK_MODE || !filter(path)) continue;
    wanted.push({ path, blob });
  }
  const contents = readBlobs(root, wanted.map((file) => file.blob));
  return wanted.map(({ path }, i) => {
    const content = contents[i]!;
    return { path, text: content.toString('utf8'), sameAsWorkingTree: sameBytes(path, content) };
  });
}

/** Blob contents in one `git cat-file --batch` (one process per file cost about 5 ms each). */
function readBlobs(root: string, blobs: readonly string[]): Buffer[] {
  if (blobs.length === 0) return [];
  const out = gitOk(root, ['cat-file', '--batch'], `${blobs.join('\n')}\n`);
  const contents: Buffer[] = [];
  let at = 0;
  for (const blob of blobs) {
    // Each object: "<id> <type> <size>\n<content>\n"; a missing one: "<id> missing\n".
    const headerEnd = out.indexOf(10, at);
    const header = out.subarray(at, headerEnd).toString('latin1').split(' ');
    if (header[0] !== blob || header[1] !== 'blob' || headerEnd < 0) throw new GitError(`git cat-file could not read staged blob ${blob}`);
    const size = Number(header[2]);
    contents.push(out.subarray(headerEnd + 1, headerEnd + 1 + size));
    at = headerEnd + 1 + size + 1;
  }
  return contents;
}

function sameBytes(path: string, content: Buffer): boolean {
  try {
    return readFileSync(path).equals(content);
  } catch {
    return false;
  }
}

/**
 * Lines changed between the merge base of `ref` and HEAD and the working tree, so uncommitted
 * edits count. Keys are absolute paths; values are 1-based line numbers on the new side.
 * A file whose hunks only delete lines is present with an empty set.
 */
export function changedLinesSince(cwd: string, ref: string, deletions?: Map<string, Set<number>>): Map<string, Set<number>> {
  const root = gitRoot(cwd);
  if (ref === '' || ref.startsWith('-') || git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).status !== 0) {
    throw new GitError(`unknown git ref: ${ref}`);
  }
  if (git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).status !== 0) {
    throw new GitError('HEAD does not point to a commit yet');
  }
  const mergeBase = git(root, ['merge-base', ref, 'HEAD']);
  const base = mergeBase.stdout.toString('utf8').trim();
  if (mergeBase.status !== 0 || base === '') {
    const shallow = git(root, ['rev-parse', '--is-shallow-repository']).stdout.toString('utf8').trim() === 'true';
    throw new GitError(
      shallow
        ? `no merge base between ${ref} and HEAD (shallow clone? fetch more history: git fetch --unshallow)`
        : `no merge base between ${ref} and HEAD`,
    );
  }
  const diff = gitOk(root, [
    '-c',
    'core.quotePath=false',
    'diff',
    '-U0',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-relative',
    '--ignore-submodules',
    '--find-renames',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    base,
  ]);
  return parseChangedLines(diff.toString('utf8'), root, deletions);
}

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses `git diff -U0` output into new-side line numbers per file. With `deletions`, also records
 * where lines were removed (the new-side lines around each deletion-only hunk).
 */
export function parseChangedLines(diff: string, root: string, deletions?: Map<string, Set<number>>): Map<string, Set<number>> {
  const changed = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  let currentPath: string | undefined;
  // Lines of the current hunk body still to skip: a body line may itself look like a header.
  let pending = 0;
  for (const line of diff.split('\n')) {
    if (pending > 0) {
      if (line.startsWith('-') || line.startsWith('+')) pending--;
      continue;
    }
    if (line.startsWith('diff --git ')) {
      current = undefined;
    } else if (line.startsWith('+++ ')) {
      const name = parsePathLine(line.slice(4));
      if (name === undefined) {
        current = undefined;
      } else {
        current = new Set();
        currentPath = join(root, name);
        changed.set(currentPath, current);
      }
    } else if (current && line.startsWith('@@ ')) {
      const match = HUNK_HEADER.exec(line);
      if (!match) continue;
      const oldCount = match[1] === undefined ? 1 : Number(match[1]);
      const start = Number(match[2]);
      const newCount = match[3] === undefined ? 1 : Number(match[3]);
      for (let n = start; n < start + newCount; n++) current.add(n);
      if (deletions && newCount === 0 && oldCount > 0) {
        let points = deletions.get(currentPath!);
        if (!points) deletions.set(currentPath!, (points = new Set()));
        points.add(start).add(start + 1);
      }
      pending = oldCount + newCount;
    }
  }
  return changed;
}

/** `b/path`, `"b/quoted\tpath"` or `/dev/null`; git adds a trailing tab after names with spaces. */
function parsePathLine(text: string): string | undefined {
  if (text === '/dev/null') return undefined;
  const name = text.startsWith('"') ? unquote(text) : text.replace(/\t$/, '');
  return name.startsWith('b/') ? name.slice(2) : undefined;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

// Git's C-style quoting: backslash escapes and octal bytes of the UTF-8 name.
function unquote(text: string): string {
  const bytes: number[] = [];
  const end = text.lastIndexOf('"');
  for (let i = 1; i < end; i++) {
    const ch = text[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = text[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
