import assert from 'node:assert/strict';
import { RuleTester } from 'eslint';
import { describe, it } from 'node:test';
import plugin from '../../eslint-plugin/index.js';
import { rules } from '../../rules/index.js';
import { analyzeSource, lintAnalysis } from '../../src/engine/linter.js';
import { code } from '../helpers/code.js';

// ESLint's own RuleTester drives each promptlint rule through the adapter. These cases prove the
// mapping (locations, messageIds, data, fix vs suggest, options, file flavours); the thorough
// behaviour tables live in test/rules/.

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({
  languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
});
const assertionOptions = { requireMessage: 'messageId', requireLocation: true } as const;
const rule = (id: string) => plugin.rules[id]!;

ruleTester.run('require-max-tokens', rule('require-max-tokens'), {
  assertionOptions,
  valid: [
    {
      name: 'anthropic messages.create with max_tokens',
      filename: 'summarize.mjs',
      code: code`
        import Anthropic from '@anthropic-ai/sdk';

        const anthropic = new Anthropic();

        export const summarize = (text) =>
          anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 400, messages: [{ role: 'user', content: text }] });
      `,
    },
    {
      name: 'spread options may carry the cap',
      filename: 'chat.js',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export const ask = (defaults, messages) => openai.chat.completions.create({ ...defaults, model: 'gpt-4o-mini', messages });
      `,
    },
    { name: 'a file that calls no model', filename: 'util.js', code: "export const sum = (a, b) => a + b;" },
  ],
  invalid: [
    {
      name: 'openai chat.completions.create in an .mjs file',
      filename: 'chat.mjs',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function answer(question) {
          const completion = await openai.chat.completions.create({
            model: 'gpt-4o-mini',
            messages: [{ role: 'user', content: question }],
          });
          return completion.choices[0].message.content;
        }
      `,
      errors: [
        {
          messageId: 'missing',
          data: { api: 'chat.completions.create', param: 'max_completion_tokens' },
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'addCap',
              data: { param: 'max_completion_tokens', cap: '1024' },
              output: code`
                import OpenAI from 'openai';

                const openai = new OpenAI();

                export async function answer(question) {
                  const completion = await openai.chat.completions.create({
                    model: 'gpt-4o-mini',
                    messages: [{ role: 'user', content: question }],
                    max_completion_tokens: 1024,
                  });
                  return completion.choices[0].message.content;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'anthropic via require() in a .cjs file, with suggestedCap',
      filename: 'summarize.cjs',
      languageOptions: { sourceType: 'commonjs' },
      options: [{ suggestedCap: 256 }],
      code: code`
        const Anthropic = require('@anthropic-ai/sdk');

        const client = new Anthropic();

        async function summarize(text) {
          const message = await client.messages.create({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: text }] });
          return message.content[0].text;
        }

        module.exports = { summarize };
      `,
      errors: [
        {
          messageId: 'anthropicRequired',
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                const Anthropic = require('@anthropic-ai/sdk');

                const client = new Anthropic();

                async function summarize(text) {
                  const message = await client.messages.create({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: text }], max_tokens: 256 });
                  return message.content[0].text;
                }

                module.exports = { summarize };
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'AI SDK generateText inside a React component (.jsx)',
      filename: 'Ask.jsx',
      code: code`
        import { generateText } from 'ai';
        import { openai } from '@ai-sdk/openai';

        export function Ask({ question }) {
          const onClick = async () => {
            const { text } = await generateText({ model: openai('gpt-4o'), prompt: question });
            alert(text);
          };
          return <button onClick={onClick}>Ask</button>;
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { generateText } from 'ai';
                import { openai } from '@ai-sdk/openai';

                export function Ask({ question }) {
                  const onClick = async () => {
                    const { text } = await generateText({ model: openai('gpt-4o'), prompt: question, maxOutputTokens: 1024 });
                    alert(text);
                  };
                  return <button onClick={onClick}>Ask</button>;
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-stop-sequences', rule('require-stop-sequences'), {
  assertionOptions,
  valid: [
    {
      name: 'no evidence of where the answer ends (default onlyWithEvidence)',
      filename: 'reply.mjs',
      code: code`
        import Anthropic from '@anthropic-ai/sdk';

        const anthropic = new Anthropic();

        export const reply = (text) =>
          anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, messages: [{ role: 'user', content: text }] });
      `,
    },
    {
      name: 'stop already sent',
      filename: 'extract.js',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export const extract = (email) =>
          openai.chat.completions.create({
            model: 'gpt-4o-mini',
            max_tokens: 200,
            stop: ['</answer>'],
            messages: [
              { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
      `,
    },
  ],
  invalid: [
    {
      name: 'the prompt asks for <answer> tags',
      filename: 'extract.js',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function extractAddress(email) {
          return openai.chat.completions.create({
            model: 'gpt-4o-mini',
            max_tokens: 200,
            messages: [
              { role: 'system', content: 'Find the shipping address and write it inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          data: { api: 'chat.completions.create', param: 'stop', reason: 'the prompt asks for the answer inside <answer> tags' },
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'addStop',
              data: { param: 'stop', value: "['</answer>']" },
              output: code`
                import OpenAI from 'openai';

                const openai = new OpenAI();

                export async function extractAddress(email) {
                  return openai.chat.completions.create({
                    model: 'gpt-4o-mini',
                    max_tokens: 200,
                    messages: [
                      { role: 'system', content: 'Find the shipping address and write it inside <answer></answer> tags.' },
                      { role: 'user', content: email },
                    ],
                    stop: ['</answer>'],
                  });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'onlyWithEvidence: false reports free-text calls without a suggestion',
      filename: 'reply.mjs',
      options: [{ onlyWithEvidence: false }],
      code: code`
        import Anthropic from '@anthropic-ai/sdk';

        const anthropic = new Anthropic();

        export const reply = (text) =>
          anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, messages: [{ role: 'user', content: text }] });
      `,
      errors: [{ messageId: 'missing', data: { api: 'messages.create', param: 'stop_sequences' }, line: 6, column: 3, endLine: 6, endColumn: 28, suggestions: [] }],
    },
  ],
});

const GREETING = code`
  import OpenAI from 'openai';

  const openai = new OpenAI();

  export async function greet(user, question) {
    return openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_tokens: 300,
      messages: [
        {
          role: 'system',
          content: \`The customer's name is \${user.name}.
  You answer questions about hiking boots for an outdoor store. Keep answers short, friendly and factual, and recommend a store visit for fitting questions.\`,
        },
        { role: 'user', content: question },
      ],
    });
  }
`;

ruleTester.run('no-dynamic-prompt-prefix', rule('no-dynamic-prompt-prefix'), {
  assertionOptions,
  valid: [
    { name: 'below the default minStaticTokens (256)', filename: 'greet.mjs', code: GREETING },
    {
      name: 'the user value comes last',
      filename: 'greet.mjs',
      options: [{ minStaticTokens: 20 }],
      code: GREETING.replace("The customer's name is ${user.name}.\n", '').replace("questions.`", "questions.\nThe customer's name is ${user.name}.`"),
    },
  ],
  invalid: [
    {
      name: 'user data ahead of the static system prompt',
      filename: 'greet.mjs',
      options: [{ minStaticTokens: 20 }],
      code: GREETING,
      errors: [
        {
          messageId: 'dynamicPrefix',
          data: {
            label: 'User data',
            source: 'user.name',
            rateText: 'changes per user',
            tokens: 29,
            slot: 'system prompt',
            consequence: 'each user pays a fresh cache write for them',
          },
          line: 12,
          column: 44,
          endLine: 12,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'moveToEnd',
              output: code`
                import OpenAI from 'openai';

                const openai = new OpenAI();

                export async function greet(user, question) {
                  return openai.chat.completions.create({
                    model: 'gpt-4o-mini',
                    max_tokens: 300,
                    messages: [
                      {
                        role: 'system',
                        content: \`You answer questions about hiking boots for an outdoor store. Keep answers short, friendly and factual, and recommend a store visit for fitting questions.

                The customer's name is \${user.name}.\`,
                      },
                      { role: 'user', content: question },
                    ],
                  });
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

const TRIAGE_PROMPT =
  'You are a very helpful assistant. Please make sure to read the whole ticket before you answer. In order to choose a queue, please make sure to consider the whole thread. It is very important that you reply with exactly one word: billing, shipping or other.';
const triage = (prompt: string) => code`
  import OpenAI from 'openai';

  const openai = new OpenAI();

  export async function triage(ticket) {
    return openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_tokens: 100,
      messages: [
        {
          role: 'system',
          content: '${prompt}',
        },
        { role: 'user', content: ticket },
      ],
    });
  }
`;

// The rewrite itself is the compressor's (test/compress/), tuned independently: the expected fix
// and suggestion outputs are the engine's own for this code, and the test pins how they map.
const apply = (text: string, fix: { range: [number, number]; text: string }) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
function engineFindings(text: string, options: Record<string, unknown>) {
  const verbose = rules.find((candidate) => candidate.id === 'no-verbose-system-prompt')!;
  const { messages } = lintAnalysis(analyzeSource('triage.js', text), {
    registry: [verbose],
    rules: new Map([[verbose.id, { severity: 2, options: { ...verbose.meta.defaultOptions, ...options } }]]),
    settings: {},
  });
  assert.equal(messages.length, 1, 'the engine reports the verbose prompt');
  const [message] = messages;
  assert.ok(message!.fix && message!.suggestions && message!.suggestions.length >= 1, 'with a safe fix and suggestions');
  return {
    output: apply(text, message!.fix),
    suggestions: message!.suggestions.map((suggestion) => ({ messageId: suggestion.messageId!, output: apply(text, suggestion.fix) })),
  };
}
const VERBOSE_CODE = triage(TRIAGE_PROMPT);
const fromEngine = engineFindings(VERBOSE_CODE, { minSavedTokens: 3 });

ruleTester.run('no-verbose-system-prompt', rule('no-verbose-system-prompt'), {
  assertionOptions,
  valid: [
    { name: 'saves fewer tokens than minSavedTokens', filename: 'triage.js', options: [{ minSavedTokens: 40 }], code: VERBOSE_CODE },
    {
      name: 'a terse prompt',
      filename: 'triage.js',
      options: [{ minSavedTokens: 1 }],
      code: triage('Reply with one word: billing, shipping or other.'),
    },
  ],
  invalid: [
    {
      name: 'safe rewrite as fix, safe and review rewrites as suggestions',
      filename: 'triage.js',
      options: [{ minSavedTokens: 3 }],
      code: VERBOSE_CODE,
      output: fromEngine.output,
      errors: [{ messageId: 'verbose', line: 12, column: 18, endLine: 12, endColumn: 276, suggestions: fromEngine.suggestions }],
    },
  ],
});

describe('no-verbose-system-prompt expectations', () => {
  it('the engine rewrites the prompt literal and offers the safe rewrite as a suggestion too', () => {
    assert.notEqual(fromEngine.output, VERBOSE_CODE);
    assert.equal(fromEngine.suggestions[0]!.messageId, 'applySafe');
    assert.equal(fromEngine.suggestions[0]!.output, fromEngine.output);
  });
});
