import { dirname } from 'node:path';
import type { LintResult } from '../model.js';
import type { Rule, Settings } from '../rule.js';
import type { ConfigLoader, ResolvedConfig } from './config.js';
import { type Analysis, analyzeSource, lintAnalysis, toResult } from './linter.js';
import { ProjectModules } from './modules.js';
import { sdkMajorsFor } from './packages.js';
import { DEFAULT_MAX_FILE_SIZE, scanProject } from './project.js';

// Lints files on disk (or staged text) with per-file config. May read files; never prints.

export interface LintFilesOptions {
  cwd: string;
  registry: readonly Rule<any>[];
  config: ConfigLoader;
  maxFileSize?: number;
  allowInlineConfig?: boolean;
  reportUnusedDisableDirectives?: boolean;
}

export interface LintRun {
  results: LintResult[];
  /** Calls per day used for dollar figures, when every linted file agrees on one. */
  callsPerDay?: number;
}

function settingsFor(config: ResolvedConfig, loader: ConfigLoader, file: string): Settings {
  const settings: Settings = {};
  if (config.settings.defaultModel) settings.defaultModel = config.settings.defaultModel;
  if (config.settings.pricing) settings.pricing = config.settings.pricing;
  const calls = loader.trafficFor(config, file);
  if (calls !== undefined) settings.callsPerDay = calls;
  return settings;
}

export function lintAnalysisWithConfig(analysis: Analysis, options: LintFilesOptions, config: ResolvedConfig): LintResult {
  return lintAnalysis(analysis, {
    registry: options.registry,
    rules: config.rules,
    settings: settingsFor(config, options.config, analysis.file),
    sdkMajors: analysis.ctx.sdkMajors ?? {},
    allowInlineConfig: options.allowInlineConfig !== false,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives === true,
  });
}

/** Throws ConfigError (from the loader) on a bad config; one unreadable file becomes a fatal result. */
export function lintFiles(paths: readonly string[], options: LintFilesOptions): LintRun {
  const results: LintResult[] = [];
  const traffic = new Set<number | undefined>();
  const scanned = new Set<string>();
  const { problems, files } = scanProject(
    paths,
    {
      cwd: options.cwd,
      maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
      isIgnored: (file) => options.config.isIgnored(options.config.forFile(file), file),
    },
    (file) => {
      scanned.add(file.file);
      const config = options.config.forFile(file.file);
      traffic.add(options.config.trafficFor(config, file.file));
      const analysis: Analysis = { file: file.file, text: file.text, sourceFile: file.sourceFile, ctx: file.ctx, sites: file.sites };
      results.push({ ...lintAnalysisWithConfig(analysis, options, config), source: file.text });
    },
  );
  for (const file of files) if (!scanned.has(file)) results.push(toResult(file, [], []));
  for (const problem of problems) {
    // A file that could not be read is fatal, as in ESLint; a skipped one (binary, minified, too
    // large, a link loop) is only worth a warning.
    const fatal = problem.message.startsWith('cannot read file');
    const message = fatal
      ? { ruleId: null, fatal: true as const, severity: 2 as const, message: problem.message, line: 1, column: 1 }
      : { ruleId: null, severity: 1 as const, message: problem.message, line: 1, column: 1 };
    results.push(toResult(problem.file, [message], []));
  }
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  const single = traffic.size === 1 ? [...traffic][0] : undefined;
  return { results, ...(single !== undefined ? { callsPerDay: single } : {}) };
}

/** Lints text that is not (or not as such) on disk: stdin, or a file's staged content. */
export function lintText(file: string, text: string, options: LintFilesOptions): LintResult {
  const config = options.config.forFile(file);
  const modules = new ProjectModules(options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  const analysis = analyzeSource(file, text, modules, sdkMajorsFor(dirname(file)));
  return { ...lintAnalysisWithConfig(analysis, options, config), source: text };
}
