// A BPE rank table as flat typed arrays: every token's bytes in one blob, with its rank, behind an
// open-addressing hash index. Built once from js-tiktoken's rank text at `npm run build` and read
// back as is, with no decoding: turning that text into a Map cost about 150 ms per process.

const MAGIC = 0x544c_5250; // "PRLT", little-endian
const FORMAT = 2;
const HEADER_WORDS = 7;

export class RankTable {
  readonly longestToken: number;
  readonly blob: Uint8Array;
  readonly offsets: Uint32Array;
  readonly ranks: Uint32Array;
  readonly slots: Uint32Array;
  private readonly mask: number;

  /** `index` is a hash index this table built before (kept in rank files); without it one is built. */
  constructor(blob: Uint8Array, offsets: Uint32Array, ranks: Uint32Array, index?: { slots: Uint32Array; longestToken: number }) {
    this.blob = blob;
    this.offsets = offsets;
    this.ranks = ranks;
    if (index) {
      this.slots = index.slots;
      this.longestToken = index.longestToken;
    } else {
      let size = 1;
      while (size < ranks.length * 2) size *= 2;
      this.slots = new Uint32Array(size);
      this.longestToken = this.fillSlots();
    }
    this.mask = this.slots.length - 1;
  }

  private fillSlots(): number {
    const { blob, offsets, slots } = this;
    const mask = slots.length - 1;
    let longest = 0;
    for (let token = 0; token < this.ranks.length; token++) {
      const start = offsets[token]!;
      const end = offsets[token + 1]!;
      if (end - start > longest) longest = end - start;
      // A later duplicate replaces an earlier one, as in js-tiktoken's map.
      let slot = hash(blob, start, end) & mask;
      for (;;) {
        const held = slots[slot]!;
        if (held === 0) break;
        if (sameBytes(blob, offsets[held - 1]!, offsets[held]!, blob, start, end)) break;
        slot = (slot + 1) & mask;
      }
      slots[slot] = token + 1;
    }
    return longest;
  }

  /** The rank of `bytes[start, end)` as one token, or -1. */
  rank(bytes: Uint8Array, start: number, end: number): number {
    if (end - start > this.longestToken) return -1;
    let slot = hash(bytes, start, end) & this.mask;
    for (;;) {
      const held = this.slots[slot]!;
      if (held === 0) return -1;
      if (sameBytes(this.blob, this.offsets[held - 1]!, this.offsets[held]!, bytes, start, end)) return this.ranks[held - 1]!;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * From js-tiktoken's rank text (its `Tiktoken` constructor format: lines of "! offset token…",
   * tokens in base64, each line's tokens ranked from its offset).
   */
  static fromTiktoken(bpeRanks: string): RankTable {
    const tokens: Buffer[] = [];
    const ranks: number[] = [];
    for (const line of bpeRanks.split('\n')) {
      if (!line) continue;
      const fields = line.split(' ');
      const offset = Number.parseInt(fields[1]!, 10);
      for (let i = 2; i < fields.length; i++) {
        tokens.push(Buffer.from(fields[i]!, 'base64'));
        ranks.push(offset + i - 2);
      }
    }
    const offsets = new Uint32Array(tokens.length + 1);
    for (let i = 0; i < tokens.length; i++) offsets[i + 1] = offsets[i]! + tokens[i]!.length;
    return new RankTable(Buffer.concat(tokens), offsets, Uint32Array.from(ranks));
  }
}

/**
 * An encoding as one file: a header, then offsets, ranks and hash slots (32-bit words), the token
 * blob and the pre-tokenizer pattern.
 */
export function encodeRankFile(table: RankTable, pattern: string): Uint8Array {
  const count = table.ranks.length;
  const patternBytes = Buffer.from(pattern, 'utf8');
  const words = HEADER_WORDS + count + 1 + count + table.slots.length;
  const out = new Uint8Array(words * 4 + table.blob.length + patternBytes.length);
  const view = new Uint32Array(out.buffer, 0, words);
  view.set([MAGIC, FORMAT, count, table.slots.length, table.longestToken, table.blob.length, patternBytes.length]);
  view.set(table.offsets, HEADER_WORDS);
  view.set(table.ranks, HEADER_WORDS + count + 1);
  view.set(table.slots, HEADER_WORDS + count + 1 + count);
  out.set(table.blob, words * 4);
  out.set(patternBytes, words * 4 + table.blob.length);
  return out;
}

/** An encoding: its rank table and the pre-tokenizer pattern that splits text before merging. */
export interface Encoding {
  table: RankTable;
  pattern: string;
}

/** Undefined when the bytes are not a rank file of this format (then build from js-tiktoken). */
export function decodeRankFile(bytes: Uint8Array): Encoding | undefined {
  if (bytes.byteLength < HEADER_WORDS * 4 || bytes.byteOffset % 4 !== 0) return undefined;
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
  const [magic, format, count, slotCount, longestToken, blobLength, patternLength] = Array.from(header);
  if (magic !== MAGIC || format !== FORMAT || (slotCount! & (slotCount! - 1)) !== 0) return undefined;
  const words = HEADER_WORDS + count! + 1 + count! + slotCount!;
  const blobStart = words * 4;
  if (bytes.byteLength !== blobStart + blobLength! + patternLength!) return undefined;
  const at = (word: number, length: number) => new Uint32Array(bytes.buffer, bytes.byteOffset + word * 4, length);
  const offsets = at(HEADER_WORDS, count! + 1);
  const ranks = at(HEADER_WORDS + count! + 1, count!);
  const slots = at(HEADER_WORDS + count! + 1 + count!, slotCount!);
  const blob = bytes.subarray(blobStart, blobStart + blobLength!);
  const pattern = Buffer.from(bytes.buffer, bytes.byteOffset + blobStart + blobLength!, patternLength).toString('utf8');
  return { table: new RankTable(blob, offsets, ranks, { slots, longestToken: longestToken! }), pattern };
}

// FNV-1a.
function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

function sameBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = 0; i < aEnd - aStart; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}
