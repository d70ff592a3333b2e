// Whitespace rewrites. They run on the masked text, so code fences, indented code and every other
// protected span keep their whitespace; the tokenizer decides which of these edits pay.
import { nonOverlapping, type Pass, type TextEdit } from './edits.js';
import { passOf } from './matchers.js';
import { MASK_CLOSE, MASK_OPEN } from './protect.js';

const RULE = 'whitespace';

function edit(start: number, end: number, text: string, reason: string): TextEdit {
  return { start, end, text, rule: RULE, tier: 'safe', reason };
}

function regexPass(re: RegExp, replace: (m: RegExpExecArray) => string | undefined, reason: string): Pass {
  return passOf(RULE, 'safe', reason, [{ re, replace }]);
}

/** Removes indentation shared by every line (prompts written inside indented template literals). */
const dedent: Pass = {
  rule: RULE,
  tier: 'safe',
  find(text) {
    const lines = text.split('\n');
    let common = Infinity;
    let indentChar = '';
    for (const line of lines) {
      if (line.trim() === '') continue;
      const indent = /^[ \t]*/.exec(line)![0];
      if (indent.length === 0) return [];
      // Mixed tabs and spaces cannot be stripped column-exactly.
      for (const c of indent) {
        if (indentChar === '') indentChar = c;
        else if (c !== indentChar) return [];
      }
      common = Math.min(common, indent.length);
    }
    if (common === Infinity || common === 0) return [];
    const out = lines.map((line) => (line.trim() === '' ? line.replace(/^[ \t]+/, '') : line.slice(common)));
    const sample = lines.find((line) => line.trim() !== '') ?? '';
    return [
      {
        ...edit(0, text.length, out.join('\n'), `Indentation shared by every line (${common} ${indentChar === '\t' ? 'tabs' : 'spaces'}) removed.`),
        display: { before: sample, after: sample.slice(common) },
      },
    ];
  },
};

// Runs start only where the previous character is not blank: no quadratic retries inside a run.
const trailing = regexPass(/(?<![ \t])[ \t]+(?=\r?\n|$)/g, () => '', 'Trailing whitespace removed.');

const blankLines = regexPass(
  /(\r?\n)[ \t]*\r?\n(?:[ \t]*\r?\n)+/g,
  (m) => m[1]! + m[1]!,
  'Run of blank lines reduced to one.',
);

const INTERIOR_RUN = /(?<=\S) {2,}(?=\S)/g;

/** Double spaces inside a line, unless the line is part of space-aligned columns. */
const innerSpaces: Pass = {
  rule: RULE,
  tier: 'safe',
  find(text) {
    const edits: TextEdit[] = [];
    const lines: Array<{ start: number; text: string; runs: number }> = [];
    let start = 0;
    for (const line of text.split('\n')) {
      INTERIOR_RUN.lastIndex = 0;
      let runs = 0;
      while (INTERIOR_RUN.exec(line) !== null) runs++;
      lines.push({ start, text: line, runs });
      start += line.length + 1;
    }
    lines.forEach((line, i) => {
      if (line.runs === 0) return;
      const table = /^[ \t]*\|/.test(line.text);
      const aligned = line.runs > 1 || (lines[i - 1]?.runs ?? 0) > 0 || (lines[i + 1]?.runs ?? 0) > 0;
      if (aligned && !table) return;
      INTERIOR_RUN.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = INTERIOR_RUN.exec(line.text)) !== null) {
        edits.push(edit(line.start + m.index, line.start + m.index + m[0].length, ' ', 'Run of spaces inside a line reduced to one.'));
      }
    });
    return edits;
  },
};

const trimEnds: Pass = {
  rule: RULE,
  tier: 'safe',
  find(text) {
    const edits: TextEdit[] = [];
    const lead = /^(?:[ \t]*\r?\n)+/.exec(text);
    if (lead) edits.push(edit(0, lead[0].length, '', 'Blank lines at the start of the prompt removed.'));
    const tail = /(?<!\s)\s+$/.exec(text);
    if (tail && tail.index > 0) edits.push(edit(tail.index, text.length, '', 'Whitespace at the end of the prompt removed.'));
    return nonOverlapping(edits);
  },
};

const TAG_LINE = /^[ \t]*<(\/?)([A-Za-z][\w:.-]*)(?:\s[^<>]*)?>[ \t]*$/;
const ATOM_LINE = new RegExp(`^[ \\t]*${MASK_OPEN}(\\d+)${MASK_CLOSE}[ \\t]*$`);

/** The XML-style tag a line holds on its own, seen through the mask (tags are protected spans). */
function tagOf(line: string, pieces: readonly string[]): { close: boolean; name: string } | undefined {
  const atom = ATOM_LINE.exec(line);
  const m = TAG_LINE.exec(atom ? (pieces[Number(atom[1])] ?? '') : line);
  return m ? { close: m[1] === '/', name: m[2]! } : undefined;
}

/**
 * Indentation inside XML-style sections (`<rules>` … `</rules>` on lines of their own): each
 * section's content loses the indentation its lines share, nested sections in turn, so relative
 * indentation (nested lists, diff examples) stays as it was.
 */
function blockDedent(pieces: () => readonly string[]): Pass {
  return {
    rule: RULE,
    tier: 'safe',
    find(text) {
      const lines = text.split('\n');
      const tags = lines.map((line) => tagOf(line, pieces()));
      const blocks: Array<[number, number]> = [];
      const open: Array<{ name: string; line: number }> = [];
      tags.forEach((tag, i) => {
        if (!tag) return;
        if (!tag.close) open.push({ name: tag.name, line: i });
        else if (open.at(-1)?.name === tag.name) blocks.push([open.pop()!.line, i]);
      });
      if (blocks.length === 0) return [];
      const indent = lines.map((line) => /^[ \t]*/.exec(line)![0]);
      const removed = new Array<number>(lines.length).fill(0);
      blocks.sort((a, b) => a[0] - b[0]);
      for (const [first, last] of blocks) {
        let common = Infinity;
        const used = new Set<string>();
        for (let i = first + 1; i < last; i++) {
          if (lines[i]!.trim() === '') continue;
          const left = indent[i]!.slice(removed[i]);
          for (const c of left) used.add(c);
          common = Math.min(common, left.length);
        }
        // Tabs and spaces mixed cannot be removed column-exactly.
        if (!Number.isFinite(common) || common === 0 || used.size > 1) continue;
        for (let i = first + 1; i < last; i++) if (lines[i]!.trim() !== '') removed[i]! += common;
      }
      // One edit per outermost section: its lines' token savings are judged together, so relative
      // indentation never changes because one line's removal saved nothing on its own.
      const offsets: number[] = [];
      let offset = 0;
      for (const line of lines) {
        offsets.push(offset);
        offset += line.length + 1;
      }
      const edits: TextEdit[] = [];
      let coveredTo = -1;
      for (const [first, last] of blocks) {
        if (first <= coveredTo || last - first < 2) continue;
        coveredTo = last;
        const inner = lines.slice(first + 1, last).map((line, k) => line.slice(removed[first + 1 + k]));
        const start = offsets[first + 1]!;
        const end = offsets[last - 1]! + lines[last - 1]!.length;
        const replacement = inner.join('\n');
        if (replacement !== text.slice(start, end)) {
          const sample = lines.slice(first + 1, last).findIndex((line) => line.trim() !== '');
          edits.push({
            ...edit(start, end, replacement, 'Indentation inside a tagged section removed; relative indentation kept.'),
            display: { before: lines[first + 1 + sample]!, after: inner[sample]! },
          });
        }
      }
      return edits;
    },
  };
}

/**
 * Review: nested indentation narrowed to one space per level. A line's level is the number of
 * lines that enclose it (the indentation stack Python's tokenizer keeps), so every line keeps its
 * parent and its siblings; a single space merges into the next token, which two or more never do.
 * One edit for the whole prompt, judged as a whole, so no line keeps a width its neighbours lost.
 */
export const nesting: Pass = {
  rule: 'indentation',
  tier: 'review',
  find(text) {
    const lines = text.split('\n');
    const used = new Set<string>();
    let base = Infinity;
    for (const line of lines) {
      if (line.trim() === '') continue;
      const indent = /^[ \t]*/.exec(line)![0];
      for (const c of indent) used.add(c);
      base = Math.min(base, indent.length);
    }
    // No indentation, or tabs mixed with spaces, which have no width to compare with each other.
    if (used.size !== 1) return [];
    const enclosing = [base];
    let changed = false;
    const out = lines.map((line) => {
      if (line.trim() === '') return line;
      const width = /^[ \t]*/.exec(line)![0].length;
      while (enclosing.at(-1)! > width) enclosing.pop();
      if (enclosing.at(-1)! < width) enclosing.push(width);
      const level = enclosing.length - 1;
      if (level === width && used.has(' ')) return line;
      changed = true;
      return ' '.repeat(level) + line.slice(width);
    });
    if (!changed) return [];
    const sample = lines.findIndex((line) => /^(?: {2,}|\t)\S/.test(line));
    return [
      {
        start: 0,
        end: text.length,
        text: out.join('\n'),
        rule: 'indentation',
        tier: 'review',
        reason: 'Nested indentation narrowed to one space per level; the nesting is unchanged.',
        ...(sample >= 0 ? { display: { before: lines[sample]!, after: out[sample]! } } : {}),
      },
    ];
  },
};

// A line that goes on in lower case after a long line ending in a word or a comma: a paragraph
// hard-wrapped in the source. Short lines may be items of an unmarked list ("never guess"), and
// headings, table rows and lines that are only a tag or atom are never joined.
const MIN_WRAPPED_LINE = 50;
const WRAP = /(?<=[\p{L}\p{N},;)])[ \t]*\r?\n[ \t]*(?=\p{Ll})/gu;
const NOT_PROSE_LINE = new RegExp(`^[ \\t]*(?:#|\\||<|${MASK_OPEN}\\d+${MASK_CLOSE}[ \\t]*$)`);
const LIST_LIKE = /^(?:[a-z]|[ivx]{1,4})[.)][ \t]/;

/** Review: hard-wrapped lines of a paragraph joined; a newline costs a token where a space is free. */
export const lineWraps: Pass = {
  rule: 'line-wrap',
  tier: 'review',
  find(text) {
    const edits: TextEdit[] = [];
    WRAP.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WRAP.exec(text)) !== null) {
      const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
      const next = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
      const line = text.slice(lineStart, m.index);
      if (line.trim().length < MIN_WRAPPED_LINE || NOT_PROSE_LINE.test(line) || LIST_LIKE.test(next)) continue;
      edits.push({ start: m.index, end: m.index + m[0].length, text: ' ', rule: 'line-wrap', tier: 'review', reason: 'Hard-wrapped line joined to its paragraph.' });
    }
    return edits;
  },
};

export function whitespacePasses(pieces: () => readonly string[]): readonly Pass[] {
  return [dedent, blockDedent(pieces), trailing, blankLines, innerSpaces, trimEnds];
}
