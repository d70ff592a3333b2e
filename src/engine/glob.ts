// Glob → RegExp for config `ignores` and `settings.traffic`. Paths are matched whole, relative to the
// config directory, with `/` separators. `*` and `**` also match names starting with a dot (like
// minimatch's `dot: true`), since config authors list what they mean and hidden folders are rare targets.
//
// Supported: `*`, `?`, `**` as a whole segment, `{a,b}` alternatives (nestable), `[abc]`, `[a-z]`,
// `[!abc]` / `[^abc]`, and `\` to escape the next character. An unclosed `[` or `{` is taken literally.

const MAX_EXPANSIONS = 256;
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (!re) {
    const alternatives = expandBraces(glob.startsWith('./') ? glob.slice(2) : glob).map(convertPlain);
    re = new RegExp(`^(?:${alternatives.join('|')})$`);
    cache.set(glob, re);
  }
  return re;
}

export function matchGlob(glob: string, relativePath: string): boolean {
  return globToRegExp(glob).test(relativePath);
}

function expandBraces(pattern: string): string[] {
  const open = findBraceGroup(pattern);
  if (!open) return [pattern];
  const { start, end, commas } = open;
  const before = pattern.slice(0, start);
  const after = pattern.slice(end + 1);
  const out: string[] = [];
  let from = start + 1;
  for (const comma of [...commas, end]) {
    for (const expanded of expandBraces(before + pattern.slice(from, comma) + after)) {
      out.push(expanded);
      if (out.length > MAX_EXPANSIONS) throw new Error(`glob "${pattern}" expands to more than ${MAX_EXPANSIONS} patterns`);
    }
    from = comma + 1;
  }
  return out;
}

/** First `{…}` with a top-level comma, skipping escapes and character classes. */
function findBraceGroup(pattern: string): { start: number; end: number; commas: number[] } | undefined {
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = classEnd(pattern, i) ?? i;
    else if (ch === '{') {
      const group = braceGroupAt(pattern, i);
      if (group) return group;
    }
  }
  return undefined;
}

function braceGroupAt(pattern: string, start: number): { start: number; end: number; commas: number[] } | undefined {
  const commas: number[] = [];
  let depth = 0;
  for (let i = start + 1; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = classEnd(pattern, i) ?? i;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      if (depth === 0) return commas.length > 0 ? { start, end: i, commas } : undefined;
      depth--;
    } else if (ch === ',' && depth === 0) commas.push(i);
  }
  return undefined;
}

/** Index of the `]` closing the class opened at `start`, or undefined when unclosed. */
function classEnd(pattern: string, start: number): number | undefined {
  let i = start + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++; // a leading `]` is a member, as in POSIX
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  return undefined;
}

function convertPlain(pattern: string): string {
  const segments = pattern.split('/').filter((seg, i, all) => !(seg === '**' && all[i - 1] === '**'));
  const last = segments.length - 1;
  let out = '';
  segments.forEach((seg, i) => {
    if (seg === '**') {
      if (last === 0) out = '.*';
      else if (i === 0) out += '(?:.*/)?';
      else if (i === last) out += '(?:/.*)?';
      else out += '/(?:.*/)?';
      return;
    }
    if (i > 0 && segments[i - 1] !== '**') out += '/';
    out += convertSegment(seg);
  });
  return out;
}

function convertSegment(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i]!;
    if (ch === '\\' && i + 1 < seg.length) out += escapeRegExp(seg[++i]!);
    else if (ch === '*') {
      while (seg[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = classEnd(seg, i);
      if (end === undefined) out += '\\[';
      else {
        out += convertClass(seg.slice(i + 1, end));
        i = end;
      }
    } else out += escapeRegExp(ch);
  }
  return out;
}

function convertClass(body: string): string {
  let negate = false;
  if (body.startsWith('!') || body.startsWith('^')) {
    negate = true;
    body = body.slice(1);
  }
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '-' && i > 0 && i < body.length - 1) out += '-';
    else {
      const literal = ch === '\\' && i + 1 < body.length ? body[++i]! : ch;
      out += /[\\\]^-]/.test(literal) ? `\\${literal}` : literal;
    }
  }
  // A class never matches the separator, so `[!a]` cannot cross into another segment.
  return negate ? `(?!/)[^${out}]` : `[${out}]`;
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
