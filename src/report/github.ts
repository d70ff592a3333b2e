import type { LintResult } from '../model.js';
import type { FormatContext } from './index.js';
import { relativePath } from './util.js';

// GitHub's workflow-command escaping (actions/toolkit, command.ts).
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

export function formatGithub(results: readonly LintResult[], context: FormatContext): string {
  let out = '';
  for (const result of results) {
    const file = relativePath(context.cwd, result.filePath);
    for (const m of result.messages) {
      const command = m.fatal || m.severity === 2 ? 'error' : 'warning';
      const props: Array<[string, string | number | undefined]> = [
        ['file', file],
        ['line', m.line],
        ['col', m.column],
        ['endLine', m.endLine],
        ['endColumn', m.endColumn],
        ['title', m.ruleId ?? 'fatal'],
      ];
      const list = props
        .filter((p): p is [string, string | number] => p[1] !== undefined)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
      out += `::${command} ${list}::${escapeData(m.message)}\n`;
    }
  }
  return out;
}
