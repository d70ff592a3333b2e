import { anthropic } from './anthropic.js';
import { azureInference } from './azure-inference.js';
import { bedrock } from './bedrock.js';
import { googleGenai } from './google.js';
import { http } from './http.js';
import { langchain } from './langchain.js';
import { openai } from './openai.js';
import { others } from './others.js';
import type { ProviderAdapter } from './types.js';
import { vercelAi } from './vercel-ai.js';

export const ADAPTERS: readonly ProviderAdapter[] = [openai, anthropic, vercelAi, googleGenai, langchain, bedrock, others, azureInference, http];

/** Exports a call site may call directly, over every adapter. */
export const DIRECT_CALL_NAMES: readonly string[] = ADAPTERS.flatMap((adapter) => adapter.directCalls ?? []);
const directCalls = new Set(DIRECT_CALL_NAMES);

/** Whether a named export of a project module, called directly, may be an SDK function it re-exports. */
export function mayReexportDirectCall(exportName: string): boolean {
  return directCalls.has(exportName);
}

const sdkModules = new Map<string, boolean>();

/** Whether any adapter can match calls into `module` (a normalised specifier). Asked once per call, so memoised. */
export function isSdkModule(module: string): boolean {
  let known = sdkModules.get(module);
  if (known === undefined) {
    known = ADAPTERS.some((adapter) => adapter.modules.test(module));
    sdkModules.set(module, known);
  }
  return known;
}

/** Final callee names any adapter can match; other member calls are skipped without evaluation. */
export const METHOD_NAMES = new Set([
  'create', 'parse', 'stream', 'runTools', 'toolRunner', 'createChatCompletion', 'createCompletion',
  'generate', 'generateContent', 'generateContentStream', 'sendMessage', 'sendMessageStream',
  'invoke', 'batch', 'streamEvents', 'streamLog', 'call', 'run', 'predict', 'predictMessages',
  'send', 'converse', 'converseStream', 'invokeModel', 'invokeModelWithResponseStream',
  'complete', 'parseStream', 'chat', 'chatStream', 'generateStream',
  'post', 'request', 'fetch',
  'generateText', 'streamText', 'generateObject', 'streamObject', 'streamUI', 'experimental_streamTextLowMemory',
  'doGenerate', 'doStream',
  'chatCompletion', 'chatCompletionStream', 'textGeneration', 'textGenerationStream',
]);
