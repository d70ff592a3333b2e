import type { LintResult } from '../model.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type FormatterName = 'stylish' | 'json' | 'sarif' | 'github' | 'markdown';

export interface RuleDescription {
  id: string;
  description: string;
  docsUrl: string;
  defaultSeverity: 'warn' | 'error';
}

export interface FormatContext {
  /** Paths are shown relative to this directory. */
  cwd: string;
  rules: Record<string, RuleDescription>;
  /** Decided by the CLI from NO_COLOR / FORCE_COLOR / TTY. */
  color: boolean;
  /** Findings outside the changed lines in --changed-since mode: counted, not reported. */
  outsideChanges?: { errorCount: number; warningCount: number };
  /** Expected calls per day when configured; otherwise dollar figures are per 1,000 calls. */
  callsPerDay?: number;
  /** promptlint's version, for SARIF `tool.driver.version`. */
  version: string;
}

const formatters: Record<FormatterName, (results: readonly LintResult[], context: FormatContext) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
};

export const formatterNames = Object.keys(formatters) as FormatterName[];

export function isFormatterName(name: string): name is FormatterName {
  return Object.hasOwn(formatters, name);
}

export function format(name: FormatterName, results: LintResult[], context: FormatContext): string {
  return formatters[name](results, context);
}
