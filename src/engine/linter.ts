import type ts from '#typescript';
import { createModuleContext, detectCallSites } from '../callsites/detect.js';
import type { ModuleContext, ModuleLoader } from '../callsites/values.js';
import { mergeEdits } from '../fix/edits.js';
import type { CallSite, Finding, LintMessage, LintResult, Range } from '../model.js';
import type { Rule, Settings } from '../rule.js';
import { parseSource, syntaxErrors } from '../scan/parse.js';
import { applyDirectives, parseDirectives } from './directives.js';

// Verifies one text: parse → call sites → rules → directives. Synchronous, no file system of its
// own (module imports go through the injected loader), never prints: the ESLint adapter reuses it.

export interface Analysis {
  file: string;
  text: string;
  sourceFile: ts.SourceFile;
  ctx: ModuleContext;
  sites: CallSite[];
}

export interface RuleConfig {
  severity: 1 | 2;
  options: Record<string, unknown>;
}

export interface LintOptions {
  registry: readonly Rule<any>[];
  rules: ReadonlyMap<string, RuleConfig>;
  settings: Settings;
  sdkMajors?: Readonly<Record<string, number>>;
  allowInlineConfig?: boolean;
  reportUnusedDisableDirectives?: boolean;
}

export function analyzeSource(file: string, text: string, loader?: ModuleLoader, sdkMajors?: Readonly<Record<string, number>>): Analysis {
  const sourceFile = parseSource(file, text);
  const ctx = createModuleContext(file, sourceFile, loader, sdkMajors);
  return { file, text, sourceFile, ctx, sites: detectCallSites(ctx) };
}

/** Lines of the whole call a rule message is about, for judging it against a diff; kept off the JSON. */
export const callLines = new WeakMap<LintMessage, readonly [number, number]>();

export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (data && key in data ? String(data[key]) : whole));
}

/** Runs the enabled rules over an analysed file and returns an ESLint-shaped result. */
export function lintAnalysis(analysis: Analysis, options: LintOptions): LintResult {
  const { sourceFile, text } = analysis;
  const location = (range: Range) => {
    const start = sourceFile.getLineAndCharacterOfPosition(range[0]);
    const end = sourceFile.getLineAndCharacterOfPosition(range[1]);
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  };
  const messages: LintMessage[] = [];
  const fatal: LintMessage[] = [];

  const parseError = syntaxErrors(sourceFile)[0];
  if (parseError) {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(parseError.start);
    const detail = typeof parseError.messageText === 'string' ? parseError.messageText : parseError.messageText.messageText;
    fatal.push({ ruleId: null, fatal: true, severity: 2, message: `Parsing error: ${detail}`, line: line + 1, column: character + 1 });
  }

  const byId = new Map(options.registry.map((rule) => [rule.id, rule]));
  for (const [ruleId, config] of options.rules) {
    const rule = byId.get(ruleId);
    if (!rule) continue;
    const context = { options: config.options, settings: options.settings, file: analysis.file, text, sdkMajors: options.sdkMajors ?? {} };
    for (const site of analysis.sites) {
      let findings: Finding[];
      try {
        findings = [...rule.check(site, context)];
      } catch (error) {
        const at = location(site.calleeRange);
        fatal.push({ ruleId: null, fatal: true, severity: 2, message: `Internal error in rule ${ruleId}: ${error instanceof Error ? error.message : String(error)}`, line: at.line, column: at.column });
        continue;
      }
      const call = location(site.range);
      for (const finding of findings) {
        const message = toMessage(rule, ruleId, config.severity, finding, text, location);
        callLines.set(message, [call.line, call.endLine]);
        messages.push(message);
      }
    }
  }

  let kept = messages;
  let suppressed: LintMessage[] = [];
  if (options.allowInlineConfig !== false) {
    const { directives, problems } = parseDirectives(text, sourceFile);
    const applied = applyDirectives(messages, directives, {
      reportUnused: options.reportUnusedDisableDirectives === true,
      knownRuleIds: new Set(byId.keys()),
    });
    kept = applied.kept;
    suppressed = applied.suppressed.map((message, i) => ({ ...message, suppressions: [{ kind: 'directive', justification: applied.suppressedBy[i]?.justification ?? '' }] }));
    for (const problem of problems) kept.push({ ruleId: null, severity: 2, message: problem.message, line: problem.line, column: problem.column });
    for (const problem of applied.problems) kept.push({ ruleId: null, severity: 2, message: problem.message, line: problem.directive.line, column: problem.directive.column });
    for (const unused of applied.unused) {
      const fix = { range: [unused.directive.range[0], unused.directive.range[1]] as [number, number], text: '' };
      kept.push({ ruleId: null, severity: 2, message: unused.message, line: unused.directive.line, column: unused.directive.column, fix });
    }
  }
  const all = [...fatal, ...kept].sort((a, b) => a.line - b.line || a.column - b.column);
  return toResult(analysis.file, all, suppressed, text);
}

function toMessage(
  rule: Rule<any>,
  ruleId: string,
  severity: 1 | 2,
  finding: Finding,
  text: string,
  location: (range: Range) => { line: number; column: number; endLine: number; endColumn: number },
): LintMessage {
  const template = rule.meta.messages[finding.messageId] ?? finding.messageId;
  const message: LintMessage = {
    ruleId,
    severity,
    message: interpolate(template, finding.data),
    messageId: finding.messageId,
    ...location(finding.range),
  };
  if (finding.fix?.length) {
    const edit = mergeEdits(text, finding.fix);
    message.fix = { range: [edit.range[0], edit.range[1]], text: edit.text };
  }
  if (finding.suggestions?.length) {
    message.suggestions = finding.suggestions
      .filter((suggestion) => suggestion.edits.length > 0)
      .map((suggestion) => {
        const edit = mergeEdits(text, suggestion.edits);
        return {
          desc: interpolate(rule.meta.messages[suggestion.messageId] ?? suggestion.messageId, suggestion.data),
          messageId: suggestion.messageId,
          fix: { range: [edit.range[0], edit.range[1]] as [number, number], text: edit.text },
        };
      });
    if (message.suggestions.length === 0) delete message.suggestions;
  }
  if (finding.extra) Object.assign(message, finding.extra);
  return message;
}

export function toResult(filePath: string, messages: LintMessage[], suppressedMessages: LintMessage[], source?: string): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const message of messages) {
    if (message.severity === 2) {
      errorCount++;
      if (message.fatal) fatalErrorCount++;
      if (message.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (message.fix) fixableWarningCount++;
    }
  }
  return {
    filePath,
    messages,
    suppressedMessages,
    errorCount,
    fatalErrorCount,
    warningCount,
    fixableErrorCount,
    fixableWarningCount,
    ...(source !== undefined ? { source } : {}),
  };
}
