import type { ApiFamily } from '../model.js';

// Where each request shape keeps its cap, stop sequences, model and system prompt (providers.md §1, §7).
// Paths are key paths inside one request layer; alternatives are listed in order of preference.

export type MessageStyle =
  | 'openai' // [{ role, content }] with system/developer roles inside
  | 'anthropic' // [{ role, content }], system kept apart
  | 'gemini' // contents: [{ role, parts: [{ text }] }]
  | 'bedrock' // [{ role, content: [{ text }] }]
  | 'langchain' // invoke input: string | message list | tuples
  | 'none';

export interface FamilyShape {
  model: string[][];
  cap: string[][];
  /** What a fix inserts. */
  capInsert: string[];
  stop: string[][] | null;
  stopInsert: string[] | null;
  system: string[][];
  messages: string[][];
  /** Messages may carry system or developer turns beside the system parameter (Responses `input`). */
  systemInMessages?: true;
  messageStyle: MessageStyle;
  tools: string[][];
}

const OPENAI_CHAT: FamilyShape = {
  model: [['model']],
  cap: [['max_completion_tokens'], ['max_tokens']],
  capInsert: ['max_completion_tokens'],
  stop: [['stop']],
  stopInsert: ['stop'],
  system: [],
  messages: [['messages']],
  messageStyle: 'openai',
  tools: [['tools'], ['functions']],
};

export const FAMILIES: Record<ApiFamily, FamilyShape> = {
  'openai-chat': OPENAI_CHAT,
  'openai-responses': {
    model: [['model']],
    cap: [['max_output_tokens']],
    capInsert: ['max_output_tokens'],
    stop: null,
    stopInsert: null,
    system: [['instructions']],
    messages: [['input']],
    systemInMessages: true,
    messageStyle: 'openai',
    tools: [['tools']],
  },
  'openai-completions': {
    ...OPENAI_CHAT,
    cap: [['max_tokens']],
    capInsert: ['max_tokens'],
    messages: [['prompt']],
    messageStyle: 'none',
    tools: [],
  },
  'anthropic-messages': {
    model: [['model']],
    cap: [['max_tokens'], ['max_tokens_to_sample']],
    capInsert: ['max_tokens'],
    stop: [['stop_sequences']],
    stopInsert: ['stop_sequences'],
    system: [['system']],
    messages: [['messages']],
    messageStyle: 'anthropic',
    tools: [['tools']],
  },
  'ai-sdk': {
    model: [['model']],
    cap: [['maxOutputTokens'], ['maxTokens']],
    capInsert: ['maxOutputTokens'],
    stop: [['stopSequences']],
    stopInsert: ['stopSequences'],
    system: [['instructions'], ['system']],
    messages: [['messages'], ['prompt']],
    messageStyle: 'openai',
    tools: [['tools']],
  },
  gemini: {
    model: [['model']],
    cap: [['config', 'maxOutputTokens'], ['generationConfig', 'maxOutputTokens']],
    capInsert: ['config', 'maxOutputTokens'],
    stop: [['config', 'stopSequences'], ['generationConfig', 'stopSequences']],
    stopInsert: ['config', 'stopSequences'],
    system: [['config', 'systemInstruction'], ['systemInstruction']],
    messages: [['contents'], ['message'], ['history']],
    messageStyle: 'gemini',
    tools: [['config', 'tools']],
  },
  'gemini-legacy': {
    model: [['model']],
    cap: [['generationConfig', 'maxOutputTokens']],
    capInsert: ['generationConfig', 'maxOutputTokens'],
    stop: [['generationConfig', 'stopSequences']],
    stopInsert: ['generationConfig', 'stopSequences'],
    system: [['systemInstruction'], ['system_instruction']],
    messages: [['contents'], ['history']],
    messageStyle: 'gemini',
    tools: [['tools']],
  },
  langchain: {
    model: [['model'], ['modelName'], ['model_name']],
    cap: [['maxTokens'], ['maxCompletionTokens'], ['maxOutputTokens'], ['numPredict'], ['max_tokens'], ['max_completion_tokens'], ['maxTokensToSample']],
    capInsert: ['maxTokens'],
    stop: [['stop'], ['stopSequences']],
    stopInsert: ['stop'],
    system: [],
    messages: [],
    messageStyle: 'langchain',
    tools: [],
  },
  'bedrock-converse': {
    model: [['modelId']],
    cap: [['inferenceConfig', 'maxTokens']],
    capInsert: ['inferenceConfig', 'maxTokens'],
    stop: [['inferenceConfig', 'stopSequences']],
    stopInsert: ['inferenceConfig', 'stopSequences'],
    system: [['system']],
    messages: [['messages']],
    messageStyle: 'bedrock',
    tools: [['toolConfig', 'tools']],
  },
  'bedrock-invoke': {
    model: [['modelId']],
    cap: [
      ['body', 'max_tokens'],
      ['body', 'max_gen_len'],
      ['body', 'max_new_tokens'],
      ['body', 'max_tokens_to_sample'],
      ['body', 'textGenerationConfig', 'maxTokenCount'],
      ['body', 'inferenceConfig', 'max_new_tokens'],
      ['body', 'inferenceConfig', 'maxTokens'],
    ],
    capInsert: ['body', 'max_tokens'],
    stop: [['body', 'stop_sequences'], ['body', 'stop'], ['body', 'textGenerationConfig', 'stopSequences'], ['body', 'inferenceConfig', 'stopSequences']],
    stopInsert: ['body', 'stop_sequences'],
    system: [['body', 'system']],
    messages: [['body', 'messages']],
    messageStyle: 'anthropic',
    tools: [['body', 'tools']],
  },
  mistral: {
    ...OPENAI_CHAT,
    cap: [['maxTokens'], ['max_tokens']],
    capInsert: ['maxTokens'],
  },
  'cohere-v2': {
    ...OPENAI_CHAT,
    cap: [['maxTokens'], ['max_tokens']],
    capInsert: ['maxTokens'],
    stop: [['stopSequences'], ['stop_sequences']],
    stopInsert: ['stopSequences'],
  },
  'cohere-v1': {
    model: [['model']],
    cap: [['maxTokens'], ['max_tokens']],
    capInsert: ['maxTokens'],
    stop: [['stopSequences'], ['stop_sequences']],
    stopInsert: ['stopSequences'],
    system: [['preamble']],
    messages: [['message'], ['prompt']],
    messageStyle: 'none',
    tools: [['tools']],
  },
  groq: OPENAI_CHAT,
  'ollama-chat': {
    model: [['model']],
    cap: [['options', 'num_predict']],
    capInsert: ['options', 'num_predict'],
    stop: [['options', 'stop']],
    stopInsert: ['options', 'stop'],
    system: [],
    messages: [['messages']],
    messageStyle: 'openai',
    tools: [['tools']],
  },
  'ollama-generate': {
    model: [['model']],
    cap: [['options', 'num_predict']],
    capInsert: ['options', 'num_predict'],
    stop: [['options', 'stop']],
    stopInsert: ['options', 'stop'],
    system: [['system']],
    messages: [['prompt']],
    messageStyle: 'none',
    tools: [],
  },
  // @huggingface/inference: chatCompletion takes OpenAI's chat schema; textGeneration a bare prompt.
  'hf-chat': { ...OPENAI_CHAT, cap: [['max_tokens']], capInsert: ['max_tokens'] },
  // @azure-rest/ai-inference: the chat schema inside `post({ body })`.
  'azure-inference-chat': { ...OPENAI_CHAT, cap: [['max_tokens']], capInsert: ['max_tokens'] },
  'hf-text-generation': {
    model: [['model']],
    cap: [['parameters', 'max_new_tokens']],
    capInsert: ['parameters', 'max_new_tokens'],
    stop: [['parameters', 'stop']],
    stopInsert: ['parameters', 'stop'],
    system: [],
    messages: [['inputs']],
    messageStyle: 'none',
    tools: [],
  },
};
