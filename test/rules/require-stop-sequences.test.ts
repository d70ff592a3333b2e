import rule from '../../rules/require-stop-sequences.js';
import { code } from '../helpers/code.js';
import { ruleTester } from '../helpers/rule-tester.js';

const AI_V4_PACKAGE = JSON.stringify({ name: 'mailroom', private: true, dependencies: { ai: '^4.3.16', '@ai-sdk/openai': '^1.3.22' } });
const ALL = { onlyWithEvidence: false };
const ANSWER_TAGS = 'the prompt asks for the answer inside <answer> tags';

ruleTester.run(rule, {
  valid: [
    {
      name: 'openai chat already sends stop',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function extract(email: string) {
          return openai.chat.completions.create({
            model: 'gpt-4o-mini',
            max_completion_tokens: 300,
            stop: ['</answer>'],
            messages: [
              { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
        }
      `,
    },
    {
      name: 'openai responses has no stop parameter, even with evidence and in all mode',
      options: ALL,
      code: code`
        import OpenAI from 'openai';

        const client = new OpenAI();

        export async function extract(email: string) {
          const response = await client.responses.create({
            model: 'gpt-4.1-mini',
            max_output_tokens: 300,
            instructions: 'Write the shipping address inside <answer></answer> tags.',
            input: email,
          });
          return response.output_text;
        }
      `,
    },
    {
      name: 'o-series models reject stop',
      options: ALL,
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function extract(email: string) {
          return openai.chat.completions.create({
            model: 'o4-mini',
            max_completion_tokens: 2000,
            messages: [
              { role: 'developer', content: 'Write the shipping address inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
        }
      `,
    },
    {
      name: 'gpt-5 models are left alone',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function extract(email: string) {
          return openai.chat.completions.create({
            model: 'gpt-5-mini',
            messages: [
              { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
        }
      `,
    },
    {
      name: 'structured output: json mode',
      options: ALL,
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function extract(email: string) {
          return openai.chat.completions.create({
            model: 'gpt-4o-mini',
            response_format: { type: 'json_object' },
            messages: [
              { role: 'system', content: 'Return the address as JSON inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
        }
      `,
    },
    {
      name: 'structured output: a forced tool call',
      options: ALL,
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function extract(email: string) {
          return openai.chat.completions.create({
            model: 'gpt-4o-mini',
            tools: [{ type: 'function', function: { name: 'save_address', parameters: { type: 'object', properties: { street: { type: 'string' } } } } }],
            tool_choice: { type: 'function', function: { name: 'save_address' } },
            messages: [{ role: 'user', content: email }],
          });
        }
      `,
    },
    {
      name: 'no evidence: the recommended setting stays silent',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function summarize(text: string) {
          return openai.chat.completions.create({
            model: 'gpt-4o-mini',
            messages: [
              { role: 'system', content: 'Summarize the text in two sentences.' },
              { role: 'user', content: text },
            ],
          });
        }
      `,
    },
    {
      name: 'unknown: a spread parameter may carry stop',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function extract(email: string, overrides: { stop?: string[] }) {
          return openai.chat.completions.create({
            model: 'gpt-4o-mini',
            messages: [
              { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
            ...overrides,
          });
        }
      `,
    },
    {
      name: 'anthropic sends stop_sequences',
      code: code`
        import Anthropic from '@anthropic-ai/sdk';

        const anthropic = new Anthropic();

        export async function extract(email: string) {
          return anthropic.messages.create({
            model: 'claude-haiku-4-5',
            max_tokens: 300,
            stop_sequences: ['</answer>'],
            system: 'Write the shipping address inside <answer></answer> tags.',
            messages: [{ role: 'user', content: email }],
          });
        }
      `,
    },
    {
      name: 'anthropic structured output through a forced tool',
      options: ALL,
      code: code`
        import Anthropic from '@anthropic-ai/sdk';

        const anthropic = new Anthropic();

        export async function extract(email: string) {
          return anthropic.messages.create({
            model: 'claude-haiku-4-5',
            max_tokens: 300,
            tools: [{ name: 'save_address', input_schema: { type: 'object', properties: { street: { type: 'string' } } } }],
            tool_choice: { type: 'tool', name: 'save_address' },
            messages: [{ role: 'user', content: email }],
          });
        }
      `,
    },
    {
      name: 'unknown: the anthropic request comes from the caller',
      options: ALL,
      code: code`
        import Anthropic from '@anthropic-ai/sdk';

        const anthropic = new Anthropic();

        export async function run(request: Anthropic.MessageCreateParamsNonStreaming) {
          return anthropic.messages.create(request);
        }
      `,
    },
    {
      name: 'anthropic bedrock client sends stop_sequences',
      code: code`
        import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';

        const client = new AnthropicBedrock({ awsRegion: 'us-east-1' });

        export async function extract(email: string) {
          return client.messages.create({
            model: 'anthropic.claude-3-5-haiku-20241022-v1:0',
            max_tokens: 300,
            stop_sequences: ['</answer>'],
            system: 'Write the shipping address inside <answer></answer> tags.',
            messages: [{ role: 'user', content: email }],
          });
        }
      `,
    },
    {
      name: 'ai sdk structured output with Output.object',
      options: ALL,
      code: code`
        import { generateText, Output } from 'ai';
        import { anthropic } from '@ai-sdk/anthropic';
        import { z } from 'zod';

        export async function extract(email: string) {
          const { output } = await generateText({
            model: anthropic('claude-haiku-4-5'),
            maxOutputTokens: 300,
            output: Output.object({ schema: z.object({ street: z.string(), city: z.string() }) }),
            system: 'Write the shipping address inside <answer></answer> tags.',
            prompt: email,
          });
          return output;
        }
      `,
    },
    {
      name: 'ai sdk 5 openai() models use the Responses API, which has no stop',
      code: code`
        import { generateText } from 'ai';
        import { openai } from '@ai-sdk/openai';

        export async function extract(email: string) {
          const { text } = await generateText({
            model: openai('gpt-4o-mini'),
            maxOutputTokens: 300,
            system: 'Write the shipping address inside <answer></answer> tags.',
            prompt: email,
          });
          return text;
        }
      `,
    },
    {
      name: 'ai sdk sends stopSequences',
      code: code`
        import { generateText } from 'ai';
        import { anthropic } from '@ai-sdk/anthropic';

        export async function extract(email: string) {
          const { text } = await generateText({
            model: anthropic('claude-haiku-4-5'),
            maxOutputTokens: 300,
            stopSequences: ['</answer>'],
            system: 'Write the shipping address inside <answer></answer> tags.',
            prompt: email,
          });
          return text;
        }
      `,
    },
    {
      name: 'google genai sends config.stopSequences',
      code: code`
        import { GoogleGenAI } from '@google/genai';

        const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

        export async function summarize(article: string) {
          const response = await ai.models.generateContent({
            model: 'gemini-2.5-flash',
            contents: article,
            config: { systemInstruction: 'Wrap the summary in <summary> tags.', stopSequences: ['</summary>'] },
          });
          return response.text;
        }
      `,
    },
    {
      name: 'google genai json output is structured',
      options: ALL,
      code: code`
        import { GoogleGenAI } from '@google/genai';

        const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

        export async function tags(article: string) {
          const response = await ai.models.generateContent({
            model: 'gemini-2.5-flash',
            contents: article,
            config: { responseMimeType: 'application/json', systemInstruction: 'List the topics as a JSON array.' },
          });
          return response.text;
        }
      `,
    },
    {
      name: 'legacy google generative-ai sends generationConfig.stopSequences',
      code: code`
        import { GoogleGenerativeAI } from '@google/generative-ai';

        const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);
        const model = genAI.getGenerativeModel({
          model: 'gemini-1.5-flash',
          systemInstruction: 'Wrap the summary in <summary> tags.',
          generationConfig: { stopSequences: ['</summary>'] },
        });

        export async function summarize(article: string) {
          const result = await model.generateContent(article);
          return result.response.text();
        }
      `,
    },
    {
      name: 'langchain ChatOpenAI sets stop',
      code: code`
        import { ChatOpenAI } from '@langchain/openai';

        const llm = new ChatOpenAI({ model: 'gpt-4o-mini', stop: ['</answer>'] });

        export async function extract(email: string) {
          return llm.invoke([
            ['system', 'Write the shipping address inside <answer></answer> tags.'],
            ['human', email],
          ]);
        }
      `,
    },
    {
      name: 'langchain ChatAnthropic sets stopSequences',
      code: code`
        import { ChatAnthropic } from '@langchain/anthropic';

        const llm = new ChatAnthropic({ model: 'claude-haiku-4-5', stopSequences: ['</answer>'] });

        export async function extract(email: string) {
          return llm.invoke([
            ['system', 'Write the shipping address inside <answer></answer> tags.'],
            ['human', email],
          ]);
        }
      `,
    },
    {
      name: 'langchain withStructuredOutput is structured',
      options: ALL,
      code: code`
        import { ChatOpenAI } from '@langchain/openai';
        import { z } from 'zod';

        const llm = new ChatOpenAI({ model: 'gpt-4o-mini' });
        const extractor = llm.withStructuredOutput(z.object({ street: z.string() }));

        export async function extract(email: string) {
          return extractor.invoke(email);
        }
      `,
    },
    {
      name: 'bedrock converse sends inferenceConfig.stopSequences',
      code: code`
        import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

        const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

        export async function extract(email: string) {
          return bedrock.send(
            new ConverseCommand({
              modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
              system: [{ text: 'Write the shipping address inside <answer></answer> tags.' }],
              messages: [{ role: 'user', content: [{ text: email }] }],
              inferenceConfig: { maxTokens: 300, stopSequences: ['</answer>'] },
            }),
          );
        }
      `,
    },
    {
      name: 'mistral sends stop',
      code: code`
        import { Mistral } from '@mistralai/mistralai';

        const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

        export async function extract(email: string) {
          return mistral.chat.complete({
            model: 'mistral-small-latest',
            stop: ['</answer>'],
            messages: [
              { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
        }
      `,
    },
    {
      name: 'cohere sends stopSequences',
      code: code`
        import { CohereClientV2 } from 'cohere-ai';

        const cohere = new CohereClientV2({ token: process.env.COHERE_API_KEY });

        export async function extract(email: string) {
          return cohere.chat({
            model: 'command-r-plus',
            stopSequences: ['</answer>'],
            messages: [
              { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
        }
      `,
    },
    {
      name: 'groq sends stop',
      code: code`
        import Groq from 'groq-sdk';

        const groq = new Groq();

        export async function extract(email: string) {
          return groq.chat.completions.create({
            model: 'llama-3.3-70b-versatile',
            stop: '</answer>',
            messages: [
              { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
        }
      `,
    },
    {
      name: 'ollama sends options.stop',
      code: code`
        import ollama from 'ollama';

        export async function extract(email: string) {
          return ollama.chat({
            model: 'llama3.2',
            options: { num_predict: 300, stop: ['</answer>'] },
            messages: [
              { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
        }
      `,
    },
    {
      name: 'ollama json format is structured',
      options: ALL,
      code: code`
        import ollama from 'ollama';

        export async function extract(email: string) {
          return ollama.chat({ model: 'llama3.2', format: 'json', messages: [{ role: 'user', content: email }] });
        }
      `,
    },
    {
      name: 'raw fetch to anthropic sends stop_sequences',
      code: code`
        export async function extract(email: string) {
          const res = await fetch('https://api.anthropic.com/v1/messages', {
            method: 'POST',
            headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY!, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
            body: JSON.stringify({
              model: 'claude-3-5-haiku-latest',
              max_tokens: 300,
              stop_sequences: ['</answer>'],
              system: 'Write the shipping address inside <answer></answer> tags.',
              messages: [{ role: 'user', content: email }],
            }),
          });
          return res.json();
        }
      `,
    },
    {
      name: 'raw fetch to the openai responses endpoint has no stop parameter',
      options: ALL,
      code: code`
        export async function ask(question: string) {
          const res = await fetch('https://api.openai.com/v1/responses', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ model: 'gpt-4.1-mini', instructions: 'Answer inside <answer></answer> tags.', input: question }),
          });
          return res.json();
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'openai chat: the prompt asks for <answer> tags',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        const SYSTEM = 'You extract the shipping address from an email. Write the address inside <answer></answer> tags and nothing after them.';

        export async function extract(email: string) {
          const completion = await openai.chat.completions.create({
            model: 'gpt-4o-mini',
            max_completion_tokens: 300,
            messages: [
              { role: 'system', content: SYSTEM },
              { role: 'user', content: email },
            ],
          });
          return completion.choices[0]?.message.content;
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 8,
          column: 28,
          endLine: 8,
          endColumn: 58,
          data: { api: 'chat.completions.create', param: 'stop', reason: ANSWER_TAGS },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import OpenAI from 'openai';

                const openai = new OpenAI();

                const SYSTEM = 'You extract the shipping address from an email. Write the address inside <answer></answer> tags and nothing after them.';

                export async function extract(email: string) {
                  const completion = await openai.chat.completions.create({
                    model: 'gpt-4o-mini',
                    max_completion_tokens: 300,
                    messages: [
                      { role: 'system', content: SYSTEM },
                      { role: 'user', content: email },
                    ],
                    stop: ['</answer>'],
                  });
                  return completion.choices[0]?.message.content;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'all mode: openai chat without evidence',
      options: ALL,
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function summarize(text: string) {
          return openai.chat.completions.create({
            model: 'gpt-4o-mini',
            messages: [
              { role: 'system', content: 'Summarize the text in two sentences.' },
              { role: 'user', content: text },
            ],
          });
        }
      `,
      errors: [{ messageId: 'missing', line: 6, column: 10, endLine: 6, endColumn: 40, data: { api: 'chat.completions.create', param: 'stop' }, suggestions: [] }],
    },
    {
      name: 'azure openai: the prompt asks for <answer> tags',
      code: code`
        import { AzureOpenAI } from 'openai';

        const azure = new AzureOpenAI({ endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiVersion: '2024-10-21', deployment: 'gpt-4o' });

        export async function extract(email: string) {
          return azure.chat.completions.create({
            model: 'gpt-4o',
            messages: [
              { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 39,
          data: { param: 'stop', reason: ANSWER_TAGS },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import { AzureOpenAI } from 'openai';

                const azure = new AzureOpenAI({ endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiVersion: '2024-10-21', deployment: 'gpt-4o' });

                export async function extract(email: string) {
                  return azure.chat.completions.create({
                    model: 'gpt-4o',
                    messages: [
                      { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
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
      name: 'openai-compatible endpoint: the prompt names an end marker',
      code: code`
        import OpenAI from 'openai';

        const together = new OpenAI({ baseURL: 'https://api.together.xyz/v1', apiKey: process.env.TOGETHER_API_KEY });

        export async function rewrite(paragraph: string) {
          return together.chat.completions.create({
            model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
            messages: [
              { role: 'system', content: 'Rewrite the paragraph in plain English. End your answer with the line "###".' },
              { role: 'user', content: paragraph },
            ],
          });
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 42,
          data: { param: 'stop', reason: 'the prompt asks to end the answer with "###"' },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import OpenAI from 'openai';

                const together = new OpenAI({ baseURL: 'https://api.together.xyz/v1', apiKey: process.env.TOGETHER_API_KEY });

                export async function rewrite(paragraph: string) {
                  return together.chat.completions.create({
                    model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
                    messages: [
                      { role: 'system', content: 'Rewrite the paragraph in plain English. End your answer with the line "###".' },
                      { role: 'user', content: paragraph },
                    ],
                    stop: ['###'],
                  });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'anthropic: a transcript prompt stops at the next customer turn',
      code: code`
        import Anthropic from '@anthropic-ai/sdk';

        const anthropic = new Anthropic();

        export async function continueChat(transcript: string) {
          return anthropic.messages.create({
            model: 'claude-haiku-4-5',
            max_tokens: 400,
            system: 'Continue the support chat below as the agent. Reply with one turn only.',
            messages: [{ role: 'user', content: \`Customer: My order has not arrived.\nAgent: Sorry to hear that. Can you share the order number?\n\${transcript}\nAgent:\` }],
          });
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 35,
          data: { param: 'stop_sequences', reason: 'the prompt is a transcript; the model would go on to write the next "Customer:" turn' },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import Anthropic from '@anthropic-ai/sdk';

                const anthropic = new Anthropic();

                export async function continueChat(transcript: string) {
                  return anthropic.messages.create({
                    model: 'claude-haiku-4-5',
                    max_tokens: 400,
                    system: 'Continue the support chat below as the agent. Reply with one turn only.',
                    messages: [{ role: 'user', content: \`Customer: My order has not arrived.\nAgent: Sorry to hear that. Can you share the order number?\n\${transcript}\nAgent:\` }],
                    stop_sequences: ['\nCustomer:'],
                  });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'all mode: anthropic without evidence',
      options: ALL,
      code: code`
        import Anthropic from '@anthropic-ai/sdk';

        const anthropic = new Anthropic();

        export async function reply(question: string) {
          return anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 400, messages: [{ role: 'user', content: question }] });
        }
      `,
      errors: [{ messageId: 'missing', line: 6, column: 10, endLine: 6, endColumn: 35, data: { param: 'stop_sequences' }, suggestions: [] }],
    },
    {
      name: 'anthropic bedrock client: the prompt asks for <answer> tags',
      code: code`
        import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';

        const client = new AnthropicBedrock({ awsRegion: 'us-east-1' });

        export async function extract(email: string) {
          return client.messages.create({
            model: 'anthropic.claude-3-5-haiku-20241022-v1:0',
            max_tokens: 300,
            system: 'Write the shipping address inside <answer></answer> tags.',
            messages: [{ role: 'user', content: email }],
          });
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 32,
          data: { param: 'stop_sequences', reason: ANSWER_TAGS },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';

                const client = new AnthropicBedrock({ awsRegion: 'us-east-1' });

                export async function extract(email: string) {
                  return client.messages.create({
                    model: 'anthropic.claude-3-5-haiku-20241022-v1:0',
                    max_tokens: 300,
                    system: 'Write the shipping address inside <answer></answer> tags.',
                    messages: [{ role: 'user', content: email }],
                    stop_sequences: ['</answer>'],
                  });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'ai sdk 5 with an anthropic model: the prompt names an end word',
      code: code`
        import { generateText } from 'ai';
        import { anthropic } from '@ai-sdk/anthropic';

        export async function sql(question: string) {
          const { text } = await generateText({
            model: anthropic('claude-haiku-4-5'),
            maxOutputTokens: 500,
            system: 'Translate the question into one PostgreSQL query. End your answer with the word "END".',
            prompt: question,
          });
          return text;
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 38,
          data: { api: 'generateText', param: 'stopSequences', reason: 'the prompt asks to end the answer with "END"' },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import { generateText } from 'ai';
                import { anthropic } from '@ai-sdk/anthropic';

                export async function sql(question: string) {
                  const { text } = await generateText({
                    model: anthropic('claude-haiku-4-5'),
                    maxOutputTokens: 500,
                    system: 'Translate the question into one PostgreSQL query. End your answer with the word "END".',
                    prompt: question,
                    stopSequences: ['END'],
                  });
                  return text;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'ai sdk 4 (package.json) with an openai chat model',
      files: { 'package.json': AI_V4_PACKAGE },
      filename: 'src/extract.ts',
      code: code`
        import { generateText } from 'ai';
        import { openai } from '@ai-sdk/openai';

        export async function extract(email: string) {
          const { text } = await generateText({
            model: openai('gpt-4o-mini'),
            maxTokens: 300,
            system: 'Write the shipping address inside <answer></answer> tags.',
            prompt: email,
          });
          return text;
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 38,
          data: { param: 'stopSequences', reason: ANSWER_TAGS },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import { generateText } from 'ai';
                import { openai } from '@ai-sdk/openai';

                export async function extract(email: string) {
                  const { text } = await generateText({
                    model: openai('gpt-4o-mini'),
                    maxTokens: 300,
                    system: 'Write the shipping address inside <answer></answer> tags.',
                    prompt: email,
                    stopSequences: ['</answer>'],
                  });
                  return text;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'google genai: the prompt asks for <summary> tags',
      code: code`
        import { GoogleGenAI } from '@google/genai';

        const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

        export async function summarize(article: string) {
          const response = await ai.models.generateContent({
            model: 'gemini-2.5-flash',
            contents: article,
            config: {
              maxOutputTokens: 400,
              systemInstruction: 'Summarize the article in three sentences and wrap the summary in <summary> tags.',
            },
          });
          return response.text;
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 51,
          data: { param: 'config.stopSequences', reason: 'the prompt asks for the answer inside <summary> tags' },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import { GoogleGenAI } from '@google/genai';

                const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

                export async function summarize(article: string) {
                  const response = await ai.models.generateContent({
                    model: 'gemini-2.5-flash',
                    contents: article,
                    config: {
                      maxOutputTokens: 400,
                      systemInstruction: 'Summarize the article in three sentences and wrap the summary in <summary> tags.',
                      stopSequences: ['</summary>'],
                    },
                  });
                  return response.text;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'legacy google generative-ai: the prompt asks for <summary> tags',
      code: code`
        import { GoogleGenerativeAI } from '@google/generative-ai';

        const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);
        const model = genAI.getGenerativeModel({
          model: 'gemini-1.5-flash',
          systemInstruction: 'Summarize the article and wrap the summary in <summary> tags.',
        });

        export async function summarize(article: string) {
          const result = await model.generateContent({ contents: [{ role: 'user', parts: [{ text: article }] }], generationConfig: { maxOutputTokens: 400 } });
          return result.response.text();
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 10,
          column: 24,
          endLine: 10,
          endColumn: 45,
          data: { param: 'generationConfig.stopSequences' },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import { GoogleGenerativeAI } from '@google/generative-ai';

                const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);
                const model = genAI.getGenerativeModel({
                  model: 'gemini-1.5-flash',
                  systemInstruction: 'Summarize the article and wrap the summary in <summary> tags.',
                });

                export async function summarize(article: string) {
                  const result = await model.generateContent({ contents: [{ role: 'user', parts: [{ text: article }] }], generationConfig: { maxOutputTokens: 400, stopSequences: ['</summary>'] } });
                  return result.response.text();
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'langchain ChatOpenAI: stop goes on the constructor',
      code: code`
        import { ChatOpenAI } from '@langchain/openai';

        const llm = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 300 });

        export async function extract(email: string) {
          return llm.invoke([
            ['system', 'Write the shipping address inside <answer></answer> tags.'],
            ['human', email],
          ]);
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 20,
          data: { param: 'stop', reason: ANSWER_TAGS },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import { ChatOpenAI } from '@langchain/openai';

                const llm = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 300, stop: ['</answer>'] });

                export async function extract(email: string) {
                  return llm.invoke([
                    ['system', 'Write the shipping address inside <answer></answer> tags.'],
                    ['human', email],
                  ]);
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'langchain ChatAnthropic: stop goes into the call options',
      code: code`
        import { ChatAnthropic } from '@langchain/anthropic';
        import { HumanMessage, SystemMessage } from '@langchain/core/messages';

        const llm = new ChatAnthropic({ model: 'claude-haiku-4-5', maxTokens: 300 });

        export async function extract(email: string) {
          return llm.invoke([new SystemMessage('Write the shipping address inside <answer></answer> tags.'), new HumanMessage(email)], { tags: ['extract'] });
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 20,
          data: { reason: ANSWER_TAGS },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import { ChatAnthropic } from '@langchain/anthropic';
                import { HumanMessage, SystemMessage } from '@langchain/core/messages';

                const llm = new ChatAnthropic({ model: 'claude-haiku-4-5', maxTokens: 300 });

                export async function extract(email: string) {
                  return llm.invoke([new SystemMessage('Write the shipping address inside <answer></answer> tags.'), new HumanMessage(email)], { tags: ['extract'], stop: ['</answer>'] });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'bedrock converse: stopSequences goes into inferenceConfig',
      code: code`
        import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

        const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

        export async function extract(email: string) {
          return bedrock.send(
            new ConverseCommand({
              modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
              system: [{ text: 'Write the shipping address inside <answer></answer> tags.' }],
              messages: [{ role: 'user', content: [{ text: email }] }],
              inferenceConfig: { maxTokens: 300 },
            }),
          );
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 22,
          data: { api: 'ConverseCommand', param: 'inferenceConfig.stopSequences' },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

                const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

                export async function extract(email: string) {
                  return bedrock.send(
                    new ConverseCommand({
                      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
                      system: [{ text: 'Write the shipping address inside <answer></answer> tags.' }],
                      messages: [{ role: 'user', content: [{ text: email }] }],
                      inferenceConfig: { maxTokens: 300, stopSequences: ['</answer>'] },
                    }),
                  );
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'mistral: the prompt asks for <answer> tags',
      code: code`
        import { Mistral } from '@mistralai/mistralai';

        const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

        export async function extract(email: string) {
          return mistral.chat.complete({
            model: 'mistral-small-latest',
            maxTokens: 300,
            messages: [
              { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 31,
          data: { param: 'stop' },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import { Mistral } from '@mistralai/mistralai';

                const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

                export async function extract(email: string) {
                  return mistral.chat.complete({
                    model: 'mistral-small-latest',
                    maxTokens: 300,
                    messages: [
                      { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
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
      name: 'cohere v2: the prompt asks for <answer> tags',
      code: code`
        import { CohereClientV2 } from 'cohere-ai';

        const cohere = new CohereClientV2({ token: process.env.COHERE_API_KEY });

        export async function extract(email: string) {
          return cohere.chat({
            model: 'command-r-plus',
            maxTokens: 300,
            messages: [
              { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 21,
          data: { param: 'stopSequences' },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import { CohereClientV2 } from 'cohere-ai';

                const cohere = new CohereClientV2({ token: process.env.COHERE_API_KEY });

                export async function extract(email: string) {
                  return cohere.chat({
                    model: 'command-r-plus',
                    maxTokens: 300,
                    messages: [
                      { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
                      { role: 'user', content: email },
                    ],
                    stopSequences: ['</answer>'],
                  });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'groq: the prompt asks for <answer> tags',
      code: code`
        import Groq from 'groq-sdk';

        const groq = new Groq();

        export async function extract(email: string) {
          return groq.chat.completions.create({
            model: 'llama-3.3-70b-versatile',
            max_completion_tokens: 300,
            messages: [
              { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 38,
          data: { param: 'stop' },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import Groq from 'groq-sdk';

                const groq = new Groq();

                export async function extract(email: string) {
                  return groq.chat.completions.create({
                    model: 'llama-3.3-70b-versatile',
                    max_completion_tokens: 300,
                    messages: [
                      { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
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
      name: 'ollama: options.stop goes into the existing options',
      code: code`
        import ollama from 'ollama';

        export async function extract(email: string) {
          return ollama.chat({
            model: 'llama3.2',
            options: { num_predict: 300 },
            messages: [
              { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
              { role: 'user', content: email },
            ],
          });
        }
      `,
      errors: [
        {
          messageId: 'withEvidence',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 21,
          data: { param: 'options.stop' },
          suggestions: [
            {
              messageId: 'addStop',
              output: code`
                import ollama from 'ollama';

                export async function extract(email: string) {
                  return ollama.chat({
                    model: 'llama3.2',
                    options: { num_predict: 300, stop: ['</answer>'] },
                    messages: [
                      { role: 'system', content: 'Write the shipping address inside <answer></answer> tags.' },
                      { role: 'user', content: email },
                    ],
                  });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'raw fetch to anthropic: reported without a suggestion',
      code: code`
        export async function extract(email: string) {
          const res = await fetch('https://api.anthropic.com/v1/messages', {
            method: 'POST',
            headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY!, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
            body: JSON.stringify({
              model: 'claude-3-5-haiku-latest',
              max_tokens: 300,
              system: 'Write the shipping address inside <answer></answer> tags.',
              messages: [{ role: 'user', content: email }],
            }),
          });
          return res.json();
        }
      `,
      errors: [{ messageId: 'withEvidence', line: 2, column: 21, endLine: 2, endColumn: 26, data: { api: 'fetch:/v1/messages', param: 'stop_sequences', reason: ANSWER_TAGS } }],
    },
  ],
});
