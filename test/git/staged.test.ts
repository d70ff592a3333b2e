import assert from 'node:assert/strict';
import { symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { GitError, gitRoot, readStagedFiles } from '../../src/cli/git.js';
import { commitAll, initRepo, removeDir, run, tempDir, write } from './repo.js';

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

function newRepo(): string {
  const dir = tempDir('promptlint-staged-');
  dirs.push(dir);
  return initRepo(dir);
}

const isTs = (path: string) => path.endsWith('.ts');

test('reads staged content, not the working tree', () => {
  const root = newRepo();
  write(root, 'src/partial.ts', 'one\n');
  write(root, 'src/full.ts', 'one\n');
  write(root, 'src/old-name.ts', 'moved\n');
  write(root, 'src/gone.ts', 'bye\n');
  write(root, 'src/unstaged.ts', 'one\n');
  write(root, 'README.md', 'docs\n');
  commitAll(root, 'base');

  // Partially staged: the index has "staged", the working tree has one more edit.
  write(root, 'src/partial.ts', 'staged\n');
  run(root, 'add', 'src/partial.ts');
  write(root, 'src/partial.ts', 'staged\nnot staged\n');
  write(root, 'src/full.ts', 'two\n');
  run(root, 'add', 'src/full.ts');
  run(root, 'mv', 'src/old-name.ts', 'src/new name é.ts');
  run(root, 'rm', '-q', 'src/gone.ts');
  write(root, 'src/added.ts', 'fresh\r\n');
  run(root, 'add', 'src/added.ts');
  write(root, 'src/unstaged.ts', 'changed but not added\n');
  write(root, 'README.md', 'more docs\n');
  run(root, 'add', 'README.md');
  symlinkSync('full.ts', join(root, 'src/link.ts'));
  run(root, 'add', 'src/link.ts');

  // Paths are absolute and resolved from the top level even when called from a subdirectory.
  const staged = readStagedFiles(join(root, 'src'), isTs);
  assert.deepEqual(staged, [
    { path: join(root, 'src/added.ts'), text: 'fresh\r\n', sameAsWorkingTree: true },
    { path: join(root, 'src/full.ts'), text: 'two\n', sameAsWorkingTree: true },
    { path: join(root, 'src/new name é.ts'), text: 'moved\n', sameAsWorkingTree: true },
    { path: join(root, 'src/partial.ts'), text: 'staged\n', sameAsWorkingTree: false },
  ]);
});

test('the filter sees absolute paths', () => {
  const root = newRepo();
  write(root, 'a.ts', 'a\n');
  write(root, 'b.js', 'b\n');
  run(root, 'add', '.');
  const seen: string[] = [];
  readStagedFiles(root, (path) => {
    seen.push(path);
    return false;
  });
  assert.deepEqual(seen, [join(root, 'a.ts'), join(root, 'b.js')]);
});

test('works before the first commit and when nothing is staged', () => {
  const root = newRepo();
  assert.deepEqual(readStagedFiles(root, isTs), []);
  write(root, 'first.ts', 'x\n');
  run(root, 'add', 'first.ts');
  assert.deepEqual(readStagedFiles(root, isTs), [{ path: join(root, 'first.ts'), text: 'x\n', sameAsWorkingTree: true }]);
});

test('a staged file deleted from the working tree is not the same as the working tree', () => {
  const root = newRepo();
  write(root, 'a.ts', 'a\n');
  run(root, 'add', 'a.ts');
  unlinkSync(join(root, 'a.ts'));
  assert.deepEqual(readStagedFiles(root, isTs), [{ path: join(root, 'a.ts'), text: 'a\n', sameAsWorkingTree: false }]);
});

test('outside a repository: GitError naming the directory', () => {
  const dir = tempDir('promptlint-norepo-');
  dirs.push(dir);
  assert.throws(() => gitRoot(dir), new GitError(`not a git repository: ${dir}`));
  assert.throws(() => readStagedFiles(dir, isTs), new GitError(`not a git repository: ${dir}`));
  assert.equal(gitRoot(join(newRepo(), '.')), dirs.at(-1));
});
