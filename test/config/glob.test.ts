import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globToRegExp, matchGlob } from '../../src/engine/glob.js';

const cases: Array<[glob: string, path: string, expected: boolean]> = [
  ['src/a.ts', 'src/a.ts', true],
  ['src/a.ts', 'src/a.tsx', false],
  ['./src/a.ts', 'src/a.ts', true],
  ['a.ts', 'src/a.ts', false],
  ['*.ts', 'a.ts', true],
  ['*.ts', 'src/a.ts', false],
  ['*', '.env', true],
  ['src/*', 'src/a/b.ts', false],
  ['src/*.ts', 'src/.hidden.ts', true],
  ['?.ts', 'a.ts', true],
  ['?.ts', 'ab.ts', false],
  ['a?b', 'a/b', false],
  ['**', 'a/b/c.ts', true],
  ['**/*.ts', 'a.ts', true],
  ['**/*.ts', 'a/b/c.ts', true],
  ['**/*.ts', 'a/b/c.js', false],
  ['src/**', 'src', true],
  ['src/**', 'src/a/b.ts', true],
  ['src/**', 'srcx/a.ts', false],
  ['src/**/*.test.ts', 'src/x.test.ts', true],
  ['src/**/*.test.ts', 'src/a/b/x.test.ts', true],
  ['src/**/*.test.ts', 'lib/a/x.test.ts', false],
  ['src/**/**/x.ts', 'src/x.ts', true],
  ['a/**/b/**/c', 'a/b/c', true],
  ['a/**/b/**/c', 'a/x/b/y/z/c', true],
  ['a/**/b/**/c', 'a/x/c', false],
  ['a**b', 'axxb', true],
  ['a**b', 'a/b', false],
  ['*.{ts,tsx}', 'a.tsx', true],
  ['*.{ts,tsx}', 'a.js', false],
  ['{src,lib}/**', 'lib/a/b.ts', true],
  ['{src,lib}/**', 'test/a.ts', false],
  ['a{b,c{d,e}}f', 'acef', true],
  ['a{b,c{d,e}}f', 'acf', false],
  ['{a}', '{a}', true],
  ['a{b', 'a{b', true],
  ['[abc].ts', 'b.ts', true],
  ['[abc].ts', 'd.ts', false],
  ['[a-c].ts', 'c.ts', true],
  ['[!a-c].ts', 'd.ts', true],
  ['[!a-c].ts', 'a.ts', false],
  ['[^a].ts', 'b.ts', true],
  ['x[!a]y', 'x/y', false],
  ['[]].ts', '].ts', true],
  ['[a-].ts', '-.ts', true],
  ['[ab', '[ab', true],
  ['[\\d].ts', 'd.ts', true],
  ['[\\d].ts', '1.ts', false],
  ['\\*.ts', '*.ts', true],
  ['\\*.ts', 'a.ts', false],
  ['a.b', 'axb', false],
  ['(a)+', '(a)+', true],
  ['$x^', '$x^', true],
];

describe('globToRegExp', () => {
  for (const [glob, path, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(matchGlob(glob, path), expected);
    });
  }

  it('caches compiled patterns', () => {
    assert.equal(globToRegExp('src/**/*.ts'), globToRegExp('src/**/*.ts'));
  });

  it('produces the expected expression for a mixed pattern', () => {
    assert.equal(globToRegExp('src/**/*.{ts,js}').source, '^(?:src\\/(?:.*\\/)?[^/]*\\.ts|src\\/(?:.*\\/)?[^/]*\\.js)$');
  });

  it('refuses patterns that expand to too many alternatives', () => {
    assert.throws(() => globToRegExp('{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b}'), /expands to more than 256 patterns/);
  });
});
