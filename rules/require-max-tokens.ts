import { insertProperty } from '../src/fix/edits.js';
import type { CallSite, Finding } from '../src/model.js';
import { defineRule, type RuleContext } from '../src/rule.js';

export interface Options {
  suggestedCap: number;
}

// What happens without a cap differs by SDK (providers.md §3 "Linter guidance").
function consequence(site: CallSite): { messageId: string; data?: Record<string, string> } {
  const anthropicModel = site.modelVendor === 'anthropic' || /claude/i.test(site.model.state === 'present' ? (site.model.value ?? '') : '');
  if (site.family === 'anthropic-messages' && (site.provider === 'anthropic' || site.provider === 'fetch')) return { messageId: 'anthropicRequired' };
  // InvokeModel with a Claude body speaks the Messages API, where max_tokens is required.
  if (site.family === 'bedrock-invoke' && anthropicModel) return { messageId: 'anthropicRequired' };
  if (site.provider === 'vercel-ai' && anthropicModel) return { messageId: 'silentDefault', data: { sdk: "the AI SDK's Anthropic provider", fallback: "the model's maximum output" } };
  if (site.provider === 'langchain' && anthropicModel) return { messageId: 'silentDefault', data: { sdk: 'LangChain ChatAnthropic', fallback: '16,384 tokens for Claude 4.x (8,192 for 3.5/3.7)' } };
  return { messageId: 'missing' };
}

/** The parameter name for this API and this SDK's major version. */
export function capParamFor(site: CallSite, sdkMajors: Readonly<Record<string, number>>): string {
  if (site.family === 'ai-sdk') return (sdkMajors['ai'] ?? 5) < 5 ? 'maxTokens' : 'maxOutputTokens';
  // Compatible endpoints (DeepSeek, OpenRouter, local servers) know only the older max_tokens.
  const officialOpenAI = site.provider === 'openai' || (site.provider === 'fetch' && /api\.openai\.com|openai\.azure\.com/.test(site.baseURL ?? ''));
  if (site.family === 'openai-chat' && !officialOpenAI) return 'max_tokens';
  if (site.family === 'openai-chat' && (sdkMajors['openai'] ?? 5) < 4) return 'max_tokens';
  if (site.family === 'langchain') {
    if (site.modelVendor === 'google') return 'maxOutputTokens';
    if (site.modelVendor === 'ollama') return 'numPredict';
  }
  return site.capParam;
}

export default defineRule<Options>({
  id: 'require-max-tokens',
  meta: {
    type: 'problem',
    description: 'Require an explicit output-token cap on every LLM generation call.',
    recommended: true,
    defaultSeverity: 'error',
    fix: 'suggestion',
    messages: {
      missing: '{{api}} call sends no output-token cap ({{param}}): the model may answer up to its maximum output, billed in full.',
      anthropicRequired: "{{api}} call sends no {{param}}: Anthropic's Messages API requires it (a type error in the SDK, a 400 from the API).",
      silentDefault: '{{api}} call sets no {{param}}: {{sdk}} silently sends {{fallback}}, billed in full when the model runs on.',
      addCap: 'Add {{param}}: {{cap}}.',
    },
    options: {
      type: 'object',
      properties: {
        suggestedCap: { type: 'integer', minimum: 1, description: 'Value the suggestion inserts.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { suggestedCap: 1024 },
  },

  *check(site: CallSite, context: RuleContext<Options>): Iterable<Finding> {
    if (site.outputCap.state !== 'absent') return;
    const param = capParamFor(site, context.sdkMajors);
    const { messageId, data } = consequence(site);
    const cap = String(context.options.suggestedCap);
    const insertion = site.capInsertion && { ...site.capInsertion, path: [...site.capInsertion.path.slice(0, -1), param.split('.').pop()!] };
    yield {
      messageId,
      data: { api: site.api, param, ...data },
      range: site.calleeRange,
      suggestions: insertion ? [{ messageId: 'addCap', data: { param, cap }, edits: [insertProperty(insertion, cap)] }] : [],
    };
  },
});
