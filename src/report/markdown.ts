import type { LintResult } from '../model.js';
import { docsUrl } from '../rule.js';
import type { FormatContext } from './index.js';
import { outsideChangesNote, plural, relativePath, totals } from './util.js';

interface Tally {
  errors: number;
  warnings: number;
}

// Built on first use: creating them costs a run that never prints markdown (a pre-commit hook) about 8 ms.
let formats: { integer: Intl.NumberFormat; cents: Intl.NumberFormat; small: Intl.NumberFormat } | undefined;
const numberFormats = () =>
  (formats ??= {
    integer: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
    cents: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    small: new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 }),
  });

export function formatMarkdown(results: readonly LintResult[], context: FormatContext): string {
  const t = totals(results);
  const problems = t.errors + t.warnings;
  const out: string[] = ['## promptlint', ''];

  const byRule = new Map<string, Tally>();
  const byFile: Array<[string, Tally]> = [];
  let tokens: number | undefined;
  let dollars: number | undefined;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const fileTally: Tally = { errors: 0, warnings: 0 };
    for (const m of result.messages) {
      const isError = m.fatal === true || m.severity === 2;
      const key = m.ruleId ?? '';
      const ruleTally = byRule.get(key) ?? { errors: 0, warnings: 0 };
      byRule.set(key, ruleTally);
      for (const tally of [fileTally, ruleTally]) {
        if (isError) tally.errors++;
        else tally.warnings++;
      }
      if (typeof m.tokensBefore === 'number' && typeof m.tokensAfter === 'number') {
        tokens = (tokens ?? 0) + m.tokensBefore - m.tokensAfter;
      }
      if (typeof m.costDelta === 'number') dollars = (dollars ?? 0) + m.costDelta;
    }
    byFile.push([relativePath(context.cwd, result.filePath), fileTally]);
  }

  if (problems === 0) {
    out.push('No problems found.');
  } else {
    out.push(
      `**${plural(problems, 'problem')}** (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}) ` +
        `in ${plural(byFile.length, 'file')}.`,
    );
  }
  const note = outsideChangesNote(context.outsideChanges);
  if (note) out.push('', note);

  if (byRule.size > 0) {
    out.push('', '### Findings by rule', '', '| Rule | Findings | Errors | Warnings |', '| --- | ---: | ---: | ---: |');
    const rows = [...byRule].sort(([a, x], [b, y]) => count(y) - count(x) || (a < b ? -1 : a > b ? 1 : 0));
    for (const [id, tally] of rows) {
      const name = id === '' ? 'parse error' : `[${cell(id)}](${context.rules[id]?.docsUrl ?? docsUrl(id)})`;
      out.push(`| ${name} | ${count(tally)} | ${tally.errors} | ${tally.warnings} |`);
    }
    out.push('', '### Findings by file', '', '| File | Findings | Errors | Warnings |', '| --- | ---: | ---: | ---: |');
    for (const [file, tally] of byFile) {
      out.push(`| ${cell(file)} | ${count(tally)} | ${tally.errors} | ${tally.warnings} |`);
    }
  }

  if (tokens !== undefined || dollars !== undefined) {
    out.push('', '### At stake', '');
    if (tokens !== undefined) out.push(`- Prompt tokens: ${numberFormats().integer.format(tokens)} per call`);
    if (dollars !== undefined) {
      const per =
        context.callsPerDay === undefined
          ? 'per 1,000 calls'
          : `per month (at ${numberFormats().integer.format(context.callsPerDay)} calls per day)`;
      out.push(`- Cost: ${money(dollars)} ${per}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function count(tally: Tally): number {
  return tally.errors + tally.warnings;
}

function money(amount: number): string {
  const abs = Math.abs(amount);
  const digits = abs >= 1 || abs === 0 ? numberFormats().cents.format(abs) : numberFormats().small.format(abs);
  return `${amount < 0 ? '-' : ''}$${digits}`;
}

// Keeps file names and rule ids from breaking the table or turning into markup.
function cell(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/\r\n|[\r\n]/g, ' ');
}
