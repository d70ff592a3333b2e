import type { ApiFamily, ProviderId } from '../../model.js';
import { type ProviderAdapter, callArg } from './types.js';

interface Rule {
  provider: ProviderId;
  module: RegExp;
  root: RegExp;
  methods: RegExp;
  family: (method: string, root: string) => ApiFamily;
  structured?: RegExp;
}

// Mistral, Cohere, Groq and Ollama share one shape: client class (or ready instance) → method(params).
const RULES: Rule[] = [
  {
    provider: 'mistral',
    module: /^@mistralai\/mistralai$/,
    root: /^(Mistral|default)$/,
    methods: /^:new\.(?:chat|agents)\.(complete|stream|parse|parseStream)$|^:new\.(chat|chatStream)$/,
    family: () => 'mistral',
    structured: /parse/,
  },
  {
    provider: 'cohere',
    module: /^cohere-ai$/,
    root: /^(CohereClientV2|CohereClient)$/,
    methods: /^:new\.(?:v2\.)?(chat|chatStream|generate|generateStream)$/,
    family: (method, root) => (root === 'CohereClientV2' || method.startsWith(':new.v2.') ? 'cohere-v2' : 'cohere-v1'),
  },
  {
    provider: 'groq',
    module: /^groq-sdk$/,
    root: /^(default|Groq)$/,
    methods: /^:new\.chat\.completions\.create$/,
    family: () => 'groq',
  },
  {
    // together-ai mirrors the OpenAI client (providers.md §1.12 lists Together as OpenAI-compatible).
    provider: 'openai-compatible',
    module: /^together-ai$/,
    root: /^(default|Together)$/,
    methods: /^:new\.chat\.completions\.(create|stream|parse)$/,
    family: () => 'openai-chat',
  },
  {
    // The client class (`endpoint(url)` returns one bound to a server) or the task functions themselves.
    provider: 'huggingface',
    module: /^@huggingface\/inference$/,
    root: /^(InferenceClient|HfInference|InferenceClientEndpoint|chatCompletion|chatCompletionStream|textGeneration|textGenerationStream)$/,
    methods: /^(?::new(?:\.endpoint\(\))?\.(?:chatCompletion|chatCompletionStream|textGeneration|textGenerationStream))?$/,
    family: (method, root) => (/textGeneration/.test(method || root) ? 'hf-text-generation' : 'hf-chat'),
  },
  {
    provider: 'ollama',
    module: /^ollama(\/browser)?$/,
    root: /^(default|Ollama)$/,
    methods: /^(?::new)?\.(chat|generate)$/,
    family: (method) => (method.endsWith('generate') ? 'ollama-generate' : 'ollama-chat'),
  },
];

export const others: ProviderAdapter = {
  id: 'others',
  modules: /^(@mistralai\/mistralai|cohere-ai|groq-sdk|together-ai|ollama(\/browser)?|@huggingface\/inference)$/,
  directCalls: ['chatCompletion', 'chatCompletionStream', 'textGeneration', 'textGenerationStream'],
  match(info) {
    for (const rule of RULES) {
      if (!rule.module.test(info.chain.module) || !rule.root.test(info.exportName) || !rule.methods.test(info.signature)) continue;
      // `import ollama from 'ollama'` is a ready instance; the class needs `new`.
      if (rule.provider === 'ollama' && (info.exportName === 'default') === info.signature.startsWith(':new')) continue;
      // A Hugging Face task function is called itself; the client class only through a method.
      if (rule.provider === 'huggingface' && /^[A-Z]/.test(info.exportName) !== info.signature.startsWith(':new')) continue;
      const api = info.signature.replace(/^:new\.(?:endpoint\(\)\.)?/, '').replace(/^\./, '') || info.exportName;
      const structured = rule.structured?.test(api);
      return {
        provider: rule.provider,
        family: rule.family(info.signature, info.exportName),
        api,
        sdk: info.chain.module,
        layers: callArg(info),
        ...(structured ? { structured: true } : {}),
      };
    }
    return undefined;
  },
};
