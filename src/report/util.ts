import { relative, sep } from 'node:path';
import pc from 'picocolors';
import type { LintResult } from '../model.js';

export type Colors = ReturnType<typeof pc.createColors>;

export function createColors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}

/** Path relative to `cwd` with forward slashes, as shown to users and written to SARIF. */
export function relativePath(cwd: string, filePath: string): string {
  const rel = relative(cwd, filePath);
  return sep === '\\' ? rel.replaceAll('\\', '/') : rel;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export interface Totals {
  errors: number;
  warnings: number;
  fixableErrors: number;
  fixableWarnings: number;
}

export function totals(results: readonly LintResult[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0 };
  for (const r of results) {
    t.errors += r.errorCount;
    t.warnings += r.warningCount;
    t.fixableErrors += r.fixableErrorCount;
    t.fixableWarnings += r.fixableWarningCount;
  }
  return t;
}

export function outsideChangesNote(outside: { errorCount: number; warningCount: number } | undefined): string {
  if (!outside) return '';
  const count = outside.errorCount + outside.warningCount;
  if (count === 0) return '';
  const verb = count === 1 ? 'was' : 'were';
  return (
    `${plural(count, 'finding')} outside the changed lines ${verb} not failed on ` +
    `(${plural(outside.errorCount, 'error')}, ${plural(outside.warningCount, 'warning')}).`
  );
}

/** One line, so a message cannot break a table row or a workflow command. */
export function oneLine(text: string): string {
  return text.replace(/\s*(?:\r\n|[\r\n\u2028\u2029])\s*/g, ' ');
}
