// Finds the parts of a prompt that no rewrite may touch. The same detector feeds the compressor
// (which masks these spans) and the invariant check (which compares them), so both always agree.

export type SpanKind =
  | 'fence'
  | 'frontmatter'
  | 'indented'
  | 'yaml'
  | 'example'
  | 'transcript'
  | 'json'
  | 'placeholder'
  | 'inline-code'
  | 'url'
  | 'email'
  | 'xml-tag'
  | 'quote';

export interface Span {
  start: number;
  end: number;
  kind: SpanKind;
}

interface Line {
  start: number;
  /** End of the line's content, before `\r\n` or `\n`. */
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      lines.push({ start, end: text.length });
      return lines;
    }
    lines.push({ start, end: nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl });
    start = nl + 1;
  }
}

// Any indentation: a prompt inside an indented template literal indents its fences with everything else.
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})/;
const TRANSCRIPT =
  /^[ \t]*(?:>[ \t]*)?(?:[-*][ \t]+)?(?:\*\*|__)?(?:user|assistant|human|ai|system|bot|customer|agent|model|q|a)(?:\*\*|__)?[ \t]*:/i;
const YAML_KEY = /^([ \t]*)(?:-[ \t]+)?[a-z_][a-z0-9_.-]*[ \t]*:(?:[ \t]+\S.*|[ \t]*)$/;
const LIST_MARKER = /^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+/;
// A line that introduces examples: the block that follows it (up to a blank line) is kept verbatim.
const EXAMPLE_HEADER =
  /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?(?:for[ \t]+)?(?:(?:an?|the)[ \t]+)?(?:examples?|sample)(?:[ \t]+[\w-]+){0,3}[ \t]*\d*[ \t]*(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*$/i;
const EXAMPLE_HEADING = /^ {0,3}(#{1,6})[ \t]+(?:\*\*|__)?(?:examples?|samples?|few-shot)\b/i;
const EXAMPLE_INLINE = /(?:^|[^\p{L}])(?:for[ \t]+)?examples?(?:[ \t]+[\w-]+){0,2}[ \t]*:[ \t]*(?=\S)/iu;
const EXAMPLE_TAG = /<((?:example|sample|demo)[\w-]*)\b[^<>\n]*>/gi;

function isBlank(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

function indentWidth(text: string, line: Line): number {
  let width = 0;
  for (let i = line.start; i < line.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) width += 1;
    else if (c === 9) width += 4;
    else break;
  }
  return width;
}

/** Number of leading characters that make up `width` columns of indentation. */
function leadingChars(text: string, line: Line, width: number): number {
  let columns = 0;
  let i = line.start;
  while (i < line.end && columns < width) {
    const c = text.charCodeAt(i);
    if (c === 32) columns += 1;
    else if (c === 9) columns += 4;
    else break;
    i++;
  }
  return i - line.start;
}

/** Line-level blocks: fences, front matter, indented code, YAML, example blocks, transcript lines. */
function findBlockSpans(text: string): Span[] {
  const lines = splitLines(text);
  const spans: Span[] = [];
  const lineText = (l: Line): string => text.slice(l.start, l.end);
  let i = 0;

  if (lines.length > 2 && lineText(lines[0]!).trim() === '---') {
    for (let j = 1; j < Math.min(lines.length, 200); j++) {
      const t = lineText(lines[j]!).trim();
      if (t === '---' || t === '...') {
        if (j > 1) {
          spans.push({ start: 0, end: lines[j]!.end, kind: 'frontmatter' });
          i = j + 1;
        }
        break;
      }
      if (!/^(?:[\w.-]+[ \t]*:|[ \t]*-[ \t]|[ \t]+\S|#|$)/.test(lineText(lines[j]!))) break;
    }
  }

  // Prompts written inside indented template literals share a common indentation; code blocks are
  // indented four columns beyond it.
  let common = Infinity;
  for (let k = i; k < lines.length; k++) {
    if (!isBlank(text, lines[k]!)) common = Math.min(common, indentWidth(text, lines[k]!));
  }
  if (common === Infinity) common = 0;

  let previousBlank = true;
  let previousIndented = false;
  while (i < lines.length) {
    const line = lines[i]!;
    const t = lineText(line);
    const fence = FENCE_OPEN.exec(t);
    if (fence) {
      const marker = fence[1]!;
      let j = i + 1;
      while (j < lines.length) {
        const close = lineText(lines[j]!);
        const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(close);
        if (m && m[1]![0] === marker[0] && m[1]!.length >= marker.length) break;
        j++;
      }
      const last = lines[Math.min(j, lines.length - 1)]!;
      // From the marker: the indentation before it belongs to the prompt, and may be removed.
      spans.push({ start: line.start + t.indexOf(marker), end: last.end, kind: 'fence' });
      i = j + 1;
      previousBlank = false;
      previousIndented = false;
      continue;
    }
    if (isBlank(text, line)) {
      previousBlank = true;
      i++;
      continue;
    }
    const indent = indentWidth(text, line);
    if (indent >= common + 4 && (previousBlank || previousIndented) && !LIST_MARKER.test(t)) {
      spans.push({ start: line.start + leadingChars(text, line, common), end: line.end, kind: 'indented' });
      previousIndented = true;
      previousBlank = false;
      i++;
      continue;
    }
    previousIndented = false;
    previousBlank = false;
    if (TRANSCRIPT.test(t)) {
      spans.push({ start: line.start, end: line.end, kind: 'transcript' });
      i++;
      continue;
    }
    const yaml = YAML_KEY.exec(t);
    if (yaml) {
      const base = indent;
      let keys = 1;
      let j = i + 1;
      while (j < lines.length) {
        const next = lines[j]!;
        if (isBlank(text, next)) break;
        if (YAML_KEY.test(lineText(next)) && indentWidth(text, next) >= base) keys++;
        else if (indentWidth(text, next) <= base) break;
        j++;
      }
      if (keys >= 2) {
        spans.push({ start: line.start, end: lines[j - 1]!.end, kind: 'yaml' });
        i = j;
        continue;
      }
    }
    const exampleHeading = EXAMPLE_HEADING.exec(t);
    if (exampleHeading) {
      // The whole section under an "Examples" heading, up to the next heading of its level or above.
      const level = exampleHeading[1]!.length;
      let j = i + 1;
      let lastContent = i;
      let fenceMarker: string | undefined;
      while (j < lines.length) {
        const lt = lineText(lines[j]!);
        const f = FENCE_OPEN.exec(lt);
        if (fenceMarker !== undefined) {
          if (f && f[1]![0] === fenceMarker[0] && f[1]!.length >= fenceMarker.length && lt.trim() === f[1]) fenceMarker = undefined;
        } else if (f) {
          fenceMarker = f[1]!;
        } else {
          const h = /^ {0,3}(#{1,6})[ \t]/.exec(lt);
          if (h && h[1]!.length <= level) break;
        }
        if (!isBlank(text, lines[j]!)) lastContent = j;
        j++;
      }
      if (lastContent > i) {
        spans.push({ start: lines[i + 1]!.start, end: lines[lastContent]!.end, kind: 'example' });
        i = lastContent + 1;
        continue;
      }
      i++;
      continue;
    }
    if (EXAMPLE_HEADER.test(t)) {
      let j = i + 1;
      while (j < lines.length && !isBlank(text, lines[j]!)) {
        if (FENCE_OPEN.test(lineText(lines[j]!))) break;
        j++;
      }
      if (j > i + 1) {
        spans.push({ start: lines[i + 1]!.start, end: lines[j - 1]!.end, kind: 'example' });
        i = j;
        continue;
      }
    } else {
      const inline = EXAMPLE_INLINE.exec(t);
      if (inline) {
        spans.push({ start: line.start + inline.index + inline[0].length, end: line.end, kind: 'example' });
      }
    }
    i++;
  }
  return spans;
}

/** `<example>…</example>` elements, merged with whatever block spans they overlap. */
function addExampleElements(text: string, spans: Span[]): Span[] {
  if (!/<(?:example|sample|demo)/i.test(text)) return spans;
  const lower = text.toLowerCase();
  const extra: Span[] = [];
  const unclosed = new Set<string>();
  EXAMPLE_TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EXAMPLE_TAG.exec(text)) !== null) {
    const name = m[1]!.toLowerCase();
    if (unclosed.has(name)) continue;
    const close = lower.indexOf(`</${name}>`, m.index + m[0].length);
    if (close < 0) {
      unclosed.add(name);
      continue;
    }
    const end = close + m[1]!.length + 3;
    extra.push({ start: m.index, end, kind: 'example' });
    EXAMPLE_TAG.lastIndex = end;
  }
  if (extra.length === 0) return spans;
  const all = [...spans, ...extra].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of all) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      if (span.end > last.end) last.end = span.end;
      if (span.kind === 'example') last.kind = 'example';
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

const BRACE_PLACEHOLDER = /^(?:\$\{[^{}\n]*\}|\{\{\{?[^{}\n]*\}?\}\}|\{[^{}\n]{0,80}\})$/;

/** Balanced `{…}` groups (placeholders, JSON) and multi-line `[…]` arrays that open a line. */
function findBracketSpans(text: string, from: number, to: number, out: Span[]): void {
  const braces: number[] = [];
  const brackets: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) {
      braces.push(i);
    } else if (c === 125) {
      const open = braces.pop();
      if (open !== undefined && braces.length === 0) {
        const start = open > from && text.charCodeAt(open - 1) === 36 ? open - 1 : open;
        const body = text.slice(start, i + 1);
        out.push({ start, end: i + 1, kind: BRACE_PLACEHOLDER.test(body) ? 'placeholder' : 'json' });
        // Anything inside (nested brackets) is covered; drop half-open arrays started inside.
        while (brackets.length > 0 && brackets[brackets.length - 1]! > start) brackets.pop();
      }
    } else if (c === 91 && braces.length === 0) {
      brackets.push(i);
    } else if (c === 93 && braces.length === 0) {
      const open = brackets.pop();
      if (open !== undefined && brackets.length === 0) {
        const lineStart = text.lastIndexOf('\n', open - 1) + 1;
        const multiline = text.indexOf('\n', open) < i && text.indexOf('\n', open) >= 0;
        if (multiline && text.slice(lineStart, open).trim() === '') {
          out.push({ start: open, end: i + 1, kind: 'json' });
        }
      }
    }
  }
}

// One pass over the remaining prose. Alternatives are tried in order at each position.
const INLINE = new RegExp(
  [
    String.raw`(?<atom>\uE000\d+\uE001)`,
    String.raw`(?<code>\x60\x60[^\n]{1,1000}?\x60\x60|\x60[^\x60\n]+\x60)`,
    String.raw`(?<url>\b(?:https?|ftp|file):\/\/[^\s<>"'\x60]+|\bwww\.[A-Za-z0-9-]+\.[^\s<>"'\x60]+)`,
    String.raw`(?<email>(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+)`,
    String.raw`(?<var><[A-Z][A-Z0-9_]*>)`,
    String.raw`(?<tag><\/?[A-Za-z][\w:.-]{0,60}(?:\s[^<>\n]{0,300}?)?\/?>)`,
    String.raw`(?<printf>%(?:\(\w{1,40}\))?(?:\d{1,3}\$)?[-+#0]?\d{0,3}(?:\.\d{1,3})?[sdif@](?![A-Za-z0-9]))`,
    String.raw`(?<brace>\$?\{\{?[^{}\n]{0,80}\}?\})`,
    String.raw`(?<caps>\[[A-Z][A-Z0-9_ -]{0,60}\])`,
    String.raw`(?<quote>"[^"\n]{0,400}"|“[^”\n]{0,400}”|(?<![\p{L}\p{N}])'[^'\n]{1,200}'(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])‘[^’\n]{1,200}’)`,
  ].join('|'),
  'gu',
);

function inlineKind(groups: Record<string, string | undefined>): SpanKind {
  if (groups.atom !== undefined || groups.brace !== undefined || groups.var !== undefined || groups.printf !== undefined || groups.caps !== undefined) {
    return 'placeholder';
  }
  if (groups.code !== undefined) return 'inline-code';
  if (groups.url !== undefined) return 'url';
  if (groups.email !== undefined) return 'email';
  if (groups.tag !== undefined) return 'xml-tag';
  return 'quote';
}

function trimUrl(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text[end - 1]!;
    if ('.,;:!?'.includes(c)) end--;
    else if (c === ')' && !text.slice(start, end - 1).includes('(')) end--;
    else break;
  }
  return end;
}

function findInlineSpans(text: string, from: number, to: number, out: Span[]): void {
  const slice = text.slice(from, to);
  INLINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INLINE.exec(slice)) !== null) {
    const kind = inlineKind(m.groups ?? {});
    const start = from + m.index;
    let end = start + m[0].length;
    if (kind === 'url') end = trimUrl(text, start, end);
    out.push({ start, end, kind });
    INLINE.lastIndex = end - from;
  }
}

/** Sorted, non-overlapping protected spans of `text`. Linear in the text's length. */
export function findProtectedSpans(text: string): Span[] {
  const blocks = addExampleElements(text, findBlockSpans(text));
  const bracketed: Span[] = [];
  let cursor = 0;
  for (const block of [...blocks, { start: text.length, end: text.length, kind: 'fence' as const }]) {
    if (block.start > cursor) findBracketSpans(text, cursor, block.start, bracketed);
    cursor = Math.max(cursor, block.end);
  }
  const outer: Span[] = [];
  for (const span of [...blocks, ...bracketed].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = outer[outer.length - 1];
    if (last === undefined || span.start >= last.end) outer.push(span);
  }
  const spans: Span[] = [];
  cursor = 0;
  for (const span of [...outer, { start: text.length, end: text.length, kind: 'fence' as const }]) {
    if (span.start > cursor) findInlineSpans(text, cursor, span.start, spans);
    if (span.end > span.start) spans.push(span);
    cursor = Math.max(cursor, span.end);
  }
  return spans;
}

export const MASK_OPEN = '\uE002';
export const MASK_CLOSE = '\uE003';
const MASK_PATTERN = /\uE002(\d+)\uE003/g;

export interface Masked {
  /** The text with every protected span replaced by a private-use mask. */
  masked: string;
  spans: Span[];
  /** Span texts, by mask index. */
  pieces: string[];
}

export function maskText(text: string): Masked {
  const spans = findProtectedSpans(text);
  const pieces: string[] = [];
  let masked = '';
  let cursor = 0;
  for (const span of spans) {
    masked += text.slice(cursor, span.start) + MASK_OPEN + pieces.length + MASK_CLOSE;
    pieces.push(text.slice(span.start, span.end));
    cursor = span.end;
  }
  masked += text.slice(cursor);
  return { masked, spans, pieces };
}

export function unmask(masked: string, pieces: readonly string[]): string {
  if (!masked.includes(MASK_OPEN)) return masked;
  return masked.replace(MASK_PATTERN, (whole, index: string) => pieces[Number(index)] ?? whole);
}
