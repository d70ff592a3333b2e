import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInventory } from '../../src/engine/inventory.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const expectedPath = new URL('../../../test/fixtures/example-inventory.json', import.meta.url);

const SITE_KEYS = ['file', 'line', 'column', 'provider', 'api', 'model', 'outputCap', 'stop', 'system'];

test('inventory JSON contract on examples/support-desk', async () => {
  const report = await runInventory(['examples/support-desk'], { cwd: repoRoot });
  // The contract is the JSON text, so compare what survives serialisation.
  const actual = JSON.parse(JSON.stringify(report));
  const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));

  assert.equal(actual.version, 1);
  assert.deepStrictEqual(Object.keys(actual).sort(), ['callSites', 'errors', 'version']);
  for (const site of actual.callSites) assert.deepStrictEqual(Object.keys(site), SITE_KEYS, `${site.file}:${site.line}`);
  assert.deepStrictEqual(actual, expected);
});
