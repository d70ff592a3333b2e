import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInventory, type InventoryReport } from '../../src/engine/inventory.js';

// Fixtures are not compiled: reach them from dist/test/callsites through the source tree.
const fixturesRoot = fileURLToPath(new URL('../../../test/fixtures/adapters/', import.meta.url));

const FOLDERS = [
  'anthropic',
  'azure-inference',
  'bad-input',
  'bedrock',
  'bindings',
  'bindings-classes',
  'cohere',
  'fetch',
  'google-genai',
  'google-generative-ai',
  'groq',
  'huggingface',
  'langchain',
  'mistral',
  'module-graph',
  'non-generation',
  'ollama',
  'openai',
  'openai-azure-compatible',
  'openai-legacy-v3',
  'system-tokens',
  'values',
  'values-unknown',
  'vercel-ai',
];

// Only this folder pins system.tokens; elsewhere token counts are left to the tokens tests.
const KEEP_TOKENS = new Set(['system-tokens']);

// The engine words its own error messages; bad-input pins which files fail, not the wording.
const ERROR_FILES_ONLY = new Set(['bad-input']);

type Json = ReturnType<typeof JSON.parse>;

// Compare what the JSON contract carries: keys whose value is undefined are not part of it.
function asJson(report: InventoryReport): Json {
  return JSON.parse(JSON.stringify(report));
}

function dropTokens(report: Json): Json {
  for (const site of report.callSites) delete site.system.tokens;
  return report;
}

function assertErrorFiles(actual: Json, expectedFiles: string[]): void {
  assert.deepStrictEqual(
    actual.errors.map((e: { file: string }) => e.file),
    expectedFiles,
  );
  for (const e of actual.errors) assert.ok(typeof e.message === 'string' && e.message.length > 0, `empty message for ${e.file}`);
}

test('every adapter fixture folder is covered', () => {
  const present = readdirSync(fixturesRoot)
    .filter((name) => statSync(join(fixturesRoot, name)).isDirectory())
    .sort();
  assert.deepStrictEqual(present, FOLDERS);
  for (const name of FOLDERS) assert.ok(existsSync(join(fixturesRoot, name, 'expected.json')), `${name}/expected.json`);
});

for (const name of FOLDERS) {
  test(`inventory matches expected.json: ${name}`, async () => {
    const dir = join(fixturesRoot, name);
    const expected: Json = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    let actual = asJson(await runInventory([dir], { cwd: dir }));
    if (!KEEP_TOKENS.has(name)) actual = dropTokens(actual);

    if (ERROR_FILES_ONLY.has(name)) {
      assertErrorFiles(
        actual,
        expected.errors.map((e: { file: string }) => e.file),
      );
      actual.errors = expected.errors;
    }
    assert.deepStrictEqual(actual, expected);
  });
}

test('a file over 1 MB is skipped with an error while its neighbours are still scanned', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'promptlint-large-'));
  try {
    const entries: string[] = [];
    for (let i = 0; entries.join('').length < 1_200_000; i++) {
      const id = String(i).padStart(5, '0');
      entries.push(
        `  { id: 'faq-${id}', question: 'How do I reset the pairing code on lantern model ${id}?', ` +
          `answer: 'Hold the power button for ten seconds until the light blinks twice, then pair it again from the app.' },\n`,
      );
    }
    const large =
      "import OpenAI from 'openai';\n\n" +
      `export const FAQ_ENTRIES = [\n${entries.join('')}];\n\n` +
      'const openai = new OpenAI();\n' +
      "export const answer = (q: string) => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });\n";
    assert.ok(Buffer.byteLength(large) > 1024 * 1024);
    writeFileSync(join(dir, 'generated-faq.ts'), large);

    writeFileSync(
      join(dir, 'ping.ts'),
      [
        "import OpenAI from 'openai';",
        '',
        'const openai = new OpenAI();',
        '',
        'export async function ping(): Promise<string> {',
        "  const res = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'ping' }], max_completion_tokens: 5 });",
        "  return res.choices[0]?.message.content ?? '';",
        '}',
        '',
      ].join('\n'),
    );

    const actual = dropTokens(asJson(await runInventory([dir], { cwd: dir })));
    assertErrorFiles(actual, ['generated-faq.ts']);
    assert.deepStrictEqual(actual.callSites, [
      {
        file: 'ping.ts',
        line: 6,
        column: 21,
        provider: 'openai',
        api: 'chat.completions.create',
        model: { state: 'present', value: 'gpt-4o-mini' },
        outputCap: { state: 'present', param: 'max_completion_tokens', value: 5 },
        stop: { state: 'absent' },
        system: { state: 'absent' },
      },
    ]);
    assert.equal(actual.version, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('call sites keep their lazy fields on a shared prototype, not as getters of their own', async () => {
  // Own getters give every site its own hidden class, which V8 keeps in old space; through the
  // getters' closures each analysed tree then survived young-generation collections.
  const { parseSource } = await import('../../src/scan/parse.js');
  const { createModuleContext, detectCallSites } = await import('../../src/callsites/detect.js');
  const text = "import OpenAI from 'openai';\nconst openai = new OpenAI();\nopenai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: 'Be brief.' }] });\nopenai.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });\n";
  const sites = detectCallSites(createModuleContext('a.ts', parseSource('a.ts', text)));
  assert.equal(sites.length, 2);
  for (const key of ['system', 'segments', 'structured', 'streaming', 'capInsertion', 'stopInsertion']) {
    for (const site of sites) assert.equal(Object.getOwnPropertyDescriptor(site, key), undefined, key);
  }
  assert.equal(Object.getPrototypeOf(sites[0]), Object.getPrototypeOf(sites[1]));
  assert.equal(sites[0]!.system.state, 'present');
  assert.equal(sites[1]!.system.state, 'absent');
});
