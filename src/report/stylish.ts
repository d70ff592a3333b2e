import type { LintResult } from '../model.js';
import { codeFrame, splitLines } from './codeframe.js';
import type { FormatContext } from './index.js';
import { createColors, oneLine, outsideChangesNote, plural, relativePath, totals } from './util.js';

export function formatStylish(results: readonly LintResult[], context: FormatContext): string {
  const c = createColors(context.color);
  let out = '';

  for (const result of results) {
    if (result.messages.length === 0) continue;
    const rows = result.messages.map((m) => ({
      line: String(m.line),
      column: String(m.column),
      severity: m.fatal || m.severity === 2 ? 'error' : 'warning',
      // ESLint's stylish drops a final period the same way.
      message: oneLine(m.message).replace(/([^ ])\.$/, '$1'),
      ruleId: m.ruleId ?? '',
      m,
    }));
    const lineWidth = Math.max(...rows.map((r) => r.line.length));
    const columnWidth = Math.max(...rows.map((r) => r.column.length));
    const severityWidth = Math.max(...rows.map((r) => r.severity.length));
    const messageWidth = Math.max(...rows.map((r) => r.message.length));
    const lines = result.source === undefined ? undefined : splitLines(result.source);

    out += `\n${c.underline(relativePath(context.cwd, result.filePath))}\n`;
    for (const row of rows) {
      const position = `${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`;
      const severity = row.severity.padEnd(severityWidth);
      const rule = row.ruleId ? `  ${c.dim(row.ruleId)}` : '';
      const message = row.ruleId ? row.message.padEnd(messageWidth) : row.message;
      out += `  ${c.dim(position)}  ${row.severity === 'error' ? c.red(severity) : c.yellow(severity)}  ${message}${rule}\n`;
      const frame = lines ? codeFrame(lines, row.m, c) : '';
      if (frame) out += `${indent(frame, '    ')}\n`;
    }
  }

  const t = totals(results);
  const problems = t.errors + t.warnings;
  const note = outsideChangesNote(context.outsideChanges);
  if (problems > 0) {
    const summary =
      `\u2716 ${plural(problems, 'problem')} ` + `(${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')})`;
    out += `\n${c.bold(t.errors > 0 ? c.red(summary) : c.yellow(summary))}\n`;
    if (t.fixableErrors + t.fixableWarnings > 0) {
      out += c.bold(
        `  ${plural(t.fixableErrors, 'error')} and ${plural(t.fixableWarnings, 'warning')} ` +
          'potentially fixable with the `--fix` option.',
      );
      out += '\n';
    }
  }
  // A clean run prints nothing, unless findings were held back by --changed-since: say so.
  if (note) out += `${problems > 0 ? '' : '\n'}${c.dim(note)}\n`;
  return out;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}
