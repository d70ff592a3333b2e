import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promptText } from '../../src/callsites/prompt.js';
import { compressText } from '../../src/compress/index.js';
import { applyEdits, introducesSyntaxErrors, writeFileAtomic } from '../../src/fix/apply.js';
import { analyzeSource } from '../../src/engine/linter.js';
import { parseSource, syntaxErrors } from '../../src/scan/parse.js';

const bin = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'promptlint-fix-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const VERBOSE = [
  'You are a support assistant for an online bookshop.',
  '',
  'Please make sure to read the whole ticket before you answer. In order to answer well, you should look at the order history.',
  'Note that refunds take five business days. Note that you must never share another customer\'s order details.',
  'In order to keep replies short, please make sure to answer in at most 120 words.',
  'Please make sure to greet the customer by name. In order to sound natural, avoid repeating the question back.',
].join('\n');

function systemTextOf(file: string): string {
  const analysis = analyzeSource(file, readFileSync(file, 'utf8'));
  const site = analysis.sites[0]!;
  assert.equal(site.system.state, 'present');
  return promptText((site.system as { value: Parameters<typeof promptText>[0] }).value);
}

function project(name: string, literal: string, eol = '\n'): string {
  const file = join(dir, `${name}.ts`);
  const code = [
    "import OpenAI from 'openai';",
    '',
    'const client = new OpenAI();',
    '',
    'export async function answer(ticket: string) {',
    '  return client.chat.completions.create({',
    "    model: 'gpt-4o-mini',",
    '    max_completion_tokens: 300,',
    `    messages: [{ role: 'system', content: ${literal} }, { role: 'user', content: ticket }],`,
    '  });',
    '}',
    '',
  ].join(eol);
  writeFileSync(file, code);
  return file;
}

function runFix(file: string, ...flags: string[]) {
  return spawnSync(process.execPath, [bin, file, '--no-config-lookup', ...flags], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('--fix on no-verbose-system-prompt', () => {
  it('rewrites a template literal so its runtime value is the compressor output', () => {
    const file = project('template', `\`${VERBOSE}\``);
    const expected = compressText(VERBOSE, { tier: 'safe', encoding: 'o200k_base' }).text;
    assert.notEqual(expected, VERBOSE);
    const result = runFix(file, '--fix');
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(syntaxErrors(parseSource(file, readFileSync(file, 'utf8'))), []);
    assert.equal(systemTextOf(file), expected);
  });

  it('keeps the quote style of a string literal and escapes what it must', () => {
    const single = VERBOSE.split('\n').join(' ');
    const literal = `'${single.replace(/'/g, "\\'")}'`;
    const file = project('single', literal);
    runFix(file, '--fix');
    const after = readFileSync(file, 'utf8');
    assert.match(after, /content: 'You are a support assistant/);
    assert.equal(systemTextOf(file), compressText(single, { tier: 'safe', encoding: 'o200k_base' }).text);
  });

  it('keeps CRLF line endings', () => {
    const file = project('crlf', `\`${VERBOSE.split('\n').join('\r\n')}\``, '\r\n');
    runFix(file, '--fix');
    const after = readFileSync(file, 'utf8');
    assert.equal(after.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF introduced');
    assert.equal(systemTextOf(file), compressText(VERBOSE, { tier: 'safe', encoding: 'o200k_base' }).text);
  });

  it('--fix-dry-run prints a diff and writes nothing', () => {
    const file = project('dry', `\`${VERBOSE}\``);
    const before = readFileSync(file, 'utf8');
    const result = runFix(file, '--fix-dry-run');
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.match(result.stdout, /^--- a\/.*dry\.ts\n\+\+\+ b\/.*dry\.ts\n@@ -\d+,\d+ \+\d+,\d+ @@/m);
    assert.match(result.stdout, /^-Please make sure to read the whole ticket/m);
  });
});

describe('applyEdits and writes', () => {
  it('sorts edits and drops overlapping ones, first one winning', () => {
    const { output, applied, skipped } = applyEdits('abcdef', [
      { range: [4, 5], text: 'E' },
      { range: [0, 2], text: 'AB' },
      { range: [1, 3], text: 'xx' },
    ]);
    assert.equal(output, 'ABcdEf');
    assert.equal(applied, 2);
    assert.equal(skipped, 1);
  });

  it('refuses a result with new syntax errors', () => {
    assert.equal(introducesSyntaxErrors('a.ts', 'const a = { b: 1 };', 'const a = { b: 1, };'), false);
    assert.equal(introducesSyntaxErrors('a.ts', 'const a = { b: 1 };', 'const a = { b: 1 ;'), true);
  });

  it('writes atomically and keeps a BOM', () => {
    const file = join(dir, 'bom.ts');
    writeFileSync(file, '\uFEFFexport const a = 1;\n');
    writeFileAtomic(file, '\uFEFFexport const a = 2;\n');
    assert.equal(readFileSync(file, 'utf8'), '\uFEFFexport const a = 2;\n');
  });
});
