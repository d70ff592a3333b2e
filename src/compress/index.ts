import { countTokens, type EncodingName } from '../tokens/count.js';
import { applyEdits, type Pass, type TextEdit } from './edits.js';
import { compareSignatures, signatureOf } from './invariants.js';
import { SAFE_PHRASE_PASSES } from './phrases.js';
import { MASK_CLOSE, MASK_OPEN, maskText, unmask } from './protect.js';
import { reviewPasses } from './review.js';
import { lineWraps, nesting, whitespacePasses } from './whitespace.js';

export interface Change {
  rule: string;
  tier: 'safe' | 'review';
  reason: string;
  before: string;
  after: string;
}

export interface CompressResult {
  text: string;
  changes: Change[];
}

export interface CompressOptions {
  tier: 'safe' | 'all';
  encoding?: EncodingName;
}

// When a pass's combined result breaks an invariant, its edits are retried one at a time; each
// retry re-checks the whole text, so the retries are capped by the characters they re-check, to
// stay linear on huge prompts.
const MIN_RETRIED_EDITS = 40;
const MAX_RETRIED_CHARS = 4_000_000;
// How far to look for a token boundary around an edit before settling for an approximate window.
const WINDOW_SEARCH = 2000;

function isLetter(code: number): boolean {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code < 0xc0 || (code >= 0xd800 && code <= 0xdfff) || (code >= 0xe000 && code <= 0xf8ff)) return false;
  return /\p{L}/u.test(String.fromCharCode(code));
}

/**
 * A position where both o200k and cl100k pre-tokenizers always split: after a letter and before a
 * newline, or before a space that is followed by a letter. Token counts of the text on either side
 * of such a position simply add up, so an edit's effect can be measured on a small window.
 */
function isBoundary(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return true;
  if (!isLetter(text.charCodeAt(p - 1))) return false;
  const c = text.charCodeAt(p);
  return c === 10 || (c === 32 && p + 1 < text.length && isLetter(text.charCodeAt(p + 1)));
}

function leftBoundary(text: string, start: number): number {
  const limit = Math.max(0, start - WINDOW_SEARCH);
  for (let p = start - 1; p > limit; p--) {
    // A space boundary also looks at the character after it, which must lie outside the edit.
    if (isBoundary(text, p) && (p <= start - 2 || text.charCodeAt(p) === 10)) return p;
  }
  return limit;
}

function rightBoundary(text: string, end: number): number {
  const limit = Math.min(text.length, end + WINDOW_SEARCH);
  for (let q = end + 1; q < limit; q++) if (isBoundary(text, q)) return q;
  return limit;
}

/** Token change of one edit (negative saves), measured exactly on the window around it. */
function tokenDelta(text: string, edit: TextEdit, pieces: readonly string[], encoding: EncodingName): number {
  if (edit.start === 0 && edit.end === text.length) {
    return countTokens(unmask(edit.text, pieces), encoding) - countTokens(unmask(text, pieces), encoding);
  }
  const left = leftBoundary(text, edit.start);
  const right = rightBoundary(text, edit.end);
  const before = unmask(text.slice(left, right), pieces);
  const after = unmask(text.slice(left, edit.start) + edit.text + text.slice(edit.end, right), pieces);
  return countTokens(after, encoding) - countTokens(before, encoding);
}

/** Keeps the edit when some replacement saves tokens, settling on the one that saves most. */
function chooseReplacement(text: string, edit: TextEdit, pieces: readonly string[], encoding: EncodingName): boolean {
  let best = edit.text;
  let bestDelta = tokenDelta(text, edit, pieces, encoding);
  for (const alternative of edit.alternatives ?? []) {
    const delta = tokenDelta(text, { ...edit, text: alternative }, pieces, encoding);
    if (delta < bestDelta) {
      best = alternative;
      bestDelta = delta;
    }
  }
  edit.text = best;
  return bestDelta < 0;
}

function toChange(text: string, edit: TextEdit, pieces: readonly string[]): Change {
  const change: Change = { rule: edit.rule, tier: edit.tier, reason: edit.reason, before: '', after: '' };
  if (edit.display) return { ...change, ...edit.display };
  // Show whole words: "Please summarize" → "Summarize", not "Please s" → "S".
  const before = text.slice(edit.start, edit.end);
  const tail = /^\p{L}*/u.exec(text.slice(edit.end, edit.end + 40))![0];
  const cutsWord = tail !== '' && /\p{L}$/u.test(before);
  change.before = unmask(cutsWord ? before + tail : before, pieces);
  change.after = unmask(cutsWord ? edit.text + tail : edit.text, pieces);
  return change;
}

function passesFor(tier: 'safe' | 'all', pieces: () => readonly string[]): Pass[] {
  return tier === 'all'
    ? [...SAFE_PHRASE_PASSES, ...reviewPasses(pieces), ...whitespacePasses(pieces), nesting, lineWraps]
    : [...SAFE_PHRASE_PASSES, ...whitespacePasses(pieces)];
}

function runPasses(
  masked: string,
  passes: readonly Pass[],
  pieces: readonly string[],
  encoding: EncodingName,
  holds: ((candidate: string) => boolean) | undefined,
): { text: string; changes: Change[] } {
  let current = masked;
  const changes: Change[] = [];
  for (const pass of passes) {
    const found = pass.find(current);
    if (found.length === 0) continue;
    let edits = found.filter((edit) => chooseReplacement(current, edit, pieces, encoding));
    if (edits.length === 0) continue;
    let next = applyEdits(current, edits);
    if (holds && !holds(next)) {
      const kept: TextEdit[] = [];
      const retries = Math.max(MIN_RETRIED_EDITS, Math.floor(MAX_RETRIED_CHARS / Math.max(1, current.length)));
      for (const edit of edits.slice(0, retries)) {
        if (holds(applyEdits(current, [...kept, edit]))) kept.push(edit);
      }
      edits = kept;
      next = applyEdits(current, kept);
    }
    for (const edit of edits) changes.push(toChange(current, edit, pieces));
    current = next;
  }
  return { text: current, changes };
}

/**
 * Rewrites a prompt to fewer tokens. Protected spans are masked first, so no rule can reach them,
 * and every edit must save at least one token. The result is checked against the original's
 * invariants; if it fails, the passes run again with a check after each one, and a pass that
 * breaks an invariant keeps only the edits that hold on their own.
 */
export function compressText(text: string, options: CompressOptions): CompressResult {
  if (text.trim() === '' || text.includes(MASK_OPEN) || text.includes(MASK_CLOSE)) return { text, changes: [] };
  const encoding = options.encoding ?? 'o200k_base';
  const { masked, pieces } = maskText(text);
  const original = signatureOf(text);
  const holds = (candidate: string): boolean => compareSignatures(original, signatureOf(unmask(candidate, pieces))).length === 0;
  const passes = passesFor(options.tier, () => pieces);

  let run = runPasses(masked, passes, pieces, encoding, undefined);
  if (run.changes.length > 0 && !holds(run.text)) run = runPasses(masked, passes, pieces, encoding, holds);
  if (run.changes.length === 0 || !holds(run.text)) return { text, changes: [] };
  return { text: unmask(run.text, pieces), changes: run.changes };
}

export { checkInvariants } from './invariants.js';
export { promptToAtomText } from './atoms.js';
export { emitLiteral } from './emit.js';
