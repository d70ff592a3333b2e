import type { LintResult } from '../../src/model.js';
import type { FormatContext } from '../../src/report/index.js';

const chatSource = [
  "import OpenAI from 'openai';",
  'const client = new OpenAI();',
  '',
  'export async function answer(question: string) {',
  '  return client.chat.completions.create({',
  "    model: 'gpt-4o',",
  '    messages: [',
  '      { role: "system", content: `Today is ${new Date().toDateString()}. You are a helpful assistant.` },',
  "      { role: 'user', content: question },",
  '    ],',
  '  });',
  '}',
  '',
].join('\n');

// Windows line ends and a tab, so code frames must split on \r\n and keep the caret under the tab stop.
const weirdSource = ['const a = (', '\tawait fetch(url, { body })', ''].join('\r\n');

export const results: LintResult[] = [
  {
    filePath: '/repo/src/chat.ts',
    source: chatSource,
    messages: [
      {
        ruleId: 'require-output-cap',
        severity: 1,
        message: 'This call sets no output-token cap; add max_tokens.',
        messageId: 'missing',
        line: 5,
        column: 10,
        endLine: 5,
        endColumn: 40,
        suggestions: [
          {
            desc: 'Add max_tokens: 1024',
            messageId: 'addCap',
            fix: { range: [232, 232], text: '\n    max_tokens: 1024,' },
          },
        ],
      },
      {
        ruleId: 'no-dynamic-prompt-prefix',
        severity: 2,
        message: 'Dynamic content "new Date()" comes before 100% of the static system prompt, so\nthe prefix is never cached.',
        messageId: 'dynamicPrefix',
        line: 8,
        column: 46,
        endLine: 8,
        endColumn: 56,
      },
      {
        ruleId: 'compress-prompt',
        severity: 1,
        message: 'System prompt can be shortened by 6 tokens.',
        messageId: 'compress',
        line: 8,
        column: 34,
        endLine: 8,
        endColumn: 103,
        suggestions: [
          {
            desc: 'Use the compressed prompt (saves 6 tokens)',
            fix: { range: [240, 300], text: '`Date: ${new Date().toDateString()}.`' },
          },
        ],
        tokensBefore: 17,
        tokensAfter: 11,
        costDelta: 0.015,
        model: 'gpt-4o',
      },
    ],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 0,
    warningCount: 2,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  },
  {
    filePath: '/repo/src/clean.ts',
    source: 'export const x = 1;\n',
    messages: [],
    suppressedMessages: [],
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  },
  {
    filePath: '/repo/src/weird dir/a,b:%.ts',
    source: weirdSource,
    messages: [
      {
        ruleId: null,
        fatal: true,
        severity: 2,
        message: "Parsing error: ')' expected.",
        line: 3,
        column: 1,
      },
      {
        ruleId: 'require-output-cap',
        severity: 1,
        message: 'fetch() to an LLM endpoint sets no output-token cap: add "max_tokens".',
        messageId: 'missing',
        line: 2,
        column: 8,
        endLine: 2,
        endColumn: 13,
        fix: { range: [13, 13], text: 'x' },
        tokensBefore: 40,
        tokensAfter: 40,
        costDelta: 1.25,
      },
    ],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 1,
    fixableErrorCount: 0,
    fixableWarningCount: 1,
  },
  {
    filePath: '/elsewhere/lib.mjs',
    messages: [
      {
        ruleId: 'require-stop',
        severity: 1,
        message: 'No stop sequences.',
        line: 1,
        column: 1,
      },
    ],
    suppressedMessages: [],
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 1,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  },
];

export const context: FormatContext = {
  cwd: '/repo',
  color: false,
  version: '0.1.0',
  outsideChanges: { errorCount: 1, warningCount: 2 },
  rules: {
    'require-output-cap': {
      id: 'require-output-cap',
      description: 'Require an output-token cap on LLM calls.',
      docsUrl: 'https://github.com/promptlint/promptlint/blob/main/rules/require-output-cap.md',
      defaultSeverity: 'warn',
    },
    'no-dynamic-prompt-prefix': {
      id: 'no-dynamic-prompt-prefix',
      description: 'Keep dynamic content after the static prompt prefix so it can be cached.',
      docsUrl: 'https://github.com/promptlint/promptlint/blob/main/rules/no-dynamic-prompt-prefix.md',
      defaultSeverity: 'error',
    },
    'unused-rule': {
      id: 'unused-rule',
      description: 'Listed in the configuration, reported nowhere.',
      docsUrl: 'https://github.com/promptlint/promptlint/blob/main/rules/unused-rule.md',
      defaultSeverity: 'warn',
    },
  },
};
