import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { compressText, type Change } from '../compress/index.js';
import { diffLines } from '../compress/diff.js';
import { countTokens, encodingForModel } from '../tokens/count.js';
import { dollarDelta, priceFor } from '../tokens/pricing.js';
import { readStream } from './io.js';

export interface CompressIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  color: boolean;
}

const HELP = `Usage: promptlint compress <file|-> [options]

Rewrites a prompt file (.md, .txt, .prompt, any plain text) to fewer tokens and shows the diff.
Code, quoted text, examples, placeholders, numbers, negations, URLs and structure are never touched.

Options:
  --all                   Also apply review-tier rewrites (emphasis, "you must" wording, decoration,
                          duplicates, nested indentation, hard-wrapped lines)
  --model <id>            Count tokens in this model's encoding and price the saving
  --format text|json      Output format (default: text)
  -h, --help              Show this help

JSON output: { "encoding", "tokensBefore", "tokensAfter", "text", "changes": [{ "rule", "tier", "reason", "before", "after" }] }
`;

class InputError extends Error {}

function decode(bytes: Buffer, name: string): string {
  if (bytes.includes(0)) throw new InputError(`${name} looks binary (it contains NUL bytes); compress reads plain-text prompts`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name} is not valid UTF-8 text`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function readInput(path: string, stdin: NodeJS.ReadableStream): Promise<string> {
  if (path === '-') return decode(await readStream(stdin), 'standard input');
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new InputError(`cannot read ${path}: ${why}`);
  }
  return decode(bytes, path);
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

function formatDollars(amount: number): string {
  if (amount >= 100) return `$${formatNumber(Math.round(amount))}`;
  if (amount >= 0.01) return `$${amount.toFixed(2)}`;
  return `$${Number(amount.toPrecision(2))}`;
}

function renderText(
  before: string,
  after: string,
  changes: Change[],
  counts: { encoding: string; tokensBefore: number; tokensAfter: number; approximate: boolean },
  model: string | undefined,
  color: boolean,
): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  for (const hunk of diffLines(before, after)) {
    const oldCount = hunk.lines.filter((l) => l.kind !== '+').length;
    const newCount = hunk.lines.filter((l) => l.kind !== '-').length;
    out.push(c.cyan(`@@ -${hunk.oldStart},${oldCount} +${hunk.newStart},${newCount} @@`));
    for (const line of hunk.lines) {
      if (line.kind === '-') out.push(c.red(`-${line.text}`));
      else if (line.kind === '+') out.push(c.green(`+${line.text}`));
      else out.push(c.dim(` ${line.text}`));
    }
  }
  if (changes.length === 0) {
    out.push(`No rewrite saves tokens: ${formatNumber(counts.tokensBefore)} tokens (${counts.encoding}).`);
    return out.join('\n') + '\n';
  }
  if (out.length > 0) out.push('');

  const byRule = new Map<string, { tier: string; count: number; reason: string }>();
  for (const change of changes) {
    const entry = byRule.get(change.rule) ?? { tier: change.tier, count: 0, reason: change.reason };
    entry.count++;
    byRule.set(change.rule, entry);
  }
  for (const [rule, { tier, count, reason }] of byRule) {
    out.push(`  ${tier === 'safe' ? c.green('safe  ') : c.yellow('review')} ${c.bold(rule)} ×${count}  ${c.dim(reason)}`);
  }

  const saved = counts.tokensBefore - counts.tokensAfter;
  const percent = counts.tokensBefore === 0 ? 0 : (saved / counts.tokensBefore) * 100;
  const approx = counts.approximate ? ` (approximate${model ? ` for ${model}` : ''})` : '';
  out.push(
    '',
    `${c.bold('Tokens')} ${formatNumber(counts.tokensBefore)} → ${formatNumber(counts.tokensAfter)}: ${c.green(`−${formatNumber(saved)}`)} (${percent.toFixed(1)}%) in ${counts.encoding}${approx}`,
  );
  if (model !== undefined) {
    const price = priceFor(model);
    if (price) {
      const perThousand = dollarDelta(saved, price, 1000);
      out.push(`${c.bold('Saves')} ${formatDollars(perThousand)} per 1,000 calls at ${price.model} input price ($${price.input}/M tokens, ${price.date ?? 'undated'})`);
    } else {
      out.push(c.dim(`No price known for ${model}: tokens only.`));
    }
  }
  return out.join('\n') + '\n';
}

export async function compressCommand(args: string[], io: CompressIo): Promise<number> {
  let values: { all?: boolean; model?: string; format?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        all: { type: 'boolean' },
        model: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    const message = (error as Error).message;
    const option = /'([^']+)'/.exec(message)?.[1];
    const code = (error as NodeJS.ErrnoException).code;
    const line =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option
        ? `unknown option ${option}`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option
          ? `option ${option.split(' ')[0]} needs a value`
          : message.split('\n')[0]!;
    io.stderr.write(`promptlint compress: ${line} (see --help)\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.stderr.write(`promptlint compress: --format must be text or json, not ${format}\n`);
    return 2;
  }
  if (positionals.length !== 1) {
    io.stderr.write(
      `promptlint compress: ${positionals.length === 0 ? 'expected a prompt file, or - to read standard input' : 'expected exactly one prompt file'} (see --help)\n`,
    );
    return 2;
  }

  let input: string;
  try {
    input = await readInput(positionals[0]!, io.stdin);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`promptlint compress: ${error.message}\n`);
    return 2;
  }

  const { encoding, approximate } = encodingForModel(values.model);
  let result = compressText(input, { tier: values.all ? 'all' : 'safe', encoding });
  const tokensBefore = countTokens(input, encoding);
  let tokensAfter = result.changes.length === 0 ? tokensBefore : countTokens(result.text, encoding);
  // Edits are measured one by one; should their sum ever cost tokens, offer nothing.
  if (tokensAfter > tokensBefore) {
    result = { text: input, changes: [] };
    tokensAfter = tokensBefore;
  }

  if (format === 'json') {
    const changes = result.changes.map(({ rule, tier, reason, before, after }) => ({ rule, tier, reason, before, after }));
    io.stdout.write(`${JSON.stringify({ encoding, tokensBefore, tokensAfter, text: result.text, changes }, null, 2)}\n`);
  } else {
    io.stdout.write(renderText(input, result.text, result.changes, { encoding, tokensBefore, tokensAfter, approximate }, values.model, io.color));
  }
  return 0;
}
