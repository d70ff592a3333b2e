import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import { compressCommand } from '../../src/cli/compress-command.js';

const fixtures = new URL('../../../test/fixtures/prompts/', import.meta.url);
const fixture = (name: string): string => new URL(name, fixtures).pathname;
const encoders = { o200k_base: new Tiktoken(o200k), cl100k_base: new Tiktoken(cl100k) };

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(args: string[], stdin: string | Buffer = '', color = false): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await compressCommand(args, { stdout, stderr, stdin: Readable.from([Buffer.from(stdin)]), color });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function tempFile(bytes: Buffer | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'promptlint-compress-')), 'prompt.txt');
  writeFileSync(path, bytes);
  return path;
}

test('JSON output is exactly the public contract, and its counts are js-tiktoken counts', async () => {
  const { code, stdout, stderr } = await run([fixture('connectives.txt'), '--format', 'json']);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  const out = JSON.parse(stdout) as Record<string, unknown>;
  assert.deepEqual(Object.keys(out), ['encoding', 'tokensBefore', 'tokensAfter', 'text', 'changes']);
  assert.equal(out.encoding, 'o200k_base');
  const input = readFileSync(fixture('connectives.txt'), 'utf8');
  assert.equal(out.tokensBefore, encoders.o200k_base.encode(input).length);
  assert.equal(out.tokensAfter, encoders.o200k_base.encode(out.text as string).length);
  assert.equal(
    out.text,
    'Read the whole ticket to understand the problem.\nEscalate the ticket because some customers wait for days.\nIf the customer is angry, stay calm.\nReply now with a short apology, before offering a voucher.\nYou can look up orders daily.\nMany of the tickets concern shipping.\n',
  );
  const changes = out.changes as Array<Record<string, unknown>>;
  assert.equal(changes.length, 8);
  for (const change of changes) {
    assert.equal(change.rule, 'wordy-phrase');
    assert.equal(change.tier, 'safe');
    assert.equal(typeof change.reason, 'string');
  }
});

test('--all adds review-tier changes; --model picks the encoding', async () => {
  const safe = JSON.parse((await run([fixture('emphasis.txt'), '--format', 'json'])).stdout) as { changes: unknown[]; tokensAfter: number; tokensBefore: number };
  assert.deepEqual(safe.changes, []);
  assert.equal(safe.tokensAfter, safe.tokensBefore);

  const all = JSON.parse((await run([fixture('emphasis.txt'), '--all', '--model', 'gpt-4', '--format', 'json'])).stdout) as {
    encoding: string;
    tokensBefore: number;
    tokensAfter: number;
    text: string;
    changes: Array<{ tier: string }>;
  };
  assert.equal(all.encoding, 'cl100k_base');
  assert.ok(all.changes.length > 0 && all.changes.every((c) => c.tier === 'review'));
  assert.equal(all.tokensBefore, encoders.cl100k_base.encode(readFileSync(fixture('emphasis.txt'), 'utf8')).length);
  assert.equal(all.tokensAfter, encoders.cl100k_base.encode(all.text).length);
  assert.ok(all.tokensAfter < all.tokensBefore);
});

test('- reads standard input', async () => {
  const { code, stdout } = await run(['-', '--format', 'json'], 'Please note that the shop is closed on Sundays.\n');
  assert.equal(code, 0);
  assert.equal((JSON.parse(stdout) as { text: string }).text, 'The shop is closed on Sundays.\n');
});

test('text output: a diff, the rules, the token delta and a price when the model has one', async () => {
  const { code, stdout } = await run(['-', '--model', 'claude-sonnet-4-6'], 'Please note that the shop is closed on Sundays.\n');
  assert.equal(code, 0);
  assert.equal(
    stdout,
    [
      '@@ -1,2 +1,2 @@',
      '-Please note that the shop is closed on Sundays.',
      '+The shop is closed on Sundays.',
      ' ',
      '',
      '  safe   politeness ×1  Politeness wrapper removed; the instruction is unchanged.',
      '  safe   meta-filler ×1  Filler that adds no instruction removed.',
      '',
      'Tokens 10 → 7: −3 (30.0%) in o200k_base (approximate for claude-sonnet-4-6)',
      'Saves $0.009 per 1,000 calls at claude-sonnet-4-6 input price ($3/M tokens, 2026-04-23)',
      '',
    ].join('\n'),
  );
});

test('colour only when asked for', async () => {
  const plain = await run(['-'], 'Note that the shop is closed.\n', false);
  const coloured = await run(['-'], 'Note that the shop is closed.\n', true);
  assert.ok(!plain.stdout.includes('\u001b['));
  assert.ok(coloured.stdout.includes('\u001b[31m-Note that the shop is closed.'));
});

test('a model with no price gets tokens only', async () => {
  const { stdout } = await run(['-', '--model', 'llama-3.1-70b'], 'Note that the shop is closed.\n');
  assert.match(stdout, /No price known for llama-3\.1-70b: tokens only\./);
  assert.doesNotMatch(stdout, /\$/);
});

test('usage errors exit 2 with one clear line', async () => {
  for (const [args, message] of [
    [['--bogus', 'x.txt'], 'promptlint compress: unknown option --bogus (see --help)\n'],
    [[], 'promptlint compress: expected a prompt file, or - to read standard input (see --help)\n'],
    [['a.txt', 'b.txt'], 'promptlint compress: expected exactly one prompt file (see --help)\n'],
    [['x.txt', '--format', 'xml'], 'promptlint compress: --format must be text or json, not xml\n'],
    [['x.txt', '--model'], 'promptlint compress: option --model needs a value (see --help)\n'],
  ] as const) {
    const { code, stdout, stderr } = await run([...args]);
    assert.equal(code, 2, args.join(' '));
    assert.equal(stdout, '');
    assert.equal(stderr, message);
  }
});

test('--help prints usage and exits 0', async () => {
  const { code, stdout } = await run(['--help']);
  assert.equal(code, 0);
  assert.match(stdout, /^Usage: promptlint compress <file\|-> \[options\]/);
});

test('bad input: missing file, binary, invalid UTF-8 → exit 2 with a message', async () => {
  const missing = await run(['/nonexistent/prompt.txt']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'promptlint compress: cannot read /nonexistent/prompt.txt: no such file\n');

  const binaryPath = tempFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
  const binary = await run([binaryPath]);
  assert.equal(binary.code, 2);
  assert.equal(binary.stderr, `promptlint compress: ${binaryPath} looks binary (it contains NUL bytes); compress reads plain-text prompts\n`);

  const latin1 = await run(['-'], Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  assert.equal(latin1.code, 2);
  assert.equal(latin1.stderr, 'promptlint compress: standard input is not valid UTF-8 text\n');
});

test('bad input: empty and placeholder-only prompts come back unchanged', async () => {
  for (const input of ['', '   \n', '${user.question}', '{{context}}\n{{question}}']) {
    const { code, stdout } = await run(['-', '--format', 'json'], input);
    assert.equal(code, 0);
    const out = JSON.parse(stdout) as { text: string; changes: unknown[]; tokensBefore: number; tokensAfter: number };
    assert.equal(out.text, input);
    assert.deepEqual(out.changes, []);
    assert.equal(out.tokensAfter, out.tokensBefore);
  }
});

test('a UTF-8 byte-order mark is not part of the prompt', async () => {
  const path = tempFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Note that it rains.\n')]));
  const out = JSON.parse((await run([path, '--format', 'json'])).stdout) as { text: string };
  assert.equal(out.text, 'It rains.\n');
});
