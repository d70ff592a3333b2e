import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Tests run from dist/test/report; the expected outputs live in the source tree.
const expectedDir = fileURLToPath(new URL('../../../test/report/expected/', import.meta.url));

/** Compares with test/report/expected/<name>, or rewrites it when UPDATE=1. */
export function assertExpected(name: string, actual: string): void {
  const path = expectedDir + name;
  if (process.env.UPDATE === '1') {
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `missing ${path}: run the tests with UPDATE=1 and review the file`);
  assert.equal(actual, readFileSync(path, 'utf8'));
}
