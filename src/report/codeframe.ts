import type { Colors } from './util.js';

export interface FrameLocation {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

// Same line terminators as ESLint and the TypeScript scanner, so line numbers agree.
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;
// Very long lines (a prompt on one line) are cut to a window around the flagged column.
const MAX_WIDTH = 120;

export function splitLines(source: string): string[] {
  return source.split(LINE_BREAK);
}

/**
 * The flagged line with one line of context on each side and a caret row under the range.
 * Columns are 1-based UTF-16 offsets; `endColumn` is exclusive, as in ESLint messages.
 * Returns '' when the location is outside the source.
 */
export function codeFrame(lines: readonly string[], loc: FrameLocation, colors: Colors): string {
  const target = lines[loc.line - 1];
  if (target === undefined) return '';
  const start = Math.min(Math.max(loc.column - 1, 0), target.length);
  const end =
    loc.endLine === loc.line && loc.endColumn !== undefined
      ? Math.min(Math.max(loc.endColumn - 1, start + 1), Math.max(target.length, start + 1))
      : Math.max(target.length, start + 1);

  const first = Math.max(loc.line - 1, 1);
  const last = Math.min(loc.line + 1, lines.length);
  const gutterWidth = String(last).length;
  const windowStart = start > MAX_WIDTH - 40 ? start - 40 : 0;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = clip(lines[n - 1] ?? '', windowStart);
    const gutter = ` ${String(n).padStart(gutterWidth)} |`;
    if (n === loc.line) {
      out.push(`${colors.red('>')}${colors.gray(gutter)}${text ? ` ${text}` : ''}`);
      const lead = clip(target.slice(0, start), windowStart).replace(/[^\t]/g, ' ');
      const caretCount = Math.max(1, Math.min(end - start, MAX_WIDTH - lead.length));
      out.push(` ${colors.gray(`${' '.repeat(gutterWidth + 2)}|`)} ${lead}${colors.red('^'.repeat(caretCount))}`);
    } else {
      out.push(` ${colors.gray(gutter)}${text ? ` ${text}` : ''}`);
    }
  }
  return out.join('\n');
}

function clip(text: string, windowStart: number): string {
  const shifted = windowStart > 0 ? `…${text.slice(windowStart + 1)}` : text;
  return shifted.length > MAX_WIDTH ? `${shifted.slice(0, MAX_WIDTH - 1)}…` : shifted;
}
