import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { changedLinesSince, GitError, parseChangedLines } from '../../src/cli/git.js';
import { commitAll, initRepo, lines, removeDir, run, tempDir, write } from './repo.js';

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

let root = '';

function edit(text: string, replace: Record<number, string | null>, insertAfter: Record<number, string[]> = {}): string {
  const out: string[] = [];
  text
    .split('\n')
    .slice(0, -1)
    .forEach((line, i) => {
      const n = i + 1;
      if (replace[n] !== null) out.push(replace[n] ?? line);
      out.push(...(insertAfter[n] ?? []));
    });
  return `${out.join('\n')}\n`;
}

// main:    base ── later (main moves on after the branch point)
// feature: base ── work   (+ uncommitted edits in the working tree, checked out)
before(() => {
  root = initRepo(tempDir('promptlint-changed-'));
  dirs.push(root);
  write(root, 'src/multi.ts', lines(12));
  write(root, 'src/deleted-lines.ts', lines(6));
  write(root, 'src/removed.ts', lines(3));
  write(root, 'src/untouched.ts', lines(3));
  write(root, 'src/dirty.ts', lines(4));
  write(root, 'src/old name.ts', lines(5));
  commitAll(root, 'base');

  run(root, 'checkout', '-q', '-b', 'feature');
  // Three hunks: a replaced line, two deleted lines (nothing on the new side), two inserted lines.
  write(root, 'src/multi.ts', edit(lines(12), { 2: 'changed 2', 5: null, 6: null }, { 9: ['new a', 'new b'] }));
  write(root, 'src/deleted-lines.ts', edit(lines(6), { 3: null }));
  write(root, 'src/new.ts', lines(3, 'fresh'));
  run(root, 'rm', '-q', 'src/removed.ts');
  commitAll(root, 'work');
  run(root, 'mv', 'src/old name.ts', 'src/new name.ts');
  write(root, 'src/new name.ts', edit(lines(5), { 4: 'renamed and edited' }));
  commitAll(root, 'rename');

  run(root, 'checkout', '-q', 'main');
  write(root, 'src/untouched.ts', lines(3, 'main only'));
  commitAll(root, 'later');
  run(root, 'checkout', '-q', 'feature');
  // Uncommitted edits count; untracked files do not (git diff does not list them).
  write(root, 'src/dirty.ts', edit(lines(4), { 4: 'dirty 4' }));
  write(root, 'src/untracked.ts', lines(2));
});

function expected(): Map<string, Set<number>> {
  return new Map([
    [join(root, 'src/deleted-lines.ts'), new Set<number>()],
    [join(root, 'src/dirty.ts'), new Set([4])],
    [join(root, 'src/multi.ts'), new Set([2, 8, 9])],
    [join(root, 'src/new name.ts'), new Set([4])],
    [join(root, 'src/new.ts'), new Set([1, 2, 3])],
  ]);
}

function sorted(map: Map<string, Set<number>>): Array<[string, number[]]> {
  return [...map]
    .map(([path, set]): [string, number[]] => [path, [...set].sort((a, b) => a - b)])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

test('changed lines since the merge base, working tree included', () => {
  assert.deepEqual(sorted(changedLinesSince(root, 'main')), sorted(expected()));
  // From a subdirectory, with a ref expression.
  assert.deepEqual(sorted(changedLinesSince(join(root, 'src'), 'main~0')), sorted(expected()));
});

test('detached HEAD works', () => {
  const head = run(root, 'rev-parse', 'HEAD').trim();
  run(root, 'checkout', '-q', '--detach', head);
  try {
    assert.deepEqual(sorted(changedLinesSince(root, 'main')), sorted(expected()));
  } finally {
    run(root, 'checkout', '-q', 'feature');
  }
});

test('user diff settings do not change the result', () => {
  const settings: Array<[string, string]> = [
    ['diff.noprefix', 'true'],
    ['diff.mnemonicPrefix', 'true'],
    ['diff.relative', 'true'],
    ['diff.renames', 'false'],
    ['color.ui', 'always'],
    ['core.quotePath', 'true'],
  ];
  for (const [key, value] of settings) run(root, 'config', key, value);
  try {
    // diff.relative would make paths relative to a subdirectory; it must not.
    assert.deepEqual(sorted(changedLinesSince(join(root, 'src'), 'main')), sorted(expected()));
  } finally {
    for (const [key] of settings) run(root, 'config', '--unset', key);
  }
});

test('unknown refs', () => {
  assert.throws(() => changedLinesSince(root, 'no-such-branch'), new GitError('unknown git ref: no-such-branch'));
  assert.throws(() => changedLinesSince(root, '--output=/tmp/x'), new GitError('unknown git ref: --output=/tmp/x'));
  assert.throws(() => changedLinesSince(root, ''), new GitError('unknown git ref: '));
});

test('outside a repository', () => {
  const dir = tempDir('promptlint-norepo-');
  dirs.push(dir);
  assert.throws(() => changedLinesSince(dir, 'main'), new GitError(`not a git repository: ${dir}`));
});

test('unrelated histories have no merge base', () => {
  const dir = initRepo(tempDir('promptlint-orphan-'));
  dirs.push(dir);
  write(dir, 'a.ts', 'a\n');
  commitAll(dir, 'one');
  run(dir, 'checkout', '-q', '--orphan', 'other');
  write(dir, 'b.ts', 'b\n');
  commitAll(dir, 'two');
  assert.throws(() => changedLinesSince(dir, 'main'), new GitError('no merge base between main and HEAD'));
});

test('a shallow clone without the merge base says how to fix it', () => {
  const origin = initRepo(tempDir('promptlint-origin-'));
  dirs.push(origin);
  write(origin, 'a.ts', lines(2));
  commitAll(origin, 'base');
  run(origin, 'branch', 'feature');
  write(origin, 'a.ts', lines(3));
  commitAll(origin, 'main moves');
  run(origin, 'checkout', '-q', 'feature');
  write(origin, 'b.ts', lines(1));
  commitAll(origin, 'feature work');
  run(origin, 'checkout', '-q', 'main');

  // What CI checkouts do by default: one commit of the PR head, then the base branch fetched shallowly.
  const clone = tempDir('promptlint-shallow-');
  dirs.push(clone);
  run(clone, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, '.');
  run(clone, 'fetch', '-q', '--depth', '1', 'origin', 'main:refs/remotes/origin/main');
  assert.equal(run(clone, 'rev-parse', '--is-shallow-repository').trim(), 'true');
  assert.throws(
    () => changedLinesSince(clone, 'origin/main'),
    new GitError('no merge base between origin/main and HEAD (shallow clone? fetch more history: git fetch --unshallow)'),
  );

  // Once the history is there, the same call works.
  run(clone, 'fetch', '-q', '--unshallow', 'origin');
  assert.deepEqual(sorted(changedLinesSince(clone, 'origin/main')), [[join(clone, 'b.ts'), [1]]]);
});

test('hunk bodies that look like headers, quoted names, binary files', () => {
  const diff = [
    'diff --git a/x.ts b/x.ts',
    '--- a/x.ts',
    '+++ b/x.ts',
    '@@ -1,2 +1,3 @@',
    '-+++ b/not-a-file.ts',
    '-@@ -1 +100,5 @@',
    '+++ b/not-a-file-either.ts',
    '+@@ -1 +200 @@',
    '+diff --git a/y b/y',
    '@@ -10 +11 @@ function f() {',
    '-old',
    '+new',
    'diff --git "a/tab\\there.ts" "b/tab\\there.ts"',
    '--- "a/tab\\there.ts"',
    '+++ "b/tab\\there.ts"',
    '@@ -0,0 +1 @@',
    '+x',
    '\\ No newline at end of file',
    'diff --git a/caf\\303\\251.ts b/caf\\303\\251.ts',
    '--- "a/caf\\303\\251.ts"',
    '+++ "b/caf\\303\\251.ts"',
    '@@ -3 +2,0 @@',
    '-gone',
    'diff --git a/img.png b/img.png',
    'index 1234567..89abcde 100644',
    'Binary files a/img.png and b/img.png differ',
    'diff --git a/gone.ts b/gone.ts',
    'deleted file mode 100644',
    '--- a/gone.ts',
    '+++ /dev/null',
    '@@ -1 +0,0 @@',
    '-bye',
    '',
  ].join('\n');
  assert.deepEqual(sorted(parseChangedLines(diff, '/r')), [
    ['/r/café.ts', []],
    ['/r/tab\there.ts', [1]],
    ['/r/x.ts', [1, 2, 3, 11]],
  ]);
});
