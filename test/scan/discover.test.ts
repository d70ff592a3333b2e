import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { looksMinified, readSource } from '../../src/engine/project.js';
import { discoverFiles, UsageError } from '../../src/scan/discover.js';
import { mayHoldCallSite, prefilter } from '../../src/scan/prefilter.js';

const root = mkdtempSync(join(tmpdir(), 'promptlint-discover-'));
after(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text = 'export {};\n'): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

const rel = (files: string[]) => files.map((file) => relative(root, file).split('\\').join('/'));

describe('discoverFiles', () => {
  write('src/a.ts');
  write('src/b.tsx');
  write('src/c.mjs');
  write('src/d.cjs');
  write('src/e.mts');
  write('src/f.cts');
  write('src/g.jsx');
  write('src/h.js');
  write('src/types.d.ts');
  write('src/vendor.min.js');
  write('src/notes.md', '# not code');
  write('node_modules/pkg/index.js');
  write('dist/out.js');
  write('build/out.js');
  write('coverage/x.js');
  write('.next/x.js');
  write('vendor/x.js');
  write('out/x.js');
  write('generated/skip.ts');
  write('src/nested/.gitignore', 'local-only.ts\n');
  write('src/nested/local-only.ts');
  write('src/nested/kept.ts');
  write('.gitignore', 'generated/\n');

  it('walks folders with the default ignores and .gitignore files', () => {
    const { files, problems } = discoverFiles(['.'], root);
    assert.deepEqual(rel(files), ['src/a.ts', 'src/b.tsx', 'src/c.mjs', 'src/d.cjs', 'src/e.mts', 'src/f.cts', 'src/g.jsx', 'src/h.js', 'src/nested/kept.ts']);
    assert.deepEqual(problems, []);
  });

  it('takes files as given and expands globs', () => {
    assert.deepEqual(rel(discoverFiles(['src/a.ts'], root).files), ['src/a.ts']);
    assert.deepEqual(rel(discoverFiles(['src/*.{ts,tsx}'], root).files), ['src/a.ts', 'src/b.tsx']);
  });

  it('rejects a path that does not exist', () => {
    assert.throws(() => discoverFiles(['missing/'], root), (error: unknown) => error instanceof UsageError && /No such file or directory: missing\//.test(error.message));
  });

  it('skips a link to a folder scanned elsewhere without calling it a problem', () => {
    write('shared/skills/a.ts');
    mkdirSync(join(root, 'agents'), { recursive: true });
    symlinkSync(join(root, 'shared', 'skills'), join(root, 'agents', 'skills'));
    const { files, problems } = discoverFiles(['shared', 'agents'], root);
    assert.deepEqual(rel(files), ['shared/skills/a.ts']);
    assert.deepEqual(problems, []);
  });

  it('reports a symbolic link loop once and goes on', () => {
    write('loop/x.ts');
    symlinkSync(join(root, 'loop'), join(root, 'loop', 'again'));
    const { files, problems } = discoverFiles(['loop'], root);
    assert.deepEqual(rel(files), ['loop/x.ts']);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /symbolic link loop/);
  });
});

describe('readSource', () => {
  it('refuses binary, oversized and minified files with a reason', () => {
    write('bin.js', 'const a = 1;\0\0\0');
    assert.deepEqual(readSource(join(root, 'bin.js'), 1000), { problem: 'skipped: binary file' });
    write('big.ts', 'x'.repeat(2048));
    assert.match((readSource(join(root, 'big.ts'), 1024) as { problem: string }).problem, /^skipped: file is 2 KB, over the 1 KB limit/);
    write('min.js', Array.from({ length: 300 }, (_, i) => `function f${i}(b){return b+${i}};`).join(''));
    assert.deepEqual(readSource(join(root, 'min.js'), 1e6), { problem: 'skipped: file looks minified' });
    assert.match((readSource(join(root, 'none.ts'), 1e6) as { problem: string }).problem, /^cannot read file: no such file/);
  });

  it('keeps ordinary code, however long', () => {
    const code = Array.from({ length: 400 }, (_, i) => `export const value${i} = ${i};`).join('\n');
    assert.equal(looksMinified(code), false);
  });

  it('keeps a component whose one long line is an embedded image', () => {
    const component = [
      "import { Modal } from './modal';",
      `const PREVIEW = 'data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAA'.repeat(800)}';`,
      'export function Preview() {',
      '  return <Modal><img src={PREVIEW} alt="" /></Modal>;',
      '}',
    ].join('\n');
    assert.ok(component.length / 5 > 250);
    assert.equal(looksMinified(component), false);
  });
});

describe('prefilter', () => {
  it('keeps files that name an SDK, a provider host or a project import, and skips the rest', () => {
    assert.equal(prefilter("import OpenAI from 'openai';"), 'sdk');
    assert.equal(prefilter("import OpenAI from 'openai/index.js';"), 'sdk');
    assert.equal(prefilter("const { generateText } = await import('ai');"), 'sdk');
    assert.equal(prefilter("import { ChatAnthropic } from '@langchain/anthropic';"), 'sdk');
    assert.equal(prefilter("fetch('https://api.anthropic.com/v1/messages')"), 'sdk');
    assert.equal(prefilter("await axios.post('http://vllm.internal:8000/v1/chat/completions', body);"), 'sdk');
    assert.equal(prefilter("import { client } from './llm';"), 'relative');
    assert.equal(prefilter("const { init } = require('../init');"), 'relative');
    assert.equal(prefilter("import { client } from '@/lib/llm';"), 'relative');
    assert.equal(prefilter("import React from 'react';\nexport const App = () => null;"), 'skip');
    assert.equal(prefilter("const said = 'I said ai';"), 'skip');
  });

  it('finds calls detection could match', () => {
    assert.equal(mayHoldCallSite('await client.chat.completions.create(request);'), true);
    assert.equal(mayHoldCallSite('const reply = await client.invoke <Answer>(input);'), true);
    assert.equal(mayHoldCallSite('const { text } = await generateText({ model, prompt });'), true);
    assert.equal(mayHoldCallSite("import { streamText as streamReply } from './ai';\nreturn streamReply(options);"), true);
    assert.equal(mayHoldCallSite('await $fetch(url);'), true);
    // A component that only renders and formats: nothing to parse.
    assert.equal(mayHoldCallSite('export const Save = () => <Button onClick={() => save()} />;'), false);
  });

  it('tells a module that only builds a client from one that may call it', () => {
    assert.equal(mayHoldCallSite("import OpenAI from 'openai';\nexport const openai = new OpenAI({ maxRetries: 2 });"), false);
    assert.equal(mayHoldCallSite("import type { ChatCompletion } from 'openai/resources';\nexport type Reply = ChatCompletion;"), false);
    assert.equal(mayHoldCallSite("import { openai } from './client';\nconst res = await openai.responses.create({ model, input });"), true);
    assert.equal(mayHoldCallSite("import { generateText as gen } from 'ai';\nexport { gen };"), true);
  });
});
