import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { INVENTORY_HELP } from '../../src/cli/inventory-command.js';
import { assertExpected, CONCURRENCY, copyFixture, runCli, runMain } from './cli.js';

// `promptlint inventory` on the fixture projects: it lists call sites and always exits 0.

const findings = copyFixture('findings');
const clean = copyFixture('clean');

interface Inventory {
  version: number;
  callSites: Array<{ file: string; line: number; column: number; provider: string; api: string; outputCap: { state: string; param?: string; value?: number } }>;
  errors: Array<{ file: string; message: string }>;
}

describe('inventory', { concurrency: CONCURRENCY }, () => {
  it('table: one row per call site, a summary line and the files that did not parse; exit 0', async () => {
    const run = await runCli(['inventory'], { cwd: findings });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assertExpected('findings.inventory.txt', run.stdout);
  });

  it('json: the version 1 contract, paths relative to the working directory', async () => {
    const run = await runCli(['inventory', '--format', 'json', 'src'], { cwd: findings });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assertExpected('findings.inventory.json', run.stdout);
    const report = JSON.parse(run.stdout) as Inventory;
    assert.equal(report.version, 1);
    assert.deepEqual(
      report.callSites.map((s) => [`${s.file}:${s.line}:${s.column}`, s.provider, s.outputCap.state]),
      [
        ['src/answer-question.ts:4:25', 'anthropic', 'present'],
        ['src/broken.ts:4:10', 'openai', 'present'],
        ['src/meal-plan.ts:10:26', 'vercel-ai', 'present'],
        ['src/rewrite-tone.ts:10:28', 'openai', 'present'],
        ['src/summarize-recipe.ts:4:28', 'openai', 'absent'],
      ],
    );
    assert.deepEqual(report.errors, [{ file: 'src/broken.ts', message: "8:3 syntax error: ',' expected." }]);
  });

  it('--output-file writes the report; a single file can be listed', async () => {
    const run = await runMain(['inventory', '-f', 'json', '-o', 'inventory.json', 'src/classify-commit.ts'], { cwd: clean });
    assert.deepEqual(run, { status: 0, stdout: '', stderr: '' });
    const report = JSON.parse(readFileSync(join(clean, 'inventory.json'), 'utf8')) as Inventory;
    assert.deepEqual(report.callSites.map((s) => [s.file, s.api, s.outputCap]), [
      ['src/classify-commit.ts', 'messages.create', { state: 'present', param: 'max_tokens', value: 20 }],
    ]);
    assert.deepEqual(report.errors, []);
  });

  it('--help prints the inventory help', async () => {
    assert.deepEqual(await runMain(['inventory', '--help'], { cwd: clean }), { status: 0, stdout: INVENTORY_HELP, stderr: '' });
  });
});
