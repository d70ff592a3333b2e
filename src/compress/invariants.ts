import { maskText, type SpanKind } from './protect.js';

// Placeholders counted over the whole text, wherever they sit (also inside quotes or tags).
const PLACEHOLDER =
  /\uE000\d+\uE001|\$\{[^{}\n]{0,200}\}|\{\{\{?[^{}\n]{0,200}\}?\}\}|\{[^{}\n]{0,80}\}|%(?:\(\w{1,40}\))?(?:\d{1,3}\$)?[-+#0]?\d{0,3}(?:\.\d{1,3})?[sdif@](?![A-Za-z0-9])|\[[A-Z][A-Z0-9_ -]{0,60}\]|<[A-Z][A-Z0-9_]{0,60}>/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const URL_OR_EMAIL = /\b(?:https?|ftp|file):\/\/[^\s<>"'`]+|\bwww\.[A-Za-z0-9-]+\.[^\s<>"'`]+|(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+/g;

/** Negation and restriction words whose count must never drop. */
export const NEGATION =
  /\b(?:not|no|never|none|nor|neither|nothing|nobody|nowhere|cannot|can['’]t|don['’]t|doesn['’]t|didn['’]t|won['’]t|wouldn['’]t|shouldn['’]t|mustn['’]t|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|haven['’]t|hasn['’]t|without|except|excluding|unless|only|solely|exclusively|avoid|avoiding|refrain|forbid|forbidden|prohibited|disallowed|instead|limit|limited|restrict|restricted|at most|at least|no longer)\b/gi;

// At any indentation: a prompt is read, not rendered, and indentation is what whitespace passes remove.
const HEADING = /^[ \t]*(#{1,6})(?:[ \t]|$)/;
const LIST_ITEM = /^[ \t]*(?:([-*+•])|(\d{1,3})[.)])[ \t]+\S/;
const RULE_LINE = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^[ \t]*(?:=+|-+)[ \t]*$/;

const SPAN_GROUPS: Record<string, readonly SpanKind[]> = {
  'code-fences': ['fence'],
  'inline-code': ['inline-code'],
  examples: ['json', 'yaml', 'example', 'frontmatter', 'indented'],
  'xml-tags': ['xml-tag'],
  quotes: ['quote'],
  transcript: ['transcript'],
};

interface Signature {
  placeholders: Map<string, number>;
  numbers: string[];
  negations: Map<string, number>;
  urls: string[];
  groups: Map<string, string[]>;
  structure: string[];
}

function tally(text: string, pattern: RegExp, normalize: (s: string) => string = (s) => s): Map<string, number> {
  const counts = new Map<string, number>();
  // matchAll starts at the pattern's lastIndex; never let a caller's state leak in.
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    const key = normalize(m[0]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function structureOf(masked: string): string[] {
  const out: string[] = [];
  let previous = '';
  for (const raw of masked.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const heading = HEADING.exec(line);
    if (heading) {
      out.push(`h${heading[1]!.length}`);
    } else if (SETEXT.test(line) && previous.trim() !== '' && !LIST_ITEM.test(previous) && !RULE_LINE.test(previous)) {
      out.push(line.trim().startsWith('=') ? 'h1' : 'h2');
    } else if (!RULE_LINE.test(line)) {
      const item = LIST_ITEM.exec(line);
      if (item) out.push(item[1] !== undefined ? 'ul' : 'ol');
    }
    previous = line;
  }
  return out;
}

function signatureOf(text: string): Signature {
  const { masked, spans } = maskText(text);
  const groups = new Map<string, string[]>();
  for (const name of Object.keys(SPAN_GROUPS)) groups.set(name, []);
  for (const span of spans) {
    for (const [name, kinds] of Object.entries(SPAN_GROUPS)) {
      if (kinds.includes(span.kind)) groups.get(name)!.push(text.slice(span.start, span.end));
    }
  }
  return {
    placeholders: tally(text, PLACEHOLDER),
    numbers: text.match(NUMBER) ?? [],
    negations: tally(text, NEGATION, (s) => s.toLowerCase().replace('’', "'")),
    urls: text.match(URL_OR_EMAIL) ?? [],
    groups,
    structure: structureOf(masked),
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameCounts(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

function noneDropped(original: Map<string, number>, rewrite: Map<string, number>): boolean {
  for (const [k, v] of original) if ((rewrite.get(k) ?? 0) < v) return false;
  return true;
}

/** Compares two signatures; exported for callers that check many rewrites against one original. */
export function compareSignatures(original: Signature, rewrite: Signature): string[] {
  const violated: string[] = [];
  if (!sameCounts(original.placeholders, rewrite.placeholders)) violated.push('placeholders');
  if (!sameList(original.numbers, rewrite.numbers)) violated.push('numbers');
  if (!noneDropped(original.negations, rewrite.negations)) violated.push('negations');
  for (const [name, list] of original.groups) {
    if (!sameList(list, rewrite.groups.get(name) ?? [])) violated.push(name);
  }
  if (!sameList(original.urls, rewrite.urls)) violated.push('urls');
  if (!sameList(original.structure, rewrite.structure)) violated.push('structure');
  return violated;
}

export { signatureOf, type Signature };

/** Names of the invariants `rewrite` breaks relative to `original`; empty when it is safe to offer. */
export function checkInvariants(original: string, rewrite: string): string[] {
  if (original === rewrite) return [];
  return compareSignatures(signatureOf(original), signatureOf(rewrite));
}
