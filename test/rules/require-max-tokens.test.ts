import rule from '../../rules/require-max-tokens.js';
import { code } from '../helpers/code.js';
import { ruleTester } from '../helpers/rule-tester.js';

const AI_V4_PACKAGE = JSON.stringify({ name: 'newsletter', private: true, dependencies: { ai: '^4.3.16', '@ai-sdk/openai': '^1.3.22' } });
const OPENAI_V3_PACKAGE = JSON.stringify({ name: 'helpdesk', private: true, dependencies: { openai: '^3.3.0' } });

ruleTester.run(rule, {
  valid: [
    {
      name: 'openai chat sets max_completion_tokens',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function summarize(text: string) {
          const completion = await openai.chat.completions.create({
            model: 'gpt-4o-mini',
            max_completion_tokens: 300,
            messages: [{ role: 'user', content: text }],
          });
          return completion.choices[0]?.message.content;
        }
      `,
    },
    {
      name: 'openai chat with the deprecated max_tokens still has a cap',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function summarize(text: string) {
          return openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 300, messages: [{ role: 'user', content: text }] });
        }
      `,
    },
    {
      name: 'openai responses sets max_output_tokens',
      code: code`
        import OpenAI from 'openai';

        const client = new OpenAI();

        export async function answer(question: string) {
          const response = await client.responses.create({ model: 'gpt-4.1', input: question, max_output_tokens: 400 });
          return response.output_text;
        }
      `,
    },
    {
      name: 'azure openai sets max_completion_tokens',
      code: code`
        import { AzureOpenAI } from 'openai';

        const azure = new AzureOpenAI({ endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiVersion: '2024-10-21', deployment: 'gpt-4o' });

        export async function classify(ticket: string) {
          return azure.chat.completions.create({ model: 'gpt-4o', max_completion_tokens: 50, messages: [{ role: 'user', content: ticket }] });
        }
      `,
    },
    {
      name: 'openai-compatible endpoint sets max_tokens',
      code: code`
        import OpenAI from 'openai';

        const deepseek = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });

        export async function chat(prompt: string) {
          return deepseek.chat.completions.create({ model: 'deepseek-chat', max_tokens: 800, messages: [{ role: 'user', content: prompt }] });
        }
      `,
    },
    {
      name: 'anthropic sets max_tokens',
      code: code`
        import Anthropic from '@anthropic-ai/sdk';

        const anthropic = new Anthropic();

        export async function reply(question: string) {
          return anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: question }] });
        }
      `,
    },
    {
      name: 'anthropic bedrock client sets max_tokens',
      code: code`
        import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';

        const client = new AnthropicBedrock({ awsRegion: 'us-east-1' });

        export async function reply(question: string) {
          return client.messages.create({
            model: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
            max_tokens: 512,
            messages: [{ role: 'user', content: question }],
          });
        }
      `,
    },
    {
      name: 'ai sdk 5 sets maxOutputTokens',
      code: code`
        import { generateText } from 'ai';
        import { openai } from '@ai-sdk/openai';

        export async function title(text: string) {
          const { text: result } = await generateText({ model: openai('gpt-4o-mini'), maxOutputTokens: 40, prompt: text });
          return result;
        }
      `,
    },
    {
      name: 'ai sdk 4 sets maxTokens',
      files: { 'package.json': AI_V4_PACKAGE },
      filename: 'src/title.ts',
      code: code`
        import { generateText } from 'ai';
        import { openai } from '@ai-sdk/openai';

        export async function title(text: string) {
          const { text: result } = await generateText({ model: openai('gpt-4o-mini'), maxTokens: 40, prompt: text });
          return result;
        }
      `,
    },
    {
      name: 'google genai sets config.maxOutputTokens',
      code: code`
        import { GoogleGenAI } from '@google/genai';

        const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

        export async function caption(text: string) {
          const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: text, config: { maxOutputTokens: 200 } });
          return response.text;
        }
      `,
    },
    {
      name: 'legacy google generative-ai sets generationConfig.maxOutputTokens on the model',
      code: code`
        import { GoogleGenerativeAI } from '@google/generative-ai';

        const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);
        const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash', generationConfig: { maxOutputTokens: 200 } });

        export async function caption(text: string) {
          const result = await model.generateContent(text);
          return result.response.text();
        }
      `,
    },
    {
      name: 'langchain ChatOpenAI sets maxTokens',
      code: code`
        import { ChatOpenAI } from '@langchain/openai';

        const llm = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0, maxTokens: 256 });

        export async function ask(question: string) {
          return llm.invoke(question);
        }
      `,
    },
    {
      name: 'langchain ChatAnthropic sets maxTokens',
      code: code`
        import { ChatAnthropic } from '@langchain/anthropic';

        const llm = new ChatAnthropic({ model: 'claude-sonnet-4-5', maxTokens: 1024 });

        export async function ask(question: string) {
          return llm.invoke([['human', question]]);
        }
      `,
    },
    {
      name: 'bedrock converse sets inferenceConfig.maxTokens',
      code: code`
        import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

        const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

        export async function ask(question: string) {
          const response = await bedrock.send(
            new ConverseCommand({
              modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
              messages: [{ role: 'user', content: [{ text: question }] }],
              inferenceConfig: { maxTokens: 512, temperature: 0.2 },
            }),
          );
          return response.output;
        }
      `,
    },
    {
      name: 'mistral sets maxTokens',
      code: code`
        import { Mistral } from '@mistralai/mistralai';

        const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

        export async function ask(question: string) {
          return mistral.chat.complete({ model: 'mistral-small-latest', maxTokens: 400, messages: [{ role: 'user', content: question }] });
        }
      `,
    },
    {
      name: 'cohere v2 sets maxTokens',
      code: code`
        import { CohereClientV2 } from 'cohere-ai';

        const cohere = new CohereClientV2({ token: process.env.COHERE_API_KEY });

        export async function ask(question: string) {
          return cohere.chat({ model: 'command-r-plus', maxTokens: 400, messages: [{ role: 'user', content: question }] });
        }
      `,
    },
    {
      name: 'groq sets max_completion_tokens',
      code: code`
        import Groq from 'groq-sdk';

        const groq = new Groq();

        export async function ask(question: string) {
          return groq.chat.completions.create({
            model: 'llama-3.3-70b-versatile',
            max_completion_tokens: 400,
            messages: [{ role: 'user', content: question }],
          });
        }
      `,
    },
    {
      name: 'ollama sets options.num_predict',
      code: code`
        import ollama from 'ollama';

        export async function ask(question: string) {
          return ollama.chat({ model: 'llama3.2', options: { num_predict: 256 }, messages: [{ role: 'user', content: question }] });
        }
      `,
    },
    {
      name: 'hugging face chatCompletion sets max_tokens',
      code: code`
        import { InferenceClient } from '@huggingface/inference';

        const hf = new InferenceClient(process.env.HF_TOKEN);

        export async function ask(question: string) {
          return hf.chatCompletion({ model: 'Qwen/Qwen2.5-72B-Instruct', max_tokens: 300, messages: [{ role: 'user', content: question }] });
        }
      `,
    },
    {
      name: 'raw fetch to anthropic sends max_tokens',
      code: code`
        export async function ask(question: string) {
          const res = await fetch('https://api.anthropic.com/v1/messages', {
            method: 'POST',
            headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY!, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
            body: JSON.stringify({ model: 'claude-3-5-haiku-latest', max_tokens: 300, messages: [{ role: 'user', content: question }] }),
          });
          return res.json();
        }
      `,
    },
    {
      name: 'raw fetch to openai sends max_completion_tokens',
      code: code`
        export async function ask(question: string) {
          const res = await fetch('https://api.openai.com/v1/chat/completions', {
            method: 'POST',
            headers: { authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`, 'content-type': 'application/json' },
            body: JSON.stringify({ model: 'gpt-4o-mini', max_completion_tokens: 300, messages: [{ role: 'user', content: question }] }),
          });
          return res.json();
        }
      `,
    },
    {
      name: 'unknown: a spread parameter may carry the cap',
      code: code`
        import OpenAI from 'openai';
        import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';

        const openai = new OpenAI();

        export async function run(params: ChatCompletionCreateParamsNonStreaming) {
          return openai.chat.completions.create({ ...params, model: 'gpt-4o' });
        }
      `,
    },
    {
      name: 'unknown: the whole request comes from the caller',
      code: code`
        import Anthropic from '@anthropic-ai/sdk';

        const anthropic = new Anthropic();

        export async function run(request: Anthropic.MessageCreateParamsNonStreaming) {
          return anthropic.messages.create(request);
        }
      `,
    },
    {
      name: 'unknown: ai sdk settings spread from a parameter',
      code: code`
        import { generateText } from 'ai';
        import { openai } from '@ai-sdk/openai';

        export async function run(prompt: string, settings: { maxOutputTokens?: number }) {
          return generateText({ model: openai('gpt-4o'), prompt, ...settings });
        }
      `,
    },
    {
      name: 'unknown: langchain model fields from the caller',
      code: code`
        import { ChatOpenAI } from '@langchain/openai';

        export async function ask(fields: { model: string }, question: string) {
          const llm = new ChatOpenAI(fields);
          return llm.invoke(question);
        }
      `,
    },
    {
      name: 'cap passed as a variable is present',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function run(question: string, cap: number) {
          return openai.chat.completions.create({ model: 'gpt-4o', max_completion_tokens: cap, messages: [{ role: 'user', content: question }] });
        }
      `,
    },
    {
      name: 'cap spread from a module constant is present',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();
        const limits = { max_completion_tokens: 512 };

        export async function run(question: string) {
          return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }], ...limits });
        }
      `,
    },
    {
      name: 'embeddings are not generation calls',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function embed(text: string) {
          const result = await openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
          return result.data[0]?.embedding;
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'openai chat without a cap',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function summarize(text: string) {
          const completion = await openai.chat.completions.create({
            model: 'gpt-4o-mini',
            messages: [{ role: 'user', content: text }],
          });
          return completion.choices[0]?.message.content;
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 58,
          data: { api: 'chat.completions.create', param: 'max_completion_tokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import OpenAI from 'openai';

                const openai = new OpenAI();

                export async function summarize(text: string) {
                  const completion = await openai.chat.completions.create({
                    model: 'gpt-4o-mini',
                    messages: [{ role: 'user', content: text }],
                    max_completion_tokens: 1024,
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
      name: 'suggestedCap sets the inserted value',
      options: { suggestedCap: 256 },
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export const summarize = (text: string) => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
      `,
      errors: [
        {
          messageId: 'missing',
          line: 5,
          column: 44,
          endLine: 5,
          endColumn: 74,
          data: { param: 'max_completion_tokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import OpenAI from 'openai';

                const openai = new OpenAI();

                export const summarize = (text: string) => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }], max_completion_tokens: 256 });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'openai 3.x createChatCompletion without a cap suggests max_tokens',
      files: { 'package.json': OPENAI_V3_PACKAGE },
      code: code`
        import { Configuration, OpenAIApi } from 'openai';

        const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));

        export async function answer(question: string) {
          const response = await openai.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: question }] });
          return response.data.choices[0]?.message?.content;
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 53,
          data: { param: 'max_tokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { Configuration, OpenAIApi } from 'openai';

                const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));

                export async function answer(question: string) {
                  const response = await openai.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: question }], max_tokens: 1024 });
                  return response.data.choices[0]?.message?.content;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'openai responses without a cap suggests max_output_tokens',
      code: code`
        import OpenAI from 'openai';

        const client = new OpenAI();

        export async function answer(question: string) {
          const response = await client.responses.create({ model: 'gpt-4.1', input: question });
          return response.output_text;
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 49,
          data: { api: 'responses.create', param: 'max_output_tokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import OpenAI from 'openai';

                const client = new OpenAI();

                export async function answer(question: string) {
                  const response = await client.responses.create({ model: 'gpt-4.1', input: question, max_output_tokens: 1024 });
                  return response.output_text;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'azure openai without a cap',
      code: code`
        import { AzureOpenAI } from 'openai';

        const azure = new AzureOpenAI({ endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiVersion: '2024-10-21', deployment: 'gpt-4o' });

        export async function classify(ticket: string) {
          return azure.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: ticket }] });
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 39,
          data: { param: 'max_completion_tokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { AzureOpenAI } from 'openai';

                const azure = new AzureOpenAI({ endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiVersion: '2024-10-21', deployment: 'gpt-4o' });

                export async function classify(ticket: string) {
                  return azure.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: ticket }], max_completion_tokens: 1024 });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'openai-compatible endpoint without a cap suggests max_tokens',
      code: code`
        import OpenAI from 'openai';

        const deepseek = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });

        export async function chat(prompt: string) {
          return deepseek.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: prompt }] });
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 42,
          data: { param: 'max_tokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import OpenAI from 'openai';

                const deepseek = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });

                export async function chat(prompt: string) {
                  return deepseek.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: prompt }], max_tokens: 1024 });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'anthropic without max_tokens: the API requires it',
      code: code`
        import Anthropic from '@anthropic-ai/sdk';

        const anthropic = new Anthropic();

        export async function reply(question: string) {
          const message = await anthropic.messages.create({
            model: 'claude-sonnet-4-5',
            messages: [{ role: 'user', content: question }],
          });
          return message.content;
        }
      `,
      errors: [
        {
          messageId: 'anthropicRequired',
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 50,
          data: { api: 'messages.create', param: 'max_tokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import Anthropic from '@anthropic-ai/sdk';

                const anthropic = new Anthropic();

                export async function reply(question: string) {
                  const message = await anthropic.messages.create({
                    model: 'claude-sonnet-4-5',
                    messages: [{ role: 'user', content: question }],
                    max_tokens: 1024,
                  });
                  return message.content;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'anthropic stream without max_tokens',
      code: code`
        import Anthropic from '@anthropic-ai/sdk';

        const anthropic = new Anthropic();

        export function replyStream(question: string) {
          return anthropic.messages.stream({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: question }] });
        }
      `,
      errors: [
        {
          messageId: 'anthropicRequired',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 35,
          data: { api: 'messages.stream' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import Anthropic from '@anthropic-ai/sdk';

                const anthropic = new Anthropic();

                export function replyStream(question: string) {
                  return anthropic.messages.stream({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: question }], max_tokens: 1024 });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'anthropic bedrock client without max_tokens',
      code: code`
        import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';

        const client = new AnthropicBedrock({ awsRegion: 'us-east-1' });

        export async function reply(question: string) {
          return client.messages.create({ model: 'anthropic.claude-3-5-sonnet-20241022-v2:0', messages: [{ role: 'user', content: question }] });
        }
      `,
      errors: [
        {
          messageId: 'anthropicRequired',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 32,
          data: { param: 'max_tokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';

                const client = new AnthropicBedrock({ awsRegion: 'us-east-1' });

                export async function reply(question: string) {
                  return client.messages.create({ model: 'anthropic.claude-3-5-sonnet-20241022-v2:0', messages: [{ role: 'user', content: question }], max_tokens: 1024 });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'ai sdk 5 with an openai model suggests maxOutputTokens',
      code: code`
        import { generateText } from 'ai';
        import { openai } from '@ai-sdk/openai';

        export async function title(text: string) {
          const { text: result } = await generateText({ model: openai('gpt-4o-mini'), prompt: text });
          return result;
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 5,
          column: 34,
          endLine: 5,
          endColumn: 46,
          data: { api: 'generateText', param: 'maxOutputTokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { generateText } from 'ai';
                import { openai } from '@ai-sdk/openai';

                export async function title(text: string) {
                  const { text: result } = await generateText({ model: openai('gpt-4o-mini'), prompt: text, maxOutputTokens: 1024 });
                  return result;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'ai sdk with an anthropic model: the provider fills a large default',
      code: code`
        import { streamText } from 'ai';
        import { anthropic } from '@ai-sdk/anthropic';

        export function draft(prompt: string) {
          return streamText({
            model: anthropic('claude-sonnet-4-5'),
            prompt,
          });
        }
      `,
      errors: [
        {
          messageId: 'silentDefault',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 20,
          data: { api: 'streamText', param: 'maxOutputTokens', sdk: "the AI SDK's Anthropic provider" },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { streamText } from 'ai';
                import { anthropic } from '@ai-sdk/anthropic';

                export function draft(prompt: string) {
                  return streamText({
                    model: anthropic('claude-sonnet-4-5'),
                    prompt,
                    maxOutputTokens: 1024,
                  });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'ai sdk 4 (package.json) suggests maxTokens',
      files: { 'package.json': AI_V4_PACKAGE },
      filename: 'src/title.ts',
      code: code`
        import { generateText } from 'ai';
        import { openai } from '@ai-sdk/openai';

        export async function title(text: string) {
          const { text: result } = await generateText({ model: openai('gpt-4o-mini'), prompt: text });
          return result;
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 5,
          column: 34,
          endLine: 5,
          endColumn: 46,
          data: { param: 'maxTokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { generateText } from 'ai';
                import { openai } from '@ai-sdk/openai';

                export async function title(text: string) {
                  const { text: result } = await generateText({ model: openai('gpt-4o-mini'), prompt: text, maxTokens: 1024 });
                  return result;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'google genai without config adds config.maxOutputTokens',
      code: code`
        import { GoogleGenAI } from '@google/genai';

        const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

        export async function caption(text: string) {
          const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: text });
          return response.text;
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 51,
          data: { api: 'models.generateContent', param: 'config.maxOutputTokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { GoogleGenAI } from '@google/genai';

                const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

                export async function caption(text: string) {
                  const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: text, config: { maxOutputTokens: 1024 } });
                  return response.text;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'google genai with a config object adds maxOutputTokens inside it',
      code: code`
        import { GoogleGenAI } from '@google/genai';

        const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

        export async function* caption(text: string) {
          yield* await ai.models.generateContentStream({
            model: 'gemini-2.5-flash',
            contents: text,
            config: {
              temperature: 0.2,
            },
          });
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 47,
          data: { param: 'config.maxOutputTokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { GoogleGenAI } from '@google/genai';

                const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

                export async function* caption(text: string) {
                  yield* await ai.models.generateContentStream({
                    model: 'gemini-2.5-flash',
                    contents: text,
                    config: {
                      temperature: 0.2,
                      maxOutputTokens: 1024,
                    },
                  });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'legacy google generative-ai request without generationConfig',
      code: code`
        import { GoogleGenerativeAI } from '@google/generative-ai';

        const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);
        const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });

        export async function caption(text: string) {
          const result = await model.generateContent({ contents: [{ role: 'user', parts: [{ text }] }] });
          return result.response.text();
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 7,
          column: 24,
          endLine: 7,
          endColumn: 45,
          data: { param: 'generationConfig.maxOutputTokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { GoogleGenerativeAI } from '@google/generative-ai';

                const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);
                const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });

                export async function caption(text: string) {
                  const result = await model.generateContent({ contents: [{ role: 'user', parts: [{ text }] }], generationConfig: { maxOutputTokens: 1024 } });
                  return result.response.text();
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'langchain ChatOpenAI without maxTokens: the fix goes on the constructor',
      code: code`
        import { ChatOpenAI } from '@langchain/openai';

        const llm = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0 });

        export async function ask(question: string) {
          return llm.invoke(question);
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 20,
          data: { api: 'invoke', param: 'maxTokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { ChatOpenAI } from '@langchain/openai';

                const llm = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0, maxTokens: 1024 });

                export async function ask(question: string) {
                  return llm.invoke(question);
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'langchain ChatAnthropic without maxTokens: LangChain fills a default',
      code: code`
        import { ChatAnthropic } from '@langchain/anthropic';

        const llm = new ChatAnthropic({ model: 'claude-sonnet-4-5' });

        export async function ask(question: string) {
          return llm.invoke([['human', question]]);
        }
      `,
      errors: [
        {
          messageId: 'silentDefault',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 20,
          data: { param: 'maxTokens', sdk: 'LangChain ChatAnthropic' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { ChatAnthropic } from '@langchain/anthropic';

                const llm = new ChatAnthropic({ model: 'claude-sonnet-4-5', maxTokens: 1024 });

                export async function ask(question: string) {
                  return llm.invoke([['human', question]]);
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'bedrock converse without inferenceConfig',
      code: code`
        import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

        const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

        export async function ask(question: string) {
          const response = await bedrock.send(
            new ConverseCommand({
              modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
              messages: [{ role: 'user', content: [{ text: question }] }],
            }),
          );
          return response.output;
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 38,
          data: { api: 'ConverseCommand', param: 'inferenceConfig.maxTokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

                const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

                export async function ask(question: string) {
                  const response = await bedrock.send(
                    new ConverseCommand({
                      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
                      messages: [{ role: 'user', content: [{ text: question }] }],
                      inferenceConfig: { maxTokens: 1024 },
                    }),
                  );
                  return response.output;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'mistral without maxTokens',
      code: code`
        import { Mistral } from '@mistralai/mistralai';

        const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

        export async function ask(question: string) {
          return mistral.chat.complete({ model: 'mistral-small-latest', messages: [{ role: 'user', content: question }] });
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 31,
          data: { api: 'chat.complete', param: 'maxTokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { Mistral } from '@mistralai/mistralai';

                const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

                export async function ask(question: string) {
                  return mistral.chat.complete({ model: 'mistral-small-latest', messages: [{ role: 'user', content: question }], maxTokens: 1024 });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'cohere v2 without maxTokens',
      code: code`
        import { CohereClientV2 } from 'cohere-ai';

        const cohere = new CohereClientV2({ token: process.env.COHERE_API_KEY });

        export async function ask(question: string) {
          return cohere.chat({ model: 'command-r-plus', messages: [{ role: 'user', content: question }] });
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 21,
          data: { param: 'maxTokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { CohereClientV2 } from 'cohere-ai';

                const cohere = new CohereClientV2({ token: process.env.COHERE_API_KEY });

                export async function ask(question: string) {
                  return cohere.chat({ model: 'command-r-plus', messages: [{ role: 'user', content: question }], maxTokens: 1024 });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'groq without a cap',
      code: code`
        import Groq from 'groq-sdk';

        const groq = new Groq();

        export async function ask(question: string) {
          return groq.chat.completions.create({
            model: 'llama-3.3-70b-versatile',
            messages: [{ role: 'user', content: question }],
          });
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 38,
          data: { param: 'max_completion_tokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import Groq from 'groq-sdk';

                const groq = new Groq();

                export async function ask(question: string) {
                  return groq.chat.completions.create({
                    model: 'llama-3.3-70b-versatile',
                    messages: [{ role: 'user', content: question }],
                    max_completion_tokens: 1024,
                  });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'ollama without options.num_predict',
      code: code`
        import ollama from 'ollama';

        export async function ask(question: string) {
          return ollama.chat({ model: 'llama3.2', messages: [{ role: 'user', content: question }] });
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 21,
          data: { param: 'options.num_predict' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import ollama from 'ollama';

                export async function ask(question: string) {
                  return ollama.chat({ model: 'llama3.2', messages: [{ role: 'user', content: question }], options: { num_predict: 1024 } });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'hugging face textGeneration without parameters.max_new_tokens',
      code: code`
        import { InferenceClient } from '@huggingface/inference';

        const hf = new InferenceClient(process.env.HF_TOKEN);

        export async function complete(prefix: string) {
          return hf.textGeneration({ model: 'bigcode/starcoder2-15b', inputs: prefix });
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 27,
          data: { param: 'parameters.max_new_tokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { InferenceClient } from '@huggingface/inference';

                const hf = new InferenceClient(process.env.HF_TOKEN);

                export async function complete(prefix: string) {
                  return hf.textGeneration({ model: 'bigcode/starcoder2-15b', inputs: prefix, parameters: { max_new_tokens: 1024 } });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'azure ai inference chat completions without max_tokens',
      code: code`
        import ModelClient from '@azure-rest/ai-inference';
        import { AzureKeyCredential } from '@azure/core-auth';

        const client = ModelClient('https://models.github.ai/inference', new AzureKeyCredential(process.env.GITHUB_TOKEN!));

        export async function ask(question: string) {
          return client.path('/chat/completions').post({ body: { model: 'openai/gpt-4.1-mini', messages: [{ role: 'user', content: question }] } });
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 47,
          data: { param: 'max_tokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import ModelClient from '@azure-rest/ai-inference';
                import { AzureKeyCredential } from '@azure/core-auth';

                const client = ModelClient('https://models.github.ai/inference', new AzureKeyCredential(process.env.GITHUB_TOKEN!));

                export async function ask(question: string) {
                  return client.path('/chat/completions').post({ body: { model: 'openai/gpt-4.1-mini', messages: [{ role: 'user', content: question }], max_tokens: 1024 } });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'raw fetch to anthropic without max_tokens',
      code: code`
        export async function ask(question: string) {
          const res = await fetch('https://api.anthropic.com/v1/messages', {
            method: 'POST',
            headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY!, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
            body: JSON.stringify({ model: 'claude-3-5-haiku-latest', messages: [{ role: 'user', content: question }] }),
          });
          return res.json();
        }
      `,
      errors: [{ messageId: 'anthropicRequired', line: 2, column: 21, endLine: 2, endColumn: 26, data: { api: 'fetch:/v1/messages', param: 'max_tokens' } }],
    },
    {
      name: 'raw fetch to openai chat completions without a cap',
      code: code`
        export async function ask(question: string) {
          const res = await fetch('https://api.openai.com/v1/chat/completions', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] }),
          });
          return res.json();
        }
      `,
      errors: [{ messageId: 'missing', line: 2, column: 21, endLine: 2, endColumn: 26, data: { api: 'fetch:/v1/chat/completions' } }],
    },
    {
      name: 'a request held in a local variable is reported, without a suggestion',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function summarize(text: string) {
          const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: text }] };
          return openai.chat.completions.create(params);
        }
      `,
      errors: [{ messageId: 'missing', line: 7, column: 10, endLine: 7, endColumn: 40, data: { param: 'max_completion_tokens' } }],
    },
    {
      name: 'client imported from another module',
      files: {
        'lib/ai.ts': code`
          import Anthropic from '@anthropic-ai/sdk';

          export const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
        `,
      },
      filename: 'routes/reply.ts',
      code: code`
        import { anthropic } from '../lib/ai.js';

        export async function reply(question: string) {
          return anthropic.messages.create({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: question }] });
        }
      `,
      errors: [
        {
          messageId: 'anthropicRequired',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import { anthropic } from '../lib/ai.js';

                export async function reply(question: string) {
                  return anthropic.messages.create({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: question }], max_tokens: 1024 });
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'each uncapped call in a file is reported',
      code: code`
        import OpenAI from 'openai';

        const openai = new OpenAI();

        export async function triage(ticket: string) {
          const label = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: ticket }] });
          const reply = await openai.responses.create({ model: 'gpt-4.1', input: ticket });
          return { label, reply };
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 53,
          data: { param: 'max_completion_tokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import OpenAI from 'openai';

                const openai = new OpenAI();

                export async function triage(ticket: string) {
                  const label = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: ticket }], max_completion_tokens: 1024 });
                  const reply = await openai.responses.create({ model: 'gpt-4.1', input: ticket });
                  return { label, reply };
                }
              `,
            },
          ],
        },
        {
          messageId: 'missing',
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 46,
          data: { param: 'max_output_tokens' },
          suggestions: [
            {
              messageId: 'addCap',
              output: code`
                import OpenAI from 'openai';

                const openai = new OpenAI();

                export async function triage(ticket: string) {
                  const label = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: ticket }] });
                  const reply = await openai.responses.create({ model: 'gpt-4.1', input: ticket, max_output_tokens: 1024 });
                  return { label, reply };
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});
