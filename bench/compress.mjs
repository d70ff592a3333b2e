// Tokens saved on the prompt fixtures, per tier, and compressor throughput relative to a bare
// tokenization of the same text in the same run. Run after `npm run build`: node bench/compress.mjs
import { readdirSync, readFileSync } from 'node:fs';

const { compressText, checkInvariants } = await import('../dist/src/compress/index.js');
const { countTokens } = await import('../dist/src/tokens/count.js');

const dir = new URL('../test/fixtures/prompts/', import.meta.url);
const encoding = process.argv.includes('--cl100k') ? 'cl100k_base' : 'o200k_base';
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

const totals = { before: 0, safe: 0, all: 0 };
const rows = [];
let violations = 0;
for (const file of files) {
  const text = readFileSync(new URL(file, dir), 'utf8');
  const before = countTokens(text, encoding);
  const safe = compressText(text, { tier: 'safe', encoding });
  const all = compressText(text, { tier: 'all', encoding });
  violations += checkInvariants(text, safe.text).length + checkInvariants(text, all.text).length;
  const row = { file, before, safe: countTokens(safe.text, encoding), all: countTokens(all.text, encoding) };
  rows.push(row);
  totals.before += row.before;
  totals.safe += row.safe;
  totals.all += row.all;
}

const pct = (saved, of) => (of === 0 ? '0.0' : ((saved / of) * 100).toFixed(1));
console.log(`encoding ${encoding}, ${files.length} fixture prompts\n`);
console.log('fixture'.padEnd(28), 'tokens'.padStart(7), 'safe'.padStart(7), 'all'.padStart(7));
for (const r of rows) {
  console.log(r.file.padEnd(28), String(r.before).padStart(7), String(r.before - r.safe).padStart(7), String(r.before - r.all).padStart(7));
}
console.log(
  `\npooled: ${totals.before} tokens; safe tier saves ${totals.before - totals.safe} (${pct(totals.before - totals.safe, totals.before)}%),` +
    ` all tiers save ${totals.before - totals.all} (${pct(totals.before - totals.all, totals.before)}%); invariant violations: ${violations}`,
);

// Throughput: one large prompt made of every fixture, repeated to about 100k tokens.
const corpus = files.map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n\n');
let big = corpus;
while (countTokens(big, encoding) < 100_000) big += `\n\n${corpus}`;
const bigTokens = countTokens(big, encoding);

function time(fn, runs = 3) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const tokenizeMs = time(() => countTokens(big, encoding));
const safeMs = time(() => compressText(big, { tier: 'safe', encoding }));
const allMs = time(() => compressText(big, { tier: 'all', encoding }));
console.log(
  `\nthroughput on ${bigTokens.toLocaleString('en-US')} tokens (${(big.length / 1e6).toFixed(2)} MB chars):` +
    `\n  bare tokenization ${tokenizeMs.toFixed(0)} ms` +
    `\n  compress --safe   ${safeMs.toFixed(0)} ms (${(safeMs / tokenizeMs).toFixed(1)}× tokenization)` +
    `\n  compress --all    ${allMs.toFixed(0)} ms (${(allMs / tokenizeMs).toFixed(1)}× tokenization)`,
);
