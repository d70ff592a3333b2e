import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { diffLines } from '../compress/diff.js';
import type { Edit } from '../model.js';
import { parseSource, syntaxErrors } from '../scan/parse.js';

export interface AppliedEdits {
  output: string;
  applied: number;
  /** Edits left out because they overlap an earlier one. */
  skipped: number;
}

/** Applies non-overlapping edits in order; like ESLint's source-code-fixer, the first of two overlapping edits wins. */
export function applyEdits(text: string, edits: readonly Edit[]): AppliedEdits {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let at = 0;
  let applied = 0;
  let skipped = 0;
  for (const edit of sorted) {
    if (edit.range[0] < at) {
      skipped++;
      continue;
    }
    output += text.slice(at, edit.range[0]) + edit.text;
    at = edit.range[1];
    applied++;
  }
  return { output: output + text.slice(at), applied, skipped };
}

/** A fix must not add syntax errors: the result is parsed again before anything is written. */
export function introducesSyntaxErrors(file: string, before: string, after: string): boolean {
  return syntaxErrors(parseSource(file, after)).length > syntaxErrors(parseSource(file, before)).length;
}

/** Writes through a temporary file in the same folder and renames it over the target. */
export function writeFileAtomic(file: string, text: string): void {
  const temp = join(dirname(file), `.${basename(file)}.promptlint-${process.pid}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(file).mode;
  } catch {
    mode = undefined;
  }
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  if (mode !== undefined) chmodSync(temp, mode & 0o7777);
  renameSync(temp, file);
}

/** A unified diff of two texts, for --fix-dry-run. */
export function unifiedDiff(path: string, before: string, after: string): string {
  const hunks = diffLines(before, after, 3);
  if (hunks.length === 0) return '';
  const out = [`--- a/${path}`, `+++ b/${path}`];
  for (const hunk of hunks) {
    const oldCount = hunk.lines.filter((line) => line.kind !== '+').length;
    const newCount = hunk.lines.filter((line) => line.kind !== '-').length;
    out.push(`@@ -${hunk.oldStart},${oldCount} +${hunk.newStart},${newCount} @@`);
    for (const line of hunk.lines) out.push(`${line.kind}${line.text}`);
  }
  return `${out.join('\n')}\n`;
}
