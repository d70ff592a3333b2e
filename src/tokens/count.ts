import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeRankFile, type Encoding, RankTable } from './rank-table.js';
import type { TiktokenBPE } from 'js-tiktoken/lite';

export type EncodingName = 'o200k_base' | 'cl100k_base';

// The rank files `npm run build` writes (scripts/build-rank-tables.mjs); without them, the table is
// built from js-tiktoken's rank module, loaded through createRequire so only that one table is parsed.
const require = createRequire(import.meta.url);
const RANK_FILES = new URL('../../ranks/', import.meta.url);

interface Encoder {
  pattern: RegExp;
  table: RankTable;
}

const encoders = new Map<EncodingName, Encoder>();
const utf8 = new TextEncoder();

function encoderFor(encoding: EncodingName): Encoder {
  let encoder = encoders.get(encoding);
  if (encoder === undefined) {
    const loaded = readRankFile(encoding) ?? tiktokenRanks(encoding);
    encoder = { pattern: new RegExp(loaded.pattern, 'gu'), table: loaded.table };
    encoders.set(encoding, encoder);
  }
  return encoder;
}

/** Encodings loaded so far in this process (a tokenizer is loaded only when a prompt is counted). */
export function loadedEncodings(): EncodingName[] {
  return [...encoders.keys()];
}

function readRankFile(encoding: EncodingName): Encoding | undefined {
  try {
    return decodeRankFile(readFileSync(new URL(`${encoding}.bin`, RANK_FILES)));
  } catch {
    return undefined;
  }
}

/** The same table straight from js-tiktoken, for a build without rank files. */
export function tiktokenRanks(encoding: EncodingName): Encoding {
  const bpe = require(`js-tiktoken/ranks/${encoding}`) as TiktokenBPE;
  return { table: RankTable.fromTiktoken(bpe.bpe_ranks), pattern: bpe.pat_str };
}

/**
 * Number of tokens byte-pair merging yields for one pre-token piece. Same merges as js-tiktoken
 * (always the lowest-ranked adjacent pair, leftmost on ties), but with a heap instead of a rescan
 * after every merge, so a 100 KB run of spaces or base64 costs n·log n instead of n².
 */
function mergeCount(bytes: Uint8Array, encoder: Encoder): number {
  const n = bytes.length;
  if (n <= 1) return n;
  const { table } = encoder;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const prev = new Int32Array(n);
  const next = new Int32Array(n);
  const version = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    start[i] = i;
    end[i] = i + 1;
    prev[i] = i - 1;
    next[i] = i + 1 < n ? i + 1 : -1;
  }
  // Heap entries: [rank, start of the left part, left part id, its version when pushed].
  const heap: Array<[number, number, number, number]> = [];
  const less = (a: [number, number, number, number], b: [number, number, number, number]): boolean =>
    a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  const push = (entry: [number, number, number, number]): void => {
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const pop = (): [number, number, number, number] => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  };
  const pair = (left: number): void => {
    const right = next[left]!;
    if (right < 0) return;
    const rank = table.rank(bytes, start[left]!, end[right]!);
    if (rank >= 0) push([rank, start[left]!, left, version[left]!]);
  };
  for (let i = 0; i + 1 < n; i++) pair(i);
  let parts = n;
  while (heap.length > 0) {
    const [, , left, seen] = pop();
    if (version[left] !== seen || next[left]! < 0) continue;
    const right = next[left]!;
    end[left] = end[right]!;
    next[left] = next[right]!;
    if (next[right]! >= 0) prev[next[right]!] = left;
    version[right] = -1;
    version[left]!++;
    parts--;
    const before = prev[left]!;
    if (before >= 0) {
      version[before]!++;
      pair(before);
    }
    pair(left);
  }
  return parts;
}

/**
 * Exactly js-tiktoken's count, with special-token strings such as `<|endoftext|>` counted as
 * ordinary text: that is how a provider sees them inside a prompt, and js-tiktoken would throw.
 */
export function countTokens(text: string, encoding: EncodingName): number {
  if (text.length === 0) return 0;
  const encoder = encoderFor(encoding);
  let count = 0;
  for (const match of text.matchAll(encoder.pattern)) {
    const piece = match[0];
    const bytes = utf8.encode(piece);
    count += encoder.table.rank(bytes, 0, bytes.length) >= 0 ? 1 : mergeCount(bytes, encoder);
  }
  return count;
}

const O200K = /^(?:gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|gpt-realtime|gpt-audio|o[1-9](?:-|$)|codex-|computer-use)/;
const CL100K = /^(?:gpt-4|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada-002|davinci-002|babbage-002)/;

/** Strips routing prefixes: `openai/gpt-4o`, `openai:gpt-4o`, `ft:gpt-4o-mini:org::id`, Azure-style paths. */
export function bareModelId(model: string): string {
  let id = model.trim().toLowerCase();
  if (id.startsWith('ft:')) id = id.slice(3).split(':')[0] ?? '';
  const slash = id.lastIndexOf('/');
  if (slash >= 0) id = id.slice(slash + 1);
  const prefix = /^[a-z-]+:(?=[a-z])/.exec(id);
  if (prefix) id = id.slice(prefix[0].length);
  return id;
}

export function encodingForModel(model: string | undefined): { encoding: EncodingName; approximate: boolean } {
  if (model === undefined || model.trim() === '') return { encoding: 'o200k_base', approximate: true };
  const id = bareModelId(model);
  if (O200K.test(id)) return { encoding: 'o200k_base', approximate: false };
  if (CL100K.test(id)) return { encoding: 'cl100k_base', approximate: false };
  return { encoding: 'o200k_base', approximate: true };
}
