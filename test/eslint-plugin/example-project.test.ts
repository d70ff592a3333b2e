import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../eslint-plugin/index.js';
import { rules } from '../../rules/index.js';
import { ConfigLoader } from '../../src/engine/config.js';
import { lintFiles } from '../../src/engine/lint-files.js';
import type { PresetName } from '../../src/engine/presets.js';
import { code } from '../helpers/code.js';
import { blankTsParser } from './blank-ts-parser.js';

// A real ESLint 10 run (the ESLint class, flat config, files from disk) must report what the CLI
// engine reports on the same files: rule ids, positions, messages, fixes and suggestions.

const EXAMPLE = fileURLToPath(new URL('../../../examples/support-desk/', import.meta.url));

interface Row {
  file: string;
  ruleId: string | null;
  severity: number;
  messageId: string | undefined;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  message: string;
  fix: unknown;
  suggestions: unknown;
}

function rows(cwd: string, results: Array<{ filePath: string; messages: Linter.LintMessage[] | Array<Record<string, any>> }>, prefix: string): Row[] {
  const out: Row[] = [];
  for (const result of results) {
    for (const m of result.messages as Linter.LintMessage[]) {
      out.push({
        file: relative(cwd, result.filePath),
        ruleId: m.ruleId === null ? null : m.ruleId.slice(prefix.length),
        severity: m.severity,
        messageId: m.messageId,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        message: m.message,
        fix: m.fix,
        suggestions: m.suggestions?.map((s) => ({ messageId: s.messageId, desc: s.desc, fix: s.fix })),
      });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId)));
}

async function eslintRows(cwd: string, preset: PresetName): Promise<Row[]> {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: blankTsParser } },
      { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
      plugin.configs[preset],
    ],
  });
  return rows(cwd, await eslint.lintFiles(['.']), 'promptlint/');
}

function cliRows(cwd: string, preset: PresetName): Row[] {
  const config = new ConfigLoader(rules, { noConfigLookup: true, preset, cwd });
  return rows(cwd, lintFiles(['.'], { cwd, registry: rules, config }).results as never, '');
}

const brief = (list: Row[]) => list.map((r) => `${r.file} ${r.ruleId}:${r.messageId} ${r.line}:${r.column}-${r.endLine}:${r.endColumn}`);

describe('ESLint 10 on the example project (TypeScript)', () => {
  it('reports the same findings as the CLI', async () => {
    const [fromEslint, fromCli] = [await eslintRows(EXAMPLE, 'recommended'), cliRows(EXAMPLE, 'recommended')];
    assert.deepEqual(brief(fromEslint), [
      'src/rag/answer-question.ts require-stop-sequences:withEvidence 18:25-18:50',
      'src/replies/draft-reply.ts require-max-tokens:silentDefault 17:10-17:20',
      'src/replies/draft-reply.ts no-verbose-system-prompt:verbose 19:13-62:150',
      'src/replies/draft-reply.ts no-dynamic-prompt-prefix:dynamicPrefix 19:32-19:45',
      'src/replies/polish-reply.ts require-max-tokens:missing 9:28-9:58',
      'src/triage/classify-ticket.ts no-verbose-system-prompt:verbose 16:28-16:58',
    ]);
    assert.deepEqual(fromEslint, fromCli);
  });
});

describe('ESLint 10 on JavaScript and TypeScript flavours (.js .mjs .cjs .jsx .ts .tsx), `all` config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'promptlint-eslint-project-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'flavours', private: true, type: 'module', dependencies: { ai: '^5.0.0', openai: '^5.0.0' } }),
    'src/prompts.js': code`
      export const TRIAGE_PROMPT = \`You are a very helpful assistant for the billing team.
      Please make sure to read the whole ticket before you answer.
      In order to choose a queue, you should consider the whole thread.
      Note that refunds belong to billing.
      Please make sure to reply with exactly one word: billing, shipping or other.
      In order to stay consistent, please note that damaged parcels belong to shipping.\`;
    `,
    'src/triage.mjs': code`
      import OpenAI from 'openai';
      import { TRIAGE_PROMPT } from './prompts.js';

      const openai = new OpenAI();

      export async function triage(ticket) {
        const completion = await openai.chat.completions.create({
          model: 'gpt-4o-mini',
          max_completion_tokens: 5,
          messages: [
            { role: 'system', content: TRIAGE_PROMPT },
            { role: 'user', content: ticket.body },
          ],
        });
        return completion.choices[0].message.content;
      }
    `,
    'src/summarize.cjs': code`
      const Anthropic = require('@anthropic-ai/sdk');

      const anthropic = new Anthropic();

      async function summarize(thread) {
        const message = await anthropic.messages.create({
          model: 'claude-haiku-4-5',
          system: 'Summarize the support thread. Write the summary inside <summary></summary> tags.',
          messages: [{ role: 'user', content: thread }],
        });
        return message.content[0].text;
      }

      module.exports = { summarize };
    `,
    'src/Ask.jsx': code`
      import { generateText } from 'ai';
      import { openai } from '@ai-sdk/openai';

      export function Ask({ question, user }) {
        const onClick = async () => {
          const { text } = await generateText({
            model: openai('gpt-4o'),
            system: \`The customer is \${user.name}.
      You answer questions about tents, sleeping bags, backpacks and camping stoves for an outdoor store.
      Keep every answer short and friendly, mention the product page when one exists, and suggest contacting the support team for warranty claims, missing parcels or damaged deliveries.
      Never promise discounts, delivery dates or refunds; a person on the support team decides those after reading the order history.\`,
            prompt: question,
          });
          alert(text);
        };
        return <button onClick={onClick}>Ask</button>;
      }
    `,
    'src/extract.js': code`
      import OpenAI from 'openai';

      const openai = new OpenAI();

      export const extractAddress = (email) =>
        openai.chat.completions.create({
          model: 'gpt-4o-mini',
          max_completion_tokens: 200,
          messages: [
            { role: 'system', content: 'Find the shipping address and write it inside <answer></answer> tags.' },
            { role: 'user', content: email },
          ],
        });
    `,
    'src/report.ts': code`
      import OpenAI from 'openai';
      import type { Ticket } from './types.js';

      interface Report {
        headline: string;
      }

      const client = new OpenAI();

      export async function headline(tickets: Ticket[]): Promise<Report> {
        const response = await client.responses.create({
          model: 'gpt-4.1-mini',
          instructions: \`Today is \${new Date().toDateString()}.
      Write one headline for the daily support report of an outdoor equipment store. Keep it under twelve words.
      Lead with the biggest change against yesterday: ticket volume, the slowest queue, or a new kind of complaint.
      Never include quotes, emoji, customer names or order numbers, and never guess numbers that are not in the input.\`,
          input: tickets.map((t) => t.subject).join('\\n'),
        });
        return { headline: response.output_text as string };
      }
    `,
    'src/types.ts': code`
      export interface Ticket {
        subject: string;
      }
    `,
    'src/Reply.tsx': code`
      import { streamText } from 'ai';
      import { anthropic } from '@ai-sdk/anthropic';

      type Props = { draft: string };

      export async function Reply({ draft }: Props) {
        const result = streamText({ model: anthropic('claude-sonnet-4-5'), prompt: draft, maxOutputTokens: 300 });
        return <pre>{await result.text}</pre>;
      }
    `,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }

  it('reports the same findings as the CLI, covering every rule', async () => {
    const [fromEslint, fromCli] = [await eslintRows(dir, 'all'), cliRows(dir, 'all')];
    assert.deepEqual(brief(fromEslint), [
      'src/Ask.jsx require-max-tokens:missing 6:28-6:40',
      'src/Ask.jsx no-dynamic-prompt-prefix:dynamicPrefix 8:34-8:43',
      'src/extract.js require-stop-sequences:withEvidence 6:3-6:33',
      'src/Reply.tsx require-stop-sequences:missing 7:18-7:28',
      'src/report.ts require-max-tokens:missing 11:26-11:49',
      'src/report.ts no-dynamic-prompt-prefix:dynamicPrefix 13:31-13:56',
      'src/summarize.cjs require-max-tokens:anthropicRequired 6:25-6:50',
      'src/summarize.cjs require-stop-sequences:withEvidence 6:25-6:50',
      'src/triage.mjs no-verbose-system-prompt:verbose 7:28-7:58',
      'src/triage.mjs require-stop-sequences:missing 7:28-7:58',
    ]);
    assert.deepEqual(fromEslint, fromCli);
    assert.deepEqual([...new Set(fromEslint.map((row) => row.ruleId))].sort(), rules.map((rule) => rule.id));
  });
});
