import { isCapitalized, nonOverlapping, upperFirst, type Pass, type TextEdit, type Tier } from './edits.js';

export interface Matcher {
  /** Global, usually `giu`. */
  re: RegExp;
  /** Replacement for one match (or a list: preferred first, then fallbacks), or undefined to leave it. */
  replace(m: RegExpExecArray, text: string): string | string[] | undefined;
  reason?: string;
}

export function passOf(rule: string, tier: Tier, reason: string, matchers: readonly Matcher[]): Pass {
  return {
    rule,
    tier,
    find(text: string): TextEdit[] {
      const edits: TextEdit[] = [];
      for (const matcher of matchers) {
        const re = matcher.re;
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text)) !== null) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const result = matcher.replace(m, text);
          const [replacement, ...alternatives] = typeof result === 'string' ? [result] : (result ?? []);
          if (replacement !== undefined && replacement !== m[0]) {
            const edit: TextEdit = { start: m.index, end: m.index + m[0].length, text: replacement, rule, tier, reason: matcher.reason ?? reason };
            if (alternatives.length > 0) edit.alternatives = alternatives;
            edits.push(edit);
          }
          if (!re.global) break;
        }
      }
      return nonOverlapping(edits);
    },
  };
}

/**
 * Where a sentence or list item starts: start of a line (after list markers, quote marks, heading
 * hashes, bold markers), after sentence punctuation, or after a colon or semicolon.
 */
// Bounded repeats keep the lookbehind O(1) per position, even inside a huge run of spaces.
export const SENTENCE_START = String.raw`(?<=(?:^|\n)[ \t]{0,40}(?:(?:[-*+•]|\d{1,3}[.)])[ \t]{1,8})?(?:>[ \t]{0,4})?(?:#{1,6}[ \t]{1,4})?(?:\*\*|__)?|[.!?]["')\]”’]?[ \t]{1,8}|[:;][ \t]{1,8})`;

/** Turns a readable phrase ("in order to") into a pattern that allows any run of spaces or tabs. */
export function phrasePattern(phrase: string): string {
  return phrase.replace(/ /g, String.raw`[ \t]+`);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD = /[\p{L}][\p{L}'’-]*/uy;

export function wordAt(text: string, index: number): string {
  WORD.lastIndex = index;
  return WORD.exec(text)?.[0] ?? '';
}

export function isAllCaps(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

/** Keeps the case of what was replaced: "In order to" → "To", "IN ORDER TO" → "TO". */
export function matchCase(original: string, replacement: string): string {
  if (replacement === '') return replacement;
  if (isAllCaps(original) && original.replace(/[^\p{L}]/gu, '').length > 1) return replacement.toUpperCase();
  return isCapitalized(original) ? upperFirst(replacement) : replacement;
}

const LINE_PREFIX = /(?:^|\n)[ \t]{0,40}(?:(?:[-*+•]|\d{1,3}[.)])[ \t]{1,8})?(?:\*\*|__)?$/;

export function atLineStart(text: string, index: number): boolean {
  return LINE_PREFIX.test(text.slice(Math.max(0, index - 16), index)) || index === 0;
}

/**
 * Removes a phrase that opens a sentence and re-capitalises the word after it when the phrase was
 * capitalised. `phrases` is a regex alternation written with single spaces.
 */
export function leadingPhrase(phrases: string, options: { skipNext?: RegExp; reason?: string } = {}): Matcher {
  const re = new RegExp(`${SENTENCE_START}(${phrasePattern(phrases)})[ \\t]+(\\p{L})`, 'giu');
  const matcher: Matcher = {
    re,
    replace(m, text) {
      const phrase = m[1]!;
      const letter = m[2]!;
      if (options.skipNext && options.skipNext.test(wordAt(text, m.index + m[0].length - 1))) return undefined;
      if (!isCapitalized(phrase) || letter !== letter.toLowerCase()) return letter;
      // "Greet" can cost a token more than "greet"; at the start of a line or list item the
      // lower-case form reads fine, so it is the fallback there.
      return atLineStart(text, m.index)
        ? [letter.toUpperCase(), letter]
        : letter.toUpperCase();
    },
  };
  if (options.reason !== undefined) matcher.reason = options.reason;
  return matcher;
}

/** Replaces whole-word phrases from a table, keeping the case of the first letter. */
export function phraseTable(pairs: ReadonlyArray<readonly [string, string]>, options: { reason?: string } = {}): Matcher {
  const map = new Map(pairs.map(([from, to]) => [from.toLowerCase(), to]));
  const alternatives = [...map.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => phrasePattern(escapeRegExp(k)))
    .join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}_'’-])(?:${alternatives})(?![\\p{L}\\p{N}_-])`, 'giu');
  const matcher: Matcher = {
    re,
    replace(m) {
      const key = m[0].toLowerCase().replace(/[ \t]+/g, ' ');
      const to = map.get(key);
      return to === undefined ? undefined : matchCase(m[0], to);
    },
  };
  if (options.reason !== undefined) matcher.reason = options.reason;
  return matcher;
}

// After "it is important that you …" / "make sure you …" the next word must be a verb for the
// rewrite to stay an instruction; these words start a statement or a noun phrase instead.
export const NOT_A_VERB =
  /^(?:are|is|were|was|have|has|had|can|could|will|would|should|shall|may|might|must|the|a|an|this|that|these|those|your|our|my|his|her|their|its|it|us|me|them|him|all|every|each|any|no|there|here|you|we|they|i|what|which|who|how|when|where|why|whether|if)$/i;

// After "you should …": words that make it an expectation or a statement rather than an
// instruction ("you should see a list", "you must have access"), or that the rewrite would leave dangling.
const NOT_AN_INSTRUCTION = new RegExp(`${NOT_A_VERB.source.slice(0, -2)}|not|see|receive|get|find|notice|expect|hear|feel|already|still)$`, 'i');

/** Advice: "you should", "you need to". The imperative says the same. */
export const MILD_OBLIGATION = `you (?:should|need to|will need to)(?! be able)`;
/** Requirements: the imperative drops their weight, so they are review-tier rewrites. */
export const STRONG_OBLIGATION = `you (?:must|have to|will have to|are required to|are expected to|ought to)(?! be able)`;

/**
 * "You should run the tests" → "Run the tests", "You must not guess" → "Do not guess", and after a
 * comma: "If the file exists, you should read it" → "If the file exists, read it".
 */
export function obligationMatchers(obligation: string): Matcher[] {
  return [
    leadingPhrase(obligation, { skipNext: NOT_AN_INSTRUCTION }),
    {
      re: new RegExp(`${SENTENCE_START}(${phrasePattern(obligation)})[ \\t]+(?=not[ \\t]+\\p{L})`, 'giu'),
      replace: (m) => (isCapitalized(m[1]!) ? 'Do ' : 'do '),
    },
    {
      re: new RegExp(`(?<=,[ \\t]{1,4})(${phrasePattern(obligation)})[ \\t]+(?=\\p{Ll})`, 'gu'),
      replace(m, text) {
        const next = wordAt(text, m.index + m[0].length);
        if (next.toLowerCase() === 'not') return 'do ';
        return NOT_AN_INSTRUCTION.test(next) ? undefined : '';
      },
    },
  ];
}
