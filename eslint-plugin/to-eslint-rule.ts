import type { Rule as EslintRule, SourceCode } from 'eslint';
import type { Analysis } from '../src/engine/linter.js';
import { applyDefaults } from '../src/engine/schema.js';
import { mergeEdits } from '../src/fix/edits.js';
import type { Edit, Finding, Range } from '../src/model.js';
import { docsUrl, type Rule, type Settings } from '../src/rule.js';
import { sharedAnalysis } from './analysis.js';
import { readPluginSettings, settingsForFile } from './settings.js';

// The adapter: ESLint meta is derived from the rule's meta, and findings are reported with their
// messageId and data untouched, so ESLint interpolates the same `{{placeholders}}` the CLI does.

export function toEslintRule(rule: Rule<any>): EslintRule.RuleModule {
  const { meta } = rule;
  return {
    meta: {
      type: meta.type,
      docs: { description: meta.description, recommended: meta.recommended, url: docsUrl(rule.id) },
      messages: meta.messages,
      schema: [meta.options] as EslintRule.RuleMetaData['schema'],
      defaultOptions: [meta.defaultOptions],
      ...(meta.fix === 'safe' || meta.fix === 'both' ? { fixable: 'code' as const } : {}),
      ...(meta.fix === 'suggestion' || meta.fix === 'both' ? { hasSuggestions: true } : {}),
    },
    create(context) {
      const settings = readPluginSettings(context.settings);
      return {
        Program() {
          const analysis = sharedAnalysis(context.sourceCode, context);
          if (!analysis || analysis.sites.length === 0) return;
          // ESLint 9.15+ already merged meta.defaultOptions; this covers older 9.x and keeps nested defaults.
          const options = applyDefaults(context.options[0] ?? {}, meta.options, meta.defaultOptions as Record<string, unknown>);
          const findings = runRule(rule, analysis, options, settingsForFile(settings, context.cwd, analysis.file));
          for (const finding of findings) context.report(toReport(finding, context.sourceCode));
        },
      };
    },
  };
}

/** The rule's findings on every call site of the file; a site whose check throws yields none. */
export function runRule(rule: Rule<any>, analysis: Analysis, options: unknown, settings: Settings): Finding[] {
  const context = { options, settings, file: analysis.file, text: analysis.text, sdkMajors: analysis.ctx.sdkMajors ?? {} };
  const findings: Finding[] = [];
  for (const site of analysis.sites) {
    try {
      findings.push(...rule.check(site, context));
    } catch {
      // Same policy as a parse failure: the ESLint run goes on without this rule's findings here.
    }
  }
  return findings;
}

function toReport(finding: Finding, sourceCode: SourceCode): EslintRule.ReportDescriptor {
  const text = sourceCode.text;
  const fixer = (edits: readonly Edit[]) => {
    const edit = mergeEdits(text, edits);
    return (fix: EslintRule.RuleFixer) => fix.replaceTextRange([edit.range[0], edit.range[1]], edit.text);
  };
  const suggest = (finding.suggestions ?? [])
    .filter((suggestion) => suggestion.edits.length > 0)
    .map((suggestion) => ({ messageId: suggestion.messageId, ...(suggestion.data ? { data: suggestion.data } : {}), fix: fixer(suggestion.edits) }));
  return {
    messageId: finding.messageId,
    ...(finding.data ? { data: finding.data } : {}),
    loc: location(finding.range, sourceCode),
    ...(finding.fix?.length ? { fix: fixer(finding.fix) } : {}),
    ...(suggest.length ? { suggest } : {}),
  };
}

function location(range: Range, sourceCode: SourceCode) {
  return { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) };
}
