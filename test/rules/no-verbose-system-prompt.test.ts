import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../rules/no-verbose-system-prompt.js';
import { promptToAtomText } from '../../src/compress/atoms.js';
import { compressText } from '../../src/compress/index.js';
import { analyzeSource, lintAnalysis } from '../../src/engine/linter.js';
import { applyEdits } from '../../src/fix/apply.js';
import type { LintMessage } from '../../src/model.js';
import type { Settings } from '../../src/rule.js';
import { parseSource, syntaxErrors } from '../../src/scan/parse.js';
import { encodingForModel } from '../../src/tokens/count.js';
import { code } from '../helpers/code.js';
import { ruleTester } from '../helpers/rule-tester.js';

// Every expected rewrite below was read for meaning, not only copied from the compressor: the
// prompts use filler the safe tier removes outright ("Please", "I would like you to act as",
// "It is important to note that", "in order to") and nothing it might start to touch later.

const OPENAI_CHAT = code`
  import OpenAI from 'openai';

  const openai = new OpenAI();

  export async function answer(question: string) {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_completion_tokens: 400,
      messages: [
        {
          role: 'system',
          content: \`I would like you to act as a support agent for Northwind Outfitters.
  Please answer questions about orders, returns and shipping.
  It is important to note that refunds take five business days due to the fact that the bank has to clear them.
  Make sure to reply in the customer's language.\`,
        },
        { role: 'user', content: question },
      ],
    });
    return completion.choices[0]?.message.content;
  }
`;

const OPENAI_CHAT_SAFE = code`
  import OpenAI from 'openai';

  const openai = new OpenAI();

  export async function answer(question: string) {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_completion_tokens: 400,
      messages: [
        {
          role: 'system',
          content: \`Act as a support agent for Northwind Outfitters.
  Answer questions about orders, returns and shipping.
  Refunds take five business days because the bank has to clear them.
  Make sure to reply in the customer's language.\`,
        },
        { role: 'user', content: question },
      ],
    });
    return completion.choices[0]?.message.content;
  }
`;

const OPENAI_CHAT_REVIEW = OPENAI_CHAT_SAFE.replace("Make sure to reply in the customer's language.", "Reply in the customer's language.");

const RESPONSES = code`
  import OpenAI from 'openai';

  const client = new OpenAI();

  export async function review(diff: string) {
    const response = await client.responses.create({
      model: 'gpt-4.1',
      instructions: 'You are a senior TypeScript reviewer. Please point out bugs and missing error handling in the diff. It is worth noting that the team doesn\'t want comments on formatting, so in order to keep reviews short, skip style issues.',
      input: diff,
      max_output_tokens: 800,
    });
    return response.output_text;
  }
`;

const RESPONSES_SAFE = code`
  import OpenAI from 'openai';

  const client = new OpenAI();

  export async function review(diff: string) {
    const response = await client.responses.create({
      model: 'gpt-4.1',
      instructions: 'You are a senior TypeScript reviewer. Point out bugs and missing error handling in the diff. The team doesn\'t want comments on formatting, so to keep reviews short, skip style issues.',
      input: diff,
      max_output_tokens: 800,
    });
    return response.output_text;
  }
`;

const ANTHROPIC = code`
  import Anthropic from '@anthropic-ai/sdk';

  const anthropic = new Anthropic();

  export async function triage(ticket: string) {
    return anthropic.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 300,
      system: "You will act as a triage assistant for an IT help desk. Please read the ticket and assign one priority: P1, P2 or P3. Keep in mind that outages which affect all of the users are always P1. It would be great if you could explain the priority in one sentence.",
      messages: [{ role: 'user', content: ticket }],
    });
  }
`;

const ANTHROPIC_SAFE = code`
  import Anthropic from '@anthropic-ai/sdk';

  const anthropic = new Anthropic();

  export async function triage(ticket: string) {
    return anthropic.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 300,
      system: "Act as a triage assistant for an IT help desk. Read the ticket and assign one priority: P1, P2 or P3. Outages which affect all the users are always P1. Explain the priority in one sentence.",
      messages: [{ role: 'user', content: ticket }],
    });
  }
`;

const AI_SDK = code`
  import { generateText } from 'ai';
  import { anthropic } from '@ai-sdk/anthropic';

  export async function headline(article: string) {
    const { text } = await generateText({
      model: anthropic('claude-haiku-4-5'),
      system: 'I want you to act as a newspaper sub-editor. Please write one headline for the article below. It is important to note that the headline must not exceed twelve words.',
      prompt: article,
      maxOutputTokens: 60,
    });
    return text;
  }
`;

const AI_SDK_SAFE = code`
  import { generateText } from 'ai';
  import { anthropic } from '@ai-sdk/anthropic';

  export async function headline(article: string) {
    const { text } = await generateText({
      model: anthropic('claude-haiku-4-5'),
      system: 'Act as a newspaper sub-editor. Write one headline for the article below. The headline must not exceed twelve words.',
      prompt: article,
      maxOutputTokens: 60,
    });
    return text;
  }
`;

const GEMINI = code`
  import { GoogleGenAI } from '@google/genai';

  const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

  export async function altText(imageCaption: string) {
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: imageCaption,
      config: {
        systemInstruction: 'Please write alt text for the image described by the user. It is worth noting that screen readers read it aloud, so in order to keep it short, use at most two sentences and make use of plain words. Thank you in advance!',
        maxOutputTokens: 120,
      },
    });
    return response.text;
  }
`;

const GEMINI_SAFE = code`
  import { GoogleGenAI } from '@google/genai';

  const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

  export async function altText(imageCaption: string) {
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: imageCaption,
      config: {
        systemInstruction: 'Write alt text for the image described by the user. Screen readers read it aloud, so to keep it short, use at most two sentences and use plain words.',
        maxOutputTokens: 120,
      },
    });
    return response.text;
  }
`;

const LANGCHAIN = code`
  import { ChatOpenAI } from '@langchain/openai';
  import { HumanMessage, SystemMessage } from '@langchain/core/messages';

  const llm = new ChatOpenAI({ model: 'gpt-4o', maxTokens: 500 });

  export async function translate(text: string) {
    return llm.invoke([
      new SystemMessage('I would like you to act as a translator from German to English. Please keep the formatting of the original text. It is important to note that product names must not be translated.'),
      new HumanMessage(text),
    ]);
  }
`;

const LANGCHAIN_SAFE = code`
  import { ChatOpenAI } from '@langchain/openai';
  import { HumanMessage, SystemMessage } from '@langchain/core/messages';

  const llm = new ChatOpenAI({ model: 'gpt-4o', maxTokens: 500 });

  export async function translate(text: string) {
    return llm.invoke([
      new SystemMessage('Act as a translator from German to English. Keep the formatting of the original text. Product names must not be translated.'),
      new HumanMessage(text),
    ]);
  }
`;

const INTERPOLATED = code`
  import Anthropic from '@anthropic-ai/sdk';

  const anthropic = new Anthropic();

  export async function onboard(company: string, plan: string, question: string) {
    return anthropic.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 500,
      system: \`I would like you to act as the onboarding guide for \${company}. Please answer questions about setting up a \${plan} account. It is important to note that passwords are never sent by email.\`,
      messages: [{ role: 'user', content: question }],
    });
  }
`;

const INTERPOLATED_SAFE = code`
  import Anthropic from '@anthropic-ai/sdk';

  const anthropic = new Anthropic();

  export async function onboard(company: string, plan: string, question: string) {
    return anthropic.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 500,
      system: \`Act as the onboarding guide for \${company}. Answer questions about setting up a \${plan} account. Passwords are never sent by email.\`,
      messages: [{ role: 'user', content: question }],
    });
  }
`;

const DEVELOPER = code`
  import OpenAI from 'openai';

  const openai = new OpenAI();

  export async function route(message: string) {
    return openai.chat.completions.create({
      model: 'o4-mini',
      max_completion_tokens: 20,
      messages: [
        { role: 'developer', content: 'You are going to act as a router for a bank\'s chat. Please reply with one queue name: cards, loans or fraud. It is important to note that anything about a stolen card goes to fraud.' },
        { role: 'user', content: message },
      ],
    });
  }
`;

const DEVELOPER_SAFE = code`
  import OpenAI from 'openai';

  const openai = new OpenAI();

  export async function route(message: string) {
    return openai.chat.completions.create({
      model: 'o4-mini',
      max_completion_tokens: 20,
      messages: [
        { role: 'developer', content: 'Act as a router for a bank\'s chat. Reply with one queue name: cards, loans or fraud. Anything about a stolen card goes to fraud.' },
        { role: 'user', content: message },
      ],
    });
  }
`;

const SAME_FILE_CONSTANT = code`
  import OpenAI from 'openai';

  const openai = new OpenAI();

  const SYSTEM_PROMPT = 'I would like you to act as a SQL tutor. Please explain each query step by step. It is important to note that the students use PostgreSQL 16.';

  export async function explain(query: string) {
    return openai.chat.completions.create({
      model: 'gpt-4.1-mini',
      max_completion_tokens: 700,
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: query },
      ],
    });
  }
`;

const SAME_FILE_CONSTANT_SAFE = SAME_FILE_CONSTANT.replace(
  "'I would like you to act as a SQL tutor. Please explain each query step by step. It is important to note that the students use PostgreSQL 16.'",
  "'Act as a SQL tutor. Explain each query step by step. The students use PostgreSQL 16.'",
);

const TRIMMED = code`
  import OpenAI from 'openai';

  const openai = new OpenAI();

  const SYSTEM = \`
  I would like you to act as a recipe assistant.
  Please suggest dishes that use the ingredients the user lists.
  It is important to note that the user is vegetarian.
  \`.trim();

  export async function suggest(ingredients: string) {
    return openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_completion_tokens: 500,
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: ingredients },
      ],
    });
  }
`;

// The emitter leaves out the blank first and last lines: after `.trim()` the value is the same.
const TRIMMED_SAFE = code`
  import OpenAI from 'openai';

  const openai = new OpenAI();

  const SYSTEM = \`Act as a recipe assistant.
  Suggest dishes that use the ingredients the user lists.
  The user is vegetarian.\`.trim();

  export async function suggest(ingredients: string) {
    return openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_completion_tokens: 500,
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: ingredients },
      ],
    });
  }
`;

const DEDENTED = code`
  import OpenAI from 'openai';
  import dedent from 'dedent';

  const openai = new OpenAI();

  export async function plan(goal: string) {
    return openai.chat.completions.create({
      model: 'gpt-4o',
      max_completion_tokens: 600,
      messages: [
        {
          role: 'system',
          content: dedent\`
            I would like you to act as a project planner.
            Please break the goal into at most five steps.
            It is important to note that each step needs an owner and a due date.
          \`,
        },
        { role: 'user', content: goal },
      ],
    });
  }
`;

const SUPPORT_PROMPT_MODULE = code`
  export const SUPPORT_PROMPT = \`I would like you to act as a support agent for Northwind Outfitters.
  Please answer questions about orders, returns and shipping.
  It is important to note that refunds take five business days due to the fact that the bank has to clear them.\`;
`;

const IMPORTED_PROMPT = code`
  import OpenAI from 'openai';
  import { SUPPORT_PROMPT } from './prompts.js';

  const openai = new OpenAI();

  export async function answer(question: string) {
    return openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_completion_tokens: 400,
      messages: [
        { role: 'system', content: SUPPORT_PROMPT },
        { role: 'user', content: question },
      ],
    });
  }
`;

const CLASSIFIER_PROMPT =
  "'I would like you to act as a sentiment classifier. Please label the review as positive, negative or mixed. It is important to note that sarcasm counts as negative.'";
const CLASSIFIER_PROMPT_SAFE = "'Act as a sentiment classifier. Label the review as positive, negative or mixed. Sarcasm counts as negative.'";

const MISTRAL = code`
  import { Mistral } from '@mistralai/mistralai';

  const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

  export async function classify(review: string) {
    return mistral.chat.complete({
      model: 'mistral-small-latest',
      maxTokens: 10,
      messages: [
        { role: 'system', content: ${CLASSIFIER_PROMPT} },
        { role: 'user', content: review },
      ],
    });
  }
`;

const MODEL_FROM_CALLER = code`
  import OpenAI from 'openai';

  const openai = new OpenAI();

  export async function classify(model: string, review: string) {
    return openai.chat.completions.create({
      model,
      max_completion_tokens: 10,
      messages: [
        { role: 'system', content: ${CLASSIFIER_PROMPT} },
        { role: 'user', content: review },
      ],
    });
  }
`;

ruleTester.run(rule, {
  valid: [
    {
      name: 'a tight professional prompt',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function answer(question: string) {
          return openai.chat.completions.create({
            model: 'gpt-4o-mini',
            max_completion_tokens: 400,
            messages: [
              {
                role: 'system',
                content: \`You are the support agent for Northwind Outfitters.
        Answer questions about orders, returns and shipping.
        Refunds take five business days because the bank has to clear them.
        Reply in the customer's language.\`,
              },
              { role: 'user', content: question },
            ],
          });
        }
      `,
    },
    {
      // "Please" costs one token here, below the default of 8.
      name: 'one word of filler saves less than minSavedTokens',
      code: code`
        import Anthropic from '@anthropic-ai/sdk';

        const anthropic = new Anthropic();

        export async function triage(ticket: string) {
          return anthropic.messages.create({
            model: 'claude-sonnet-4-5',
            max_tokens: 300,
            system: 'You are the triage assistant for an IT help desk. Please assign one priority to the ticket: P1, P2 or P3. Outages that affect every user are P1.',
            messages: [{ role: 'user', content: ticket }],
          });
        }
      `,
    },
    {
      name: 'system prompt passed in by the caller is unknown',
      code: code`
        import Anthropic from '@anthropic-ai/sdk';

        const anthropic = new Anthropic();

        export async function run(systemPrompt: string, question: string) {
          return anthropic.messages.create({
            model: 'claude-sonnet-4-5',
            max_tokens: 1024,
            system: systemPrompt,
            messages: [{ role: 'user', content: question }],
          });
        }
      `,
    },
    {
      name: 'a system prompt that is only an interpolation has no text to compress',
      code: code`
        import { generateText } from 'ai';
        import { openai } from '@ai-sdk/openai';

        export async function run(persona: string, prompt: string) {
          return generateText({ model: openai('gpt-4o-mini'), system: \`\${persona}\`, prompt, maxOutputTokens: 200 });
        }
      `,
    },
    {
      name: 'verbose user messages are not system prompts',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function summarize(text: string) {
          return openai.chat.completions.create({
            model: 'gpt-4o-mini',
            max_completion_tokens: 200,
            messages: [
              { role: 'system', content: 'Summarize the text in three bullet points.' },
              { role: 'user', content: \`I would like you to act as an editor. Please summarize this. It is important to note that it is a draft.\n\n\${text}\` },
            ],
          });
        }
      `,
    },
    {
      // Saves 14 of 62 tokens.
      name: 'minSavedTokens above the saving',
      options: { minSavedTokens: 15 },
      code: ANTHROPIC,
    },
    {
      // 14 of 62 tokens is 22.6%: shown rounded as 23%, compared unrounded.
      name: 'minSavedPercent above the saving',
      options: { minSavedPercent: 23 },
      code: ANTHROPIC,
    },
    {
      name: 'both thresholds must hold: enough tokens but too small a share',
      options: { minSavedTokens: 5, minSavedPercent: 40 },
      code: ANTHROPIC,
    },
  ],

  invalid: [
    {
      name: 'openai chat system message in a template literal, with a review rewrite that also drops "Make sure to"',
      code: OPENAI_CHAT,
      output: OPENAI_CHAT_SAFE,
      errors: [
        {
          messageId: 'verbose',
          line: 12,
          column: 18,
          endLine: 15,
          endColumn: 48,
          // 15 tokens × $0.15 per million × 1,000 calls.
          data: { before: 58, after: 43, saved: 15, percent: 26, cost: ', about $0.0022 of input per 1,000 calls' },
          suggestions: [
            { messageId: 'applySafe', output: OPENAI_CHAT_SAFE },
            { messageId: 'applyReview', output: OPENAI_CHAT_REVIEW },
          ],
        },
      ],
    },
    {
      name: 'openai responses instructions in a single-quoted string keep the quotes and the escaped apostrophe',
      code: RESPONSES,
      output: RESPONSES_SAFE,
      errors: [
        {
          messageId: 'verbose',
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 245,
          data: { before: 45, after: 37, saved: 8, percent: 18, cost: ', about $0.016 of input per 1,000 calls' },
          suggestions: [{ messageId: 'applySafe', output: RESPONSES_SAFE }],
        },
      ],
    },
    {
      name: 'openai developer message',
      code: DEVELOPER,
      output: DEVELOPER_SAFE,
      errors: [
        {
          messageId: 'verbose',
          line: 10,
          column: 37,
          endLine: 10,
          endColumn: 221,
          data: { before: 42, after: 31, saved: 11, percent: 26, cost: ', about $0.012 of input per 1,000 calls' },
          suggestions: [{ messageId: 'applySafe', output: DEVELOPER_SAFE }],
        },
      ],
    },
    {
      name: 'anthropic system string in double quotes',
      code: ANTHROPIC,
      output: ANTHROPIC_SAFE,
      errors: [
        {
          messageId: 'verbose',
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 272,
          // 14 tokens × $3 per million × 1,000 calls.
          data: { before: 62, after: 48, saved: 14, percent: 23, cost: ', about $0.042 of input per 1,000 calls' },
          suggestions: [{ messageId: 'applySafe', output: ANTHROPIC_SAFE }],
        },
      ],
    },
    {
      name: 'a saving equal to minSavedTokens is reported',
      options: { minSavedTokens: 14, minSavedPercent: 22 },
      code: ANTHROPIC,
      output: ANTHROPIC_SAFE,
      errors: [
        {
          messageId: 'verbose',
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 272,
          data: { saved: 14, percent: 23 },
          suggestions: [{ messageId: 'applySafe', output: ANTHROPIC_SAFE }],
        },
      ],
    },
    {
      name: 'settings.callsPerDay turns the cost into a monthly figure',
      settings: { callsPerDay: 5000 },
      code: ANTHROPIC,
      output: ANTHROPIC_SAFE,
      errors: [
        {
          messageId: 'verbose',
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 272,
          // 14 tokens × $3 per million × 5,000 calls × 30 days.
          data: { before: 62, after: 48, saved: 14, cost: ', about $6.30 of input per month' },
          suggestions: [{ messageId: 'applySafe', output: ANTHROPIC_SAFE }],
        },
      ],
    },
    {
      name: 'ai sdk system',
      code: AI_SDK,
      output: AI_SDK_SAFE,
      errors: [
        {
          messageId: 'verbose',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 180,
          data: { before: 34, after: 23, saved: 11, percent: 32, cost: ', about $0.011 of input per 1,000 calls' },
          suggestions: [{ messageId: 'applySafe', output: AI_SDK_SAFE }],
        },
      ],
    },
    {
      name: 'google genai config.systemInstruction',
      code: GEMINI,
      output: GEMINI_SAFE,
      errors: [
        {
          messageId: 'verbose',
          line: 10,
          column: 26,
          endLine: 10,
          endColumn: 247,
          data: { before: 48, after: 33, saved: 15, percent: 31, cost: ', about $0.0045 of input per 1,000 calls' },
          suggestions: [{ messageId: 'applySafe', output: GEMINI_SAFE }],
        },
      ],
    },
    {
      name: 'langchain SystemMessage',
      code: LANGCHAIN,
      output: LANGCHAIN_SAFE,
      errors: [
        {
          messageId: 'verbose',
          line: 8,
          column: 23,
          endLine: 8,
          endColumn: 204,
          data: { before: 36, after: 24, saved: 12, percent: 33, cost: ', about $0.030 of input per 1,000 calls' },
          suggestions: [{ messageId: 'applySafe', output: LANGCHAIN_SAFE }],
        },
      ],
    },
    {
      name: 'template literal with interpolations keeps every ${…}',
      code: INTERPOLATED,
      output: INTERPOLATED_SAFE,
      errors: [
        {
          messageId: 'verbose',
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 202,
          // Only static text is counted.
          data: { before: 35, after: 24, saved: 11, percent: 31 },
          suggestions: [{ messageId: 'applySafe', output: INTERPOLATED_SAFE }],
        },
      ],
    },
    {
      name: 'prompt constant in the same file is rewritten where it is declared',
      code: SAME_FILE_CONSTANT,
      output: SAME_FILE_CONSTANT_SAFE,
      errors: [
        {
          messageId: 'verbose',
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 165,
          data: { before: 33, after: 21, saved: 12, percent: 36, cost: ', about $0.0048 of input per 1,000 calls' },
          suggestions: [{ messageId: 'applySafe', output: SAME_FILE_CONSTANT_SAFE }],
        },
      ],
    },
    {
      name: 'trimmed template constant',
      code: TRIMMED,
      output: TRIMMED_SAFE,
      errors: [
        {
          messageId: 'verbose',
          line: 5,
          column: 16,
          endLine: 9,
          endColumn: 2,
          data: { before: 33, after: 21, saved: 12 },
          suggestions: [{ messageId: 'applySafe', output: TRIMMED_SAFE }],
        },
      ],
    },
    {
      // The emitter cannot reproduce a tag's runtime indentation rules, so nothing is rewritten.
      name: 'dedent-tagged template is reported without a fix',
      code: DEDENTED,
      output: null,
      errors: [
        {
          messageId: 'verbose',
          line: 13,
          column: 18,
          endLine: 17,
          endColumn: 10,
          data: { before: 37, after: 25, saved: 12, percent: 32 },
          suggestions: [],
        },
      ],
    },
    {
      name: 'prompt constant imported from another file is reported at the call, without a fix',
      filename: 'chat.ts',
      files: { 'prompts.ts': SUPPORT_PROMPT_MODULE },
      code: IMPORTED_PROMPT,
      output: null,
      errors: [
        {
          messageId: 'verbose',
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 40,
          data: { before: 49, after: 34, saved: 15, percent: 31, cost: ', about $0.0022 of input per 1,000 calls' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'model without a known price',
      code: MISTRAL,
      output: MISTRAL.replace(CLASSIFIER_PROMPT, CLASSIFIER_PROMPT_SAFE),
      errors: [
        {
          messageId: 'verbose',
          line: 10,
          column: 34,
          endLine: 10,
          endColumn: 199,
          data: { before: 34, after: 23, saved: 11, percent: 32, cost: ' (no price known for mistral-small-latest)' },
          suggestions: [{ messageId: 'applySafe', output: MISTRAL.replace(CLASSIFIER_PROMPT, CLASSIFIER_PROMPT_SAFE) }],
        },
      ],
    },
    {
      name: 'settings.pricing prices a model the table lacks',
      settings: { pricing: { 'mistral-small-latest': { input: 0.1, output: 0.3 } } },
      code: MISTRAL,
      output: MISTRAL.replace(CLASSIFIER_PROMPT, CLASSIFIER_PROMPT_SAFE),
      errors: [
        {
          messageId: 'verbose',
          line: 10,
          column: 34,
          endLine: 10,
          endColumn: 199,
          data: { saved: 11, cost: ', about $0.0011 of input per 1,000 calls' },
          suggestions: [{ messageId: 'applySafe', output: MISTRAL.replace(CLASSIFIER_PROMPT, CLASSIFIER_PROMPT_SAFE) }],
        },
      ],
    },
    {
      name: 'model chosen by the caller: no cost clause',
      code: MODEL_FROM_CALLER,
      output: MODEL_FROM_CALLER.replace(CLASSIFIER_PROMPT, CLASSIFIER_PROMPT_SAFE),
      errors: [
        {
          messageId: 'verbose',
          line: 10,
          column: 34,
          endLine: 10,
          endColumn: 199,
          data: { before: 34, after: 23, saved: 11, percent: 32, cost: '' },
          suggestions: [{ messageId: 'applySafe', output: MODEL_FROM_CALLER.replace(CLASSIFIER_PROMPT, CLASSIFIER_PROMPT_SAFE) }],
        },
      ],
    },
    {
      name: 'model chosen by the caller: settings.defaultModel prices it',
      settings: { defaultModel: 'gpt-4o' },
      code: MODEL_FROM_CALLER,
      output: MODEL_FROM_CALLER.replace(CLASSIFIER_PROMPT, CLASSIFIER_PROMPT_SAFE),
      errors: [
        {
          messageId: 'verbose',
          line: 10,
          column: 34,
          endLine: 10,
          endColumn: 199,
          data: { saved: 11, cost: ', about $0.028 of input per 1,000 calls' },
          suggestions: [{ messageId: 'applySafe', output: MODEL_FROM_CALLER.replace(CLASSIFIER_PROMPT, CLASSIFIER_PROMPT_SAFE) }],
        },
      ],
    },
  ],
});

function lint(source: string, settings: Settings = {}): LintMessage[] {
  const analysis = analyzeSource('file.ts', source);
  const options = { ...rule.meta.defaultOptions };
  return lintAnalysis(analysis, { registry: [rule], rules: new Map([[rule.id, { severity: 2, options }]]), settings }).messages;
}

/** The system prompt's runtime text, each interpolation kept as an opaque atom, and the model it is sent to. */
function systemPrompt(source: string): { text: string; model: string | undefined } {
  const [site, ...rest] = analyzeSource('file.ts', source).sites;
  assert.ok(site && rest.length === 0, 'one call site');
  assert.ok(site.system.state === 'present' && site.system.value, 'a resolved system prompt');
  return { text: promptToAtomText(site.system.value.parts).text, model: site.model.state === 'present' ? site.model.value : undefined };
}

describe('no-verbose-system-prompt fix', () => {
  const fixable: Array<[string, string]> = [
    ['openai chat template', OPENAI_CHAT],
    ['responses single quotes', RESPONSES],
    ['anthropic double quotes', ANTHROPIC],
    ['gemini', GEMINI],
    ['langchain', LANGCHAIN],
    ['interpolated template', INTERPOLATED],
    ['same-file constant', SAME_FILE_CONSTANT],
    ['trimmed template', TRIMMED],
  ];
  for (const [name, source] of fixable) {
    it(`${name}: the fixed code parses, its prompt is the compressor's safe output, and it is not reported again`, () => {
      const [message, ...rest] = lint(source);
      assert.ok(message?.fix && rest.length === 0, 'one finding with a fix');
      const fixed = applyEdits(source, [message.fix]).output;
      assert.deepStrictEqual(syntaxErrors(parseSource('file.ts', fixed)).map((error) => error.messageText), []);
      const before = systemPrompt(source);
      const expected = compressText(before.text, { tier: 'safe', encoding: encodingForModel(before.model).encoding }).text;
      assert.notEqual(expected, before.text);
      assert.equal(systemPrompt(fixed).text, expected);
      assert.deepStrictEqual(lint(fixed), []);
    });
  }

  it('renders the message and adds token and cost fields to the JSON message', () => {
    const [message] = lint(ANTHROPIC);
    assert.ok(message);
    assert.equal(message.message, 'System prompt can be compressed from 62 to 48 tokens (14 fewer, 23%), about $0.042 of input per 1,000 calls.');
    assert.deepStrictEqual(
      message.suggestions?.map((suggestion) => suggestion.desc),
      ['Apply the safe rewrite (14 tokens fewer).'],
    );
    const { tokensBefore, tokensAfter, encoding, approximate, costDelta, costPeriod } = message;
    // Claude's tokenizer is not public: o200k_base stands in and the count is marked approximate.
    assert.deepStrictEqual(
      { tokensBefore, tokensAfter, encoding, approximate, costDelta, costPeriod },
      { tokensBefore: 62, tokensAfter: 48, encoding: 'o200k_base', approximate: true, costDelta: 0.042, costPeriod: '1000 calls' },
    );
  });

  it('names the review rewrite and its larger saving', () => {
    const [message] = lint(OPENAI_CHAT);
    assert.deepStrictEqual(
      message?.suggestions?.map((suggestion) => suggestion.desc),
      [
        'Apply the safe rewrite (15 tokens fewer).',
        'Apply the full rewrite, including emphasis and duplicate removal (18 tokens fewer); review it first.',
      ],
    );
    assert.equal(message?.encoding, 'o200k_base');
    assert.equal(message?.approximate, false);
  });

  it('reports a monthly cost delta with settings.callsPerDay and a null one without a price', () => {
    const [monthly] = lint(ANTHROPIC, { callsPerDay: 5000 });
    assert.deepStrictEqual([monthly?.costDelta, monthly?.costPeriod], [6.3, 'month']);
    const [unpriced] = lint(MISTRAL);
    assert.deepStrictEqual([unpriced?.tokensBefore, unpriced?.tokensAfter, unpriced?.costDelta], [34, 23, null]);
  });
});
