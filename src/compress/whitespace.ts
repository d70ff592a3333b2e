// Whitespace rewrites. They run on the masked text, so code fences, indented code and every other
// protected span keep their whitespace; the tokenizer decides which of these edits pay.
import { nonOverlapping, type Pass, type TextEdit } from './edits.js';
import { passOf } from './matchers.js';

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

export const WHITESPACE_PASSES: readonly Pass[] = [dedent, trailing, blankLines, innerSpaces, trimEnds];
