import type { LintResult } from '../model.js';

// ESLint's JSON formatter output, key order included; `source` is ours, for code frames only.
export function formatJson(results: readonly LintResult[]): string {
  return JSON.stringify(
    results.map(
      ({
        source: _source,
        filePath,
        messages,
        suppressedMessages,
        errorCount,
        fatalErrorCount,
        warningCount,
        fixableErrorCount,
        fixableWarningCount,
        ...rest
      }) => ({
        filePath,
        messages,
        suppressedMessages: suppressedMessages ?? [],
        errorCount,
        fatalErrorCount,
        warningCount,
        fixableErrorCount,
        fixableWarningCount,
        ...rest,
        usedDeprecatedRules: [],
      }),
    ),
  );
}
