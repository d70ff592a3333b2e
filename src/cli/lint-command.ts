import { readFileSync, realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { rules as registry } from '../../rules/index.js';
import { ConfigLoader, printConfig } from '../engine/config.js';
import { type LintFilesOptions, lintFiles, lintText } from '../engine/lint-files.js';
import { callLines, toResult } from '../engine/linter.js';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/project.js';
import { applyEdits, introducesSyntaxErrors, unifiedDiff, writeFileAtomic } from '../fix/apply.js';
import type { Edit, LintMessage, LintResult } from '../model.js';
import { docsUrl } from '../rule.js';
import { format, formatterNames, isFormatterName, type RuleDescription } from '../report/index.js';
import { DEFAULT_IGNORED_DIRS, isSourceFile } from '../scan/discover.js';
import { changedLinesSince, GitError, readStagedFiles } from './git.js';
import { type CliIo, UsageError, firstLine, readStream, useColor, writeReport } from './io.js';

export const LINT_OPTIONS = {
  config: { type: 'string', short: 'c' },
  'no-config-lookup': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  format: { type: 'string', short: 'f', default: 'stylish' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  'output-file': { type: 'string', short: 'o' },
  'no-inline-config': { type: 'boolean' },
  'report-unused-disable-directives': { type: 'boolean' },
  'print-config': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-suggestions': { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  staged: { type: 'boolean' },
  'changed-since': { type: 'string' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'max-file-size': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function ruleDescriptions(): Record<string, RuleDescription> {
  return Object.fromEntries(
    registry.map((rule) => [rule.id, { id: rule.id, description: rule.meta.description, docsUrl: docsUrl(rule.id), defaultSeverity: rule.meta.defaultSeverity }]),
  );
}

export async function lintCommand(args: string[], io: CliIo, version: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: LINT_OPTIONS });
  } catch (error) {
    throw new UsageError(firstLine(error));
  }
  const { values, positionals } = parsed;
  if (!isFormatterName(values.format)) throw new UsageError(`Unknown format "${values.format}": use one of ${formatterNames.join(', ')}.`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings expects a whole number >= 0, got "${values['max-warnings']}".`);
  }
  const maxFileSize = values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : Number(values['max-file-size']);
  if (!Number.isInteger(maxFileSize) || maxFileSize <= 0) throw new UsageError(`--max-file-size expects a positive number of bytes, got "${values['max-file-size']}".`);
  const fixing = values.fix || values['fix-suggestions'] || values['fix-dry-run'];
  if (values.staged && fixing) throw new UsageError('--staged cannot be combined with --fix: fixes would be written to the working tree, not the index.');
  if (values.staged && values.stdin) throw new UsageError('--staged and --stdin cannot be combined.');
  if (values.stdin && (values.fix || values['fix-suggestions'])) throw new UsageError('--stdin cannot be combined with --fix or --fix-suggestions: there is no file to write. Use --fix-dry-run.');

  const config = new ConfigLoader(registry, {
    cwd: io.cwd,
    ...(values.config ? { configFile: values.config } : {}),
    ...(values['no-config-lookup'] ? { noConfigLookup: true } : {}),
    ...(values.rule ? { ruleOverrides: values.rule } : {}),
  });

  if (values['print-config'] !== undefined) {
    io.stdout.write(`${printConfig(config.forFile(resolve(io.cwd, values['print-config'])))}\n`);
    return 0;
  }

  const options: LintFilesOptions = {
    cwd: io.cwd,
    registry,
    config,
    maxFileSize,
    allowInlineConfig: !values['no-inline-config'],
    reportUnusedDisableDirectives: values['report-unused-disable-directives'] === true,
  };

  let results: LintResult[];
  let callsPerDay: number | undefined;
  if (values.stdin) {
    const text = (await readStream(io.stdin)).toString('utf8');
    const file = resolve(io.cwd, values['stdin-filename'] ?? '<text>.ts');
    results = [lintText(file, text, options)];
  } else if (values.staged) {
    results = lintStaged(io, options);
  } else {
    const run = lintFiles(positionals.length ? positionals : ['.'], options);
    results = run.results;
    callsPerDay = run.callsPerDay;
  }

  // Filter before fixing, so --fix --changed-since touches only what the change touched.
  const changedSince = values['changed-since'];
  const filter = (all: LintResult[]) => (changedSince === undefined ? { results: all } : onlyChangedLines(all, io.cwd, changedSince));
  let filtered: { results: LintResult[]; outside?: { errorCount: number; warningCount: number } } = filter(results);
  if (fixing && !values.staged) {
    const machineFormat = values.format !== 'stylish';
    const changed = applyFixes(filtered.results, io, {
      suggestions: values['fix-suggestions'] === true,
      dryRun: values['fix-dry-run'] === true,
      // A diff ahead of JSON or SARIF would make stdout unparseable.
      diffStream: machineFormat && !values['output-file'] ? io.stderr : io.stdout,
    });
    if (changed > 0 && !values['fix-dry-run'] && !values.stdin) filtered = filter(lintFiles(positionals.length ? positionals : ['.'], options).results);
  }
  results = filtered.results;
  const outsideChanges = filtered.outside;
  if (values.quiet) results = results.map((result) => toResult(result.filePath, result.messages.filter((m) => m.severity === 2), result.suppressedMessages ?? [], result.source));

  const output = format(values.format, results, {
    cwd: io.cwd,
    rules: ruleDescriptions(),
    color: values['output-file'] ? false : useColor(io, values['no-color'] ? false : values.color),
    version,
    ...(outsideChanges ? { outsideChanges } : {}),
    ...(callsPerDay !== undefined ? { callsPerDay } : {}),
  });
  if (values['output-file']) writeReport(resolve(io.cwd, values['output-file']), output);
  else if (output) io.stdout.write(output.endsWith('\n') ? output : `${output}\n`);

  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`promptlint found too many warnings (maximum: ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

function lintStaged(io: CliIo, options: LintFilesOptions): LintResult[] {
  // The same files a folder walk would take: default-ignored folders stay out of the hook too.
  const staged = readStagedFiles(io.cwd, (path) => isSourceFile(path) && !path.split(sep).some((segment) => DEFAULT_IGNORED_DIRS.has(segment)));
  const results: LintResult[] = [];
  for (const file of staged) {
    const config = options.config.forFile(file.path);
    if (options.config.isIgnored(config, file.path)) continue;
    results.push(lintText(file.path, file.text, options));
    if (!file.sameAsWorkingTree) {
      io.stderr.write(`promptlint: ${relative(io.cwd, file.path)} is partially staged; positions refer to its staged content.\n`);
    }
  }
  return results;
}

/** Applies safe fixes (and with --fix-suggestions each message's first suggestion); returns files changed. */
function applyFixes(results: LintResult[], io: CliIo, mode: { suggestions: boolean; dryRun: boolean; diffStream: NodeJS.WritableStream }): number {
  let changed = 0;
  for (const result of results) {
    const edits: Edit[] = [];
    for (const message of result.messages) {
      if (message.fix) edits.push({ range: message.fix.range, text: message.fix.text });
      else if (mode.suggestions && message.suggestions?.[0]) edits.push({ range: message.suggestions[0].fix.range, text: message.suggestions[0].fix.text });
    }
    if (edits.length === 0 || result.source === undefined) continue;
    const current = readFileSync(result.filePath, 'utf8');
    if (current !== result.source) {
      io.stderr.write(`promptlint: ${relative(io.cwd, result.filePath)} changed while linting; not fixed.\n`);
      continue;
    }
    const { output } = applyEdits(current, edits);
    if (output === current) continue;
    if (introducesSyntaxErrors(result.filePath, current, output)) {
      io.stderr.write(`promptlint: fixes for ${relative(io.cwd, result.filePath)} would introduce a syntax error; file left unchanged.\n`);
      continue;
    }
    changed++;
    if (mode.dryRun) mode.diffStream.write(unifiedDiff(relative(io.cwd, result.filePath).split(sep).join('/'), current, output));
    else writeFileAtomic(result.filePath, output);
  }
  return changed;
}

function onlyChangedLines(results: LintResult[], cwd: string, ref: string) {
  let lines: Map<string, Set<number>>;
  const deletions = new Map<string, Set<number>>();
  try {
    lines = changedLinesSince(cwd, ref, deletions);
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
  const outside = { errorCount: 0, warningCount: 0 };
  const filtered = results.map((result) => {
    let real = result.filePath;
    try {
      real = realpathSync(result.filePath);
    } catch {
      // keep the given path
    }
    const changed = lines.get(real) ?? lines.get(result.filePath);
    const deleted = deletions.get(real) ?? deletions.get(result.filePath);
    // A finding about a call counts as changed when any line of the call changed, or lost lines
    // (deleting `max_tokens` leaves the callee line itself untouched).
    const touches = (message: LintMessage): boolean => {
      if (changed?.has(message.line)) return true;
      const span = callLines.get(message);
      if (!span) return false;
      for (let line = span[0]; line <= span[1]; line++) if (changed?.has(line) || deleted?.has(line)) return true;
      return false;
    };
    const keep: LintMessage[] = [];
    for (const message of result.messages) {
      if (touches(message) || (message.fatal && changed)) keep.push(message);
      else if (message.severity === 2) outside.errorCount++;
      else outside.warningCount++;
    }
    return toResult(result.filePath, keep, result.suppressedMessages ?? [], result.source);
  });
  return { results: filtered, outside };
}
