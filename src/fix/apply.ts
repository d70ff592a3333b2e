import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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

/** A minimal unified diff of two texts, for --fix-dry-run. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  if (start > endA && start > endB) return '';
  const from = Math.max(0, start - context);
  const toA = Math.min(a.length - 1, endA + context);
  const toB = Math.min(b.length - 1, endB + context);
  const lines = [`--- a/${path}`, `+++ b/${path}`, `@@ -${from + 1},${toA - from + 1} +${from + 1},${toB - from + 1} @@`];
  for (let i = from; i < start; i++) lines.push(` ${a[i]}`);
  for (let i = start; i <= endA; i++) lines.push(`-${a[i]}`);
  for (let i = start; i <= endB; i++) lines.push(`+${b[i]}`);
  for (let i = endA + 1; i <= toA; i++) lines.push(` ${a[i]}`);
  return `${lines.join('\n')}\n`;
}
