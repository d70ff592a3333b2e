import type ts from '#typescript';
import type { Chain, Layer, SdkMatch } from '../chain.js';
import { chainRoot, signature } from '../chain.js';
import type { Evaluator } from '../values.js';
import { type ProviderAdapter, callArg } from './types.js';

const FUNCTION_NAMES = ['generateText', 'streamText', 'generateObject', 'streamObject', 'streamUI', 'experimental_streamTextLowMemory'];
// Helpers that run an agent's stream() inside the SDK: the helper call is where generation starts.
const RUNNER_NAMES = ['createAgentUIStreamResponse', 'createAgentUIStream', 'pipeAgentUIStreamToResponse'];
const FUNCTIONS = new RegExp(`^(${FUNCTION_NAMES.join('|')})$`);
const AGENT_RUNNERS = new RegExp(`^(${RUNNER_NAMES.join('|')})$`);
const AGENTS = /^(ToolLoopAgent|Experimental_Agent|Agent|WorkflowAgent)$/;
// Where generateText, the agents and their runners come from.
const FUNCTION_MODULES = /^(ai(\/rsc)?|@ai-sdk\/(rsc|workflow))$/;

// A language model's own methods, below generateText: what a middleware or a custom runner calls.
const MODEL_CALL = /^(.*)\.(doGenerate|doStream)$/;
// A provider's language model: `openai('gpt-4o')`, `openai.chat('…')`, `createOpenAI({…})('…')`.
// Image, embedding, speech and transcription models have doGenerate too, and are left out.
const PROVIDER_MODEL = /^(?:\(\))?(?:\(\)|\.(?:chat|responses|languageModel|completion|messages)\(\))$/;
const PROVIDER_MODULE = /^@ai-sdk\/(?!provider$|rsc$|workflow$|react$|ui-utils$)[\w-]+$/;

export const vercelAi: ProviderAdapter = {
  id: 'vercel-ai',
  modules: /^(ai(\/rsc)?|@ai-sdk\/[\w-]+)$/,
  directCalls: [...FUNCTION_NAMES, ...RUNNER_NAMES],
  match(info) {
    let layers: Layer[];
    let api: string;
    let opaque = false;
    let known: ModelInfo | undefined;
    const modelCall = MODEL_CALL.exec(info.signature);
    if (modelCall) {
      known = languageModel(info.ev, info.chain, modelCall[1]!);
      if (!known) return undefined;
      layers = callArg(info);
      api = modelCall[2]!;
    } else if (!FUNCTION_MODULES.test(info.chain.module)) {
      return undefined;
    } else if (FUNCTIONS.test(info.exportName) && info.signature === '') {
      layers = callArg(info);
      api = info.exportName;
    } else if (AGENTS.test(info.exportName) && /^:new\.(generate|stream)$/.test(info.signature)) {
      layers = [...agentSettings(info.chain), ...callArg(info)];
      api = `${info.exportName}.${info.signature.slice(':new.'.length)}`;
    } else if (AGENT_RUNNERS.test(info.exportName) && info.signature === '') {
      const arg = info.call.arguments[0];
      const agent = arg ? info.ev.property(info.ev.evaluate(arg, info.ctx), 'agent') : undefined;
      const value = agent?.state === 'present' ? agent.value : undefined;
      // An agent built elsewhere is still run here; what it sends is then unknown.
      layers = value?.k === 'chain' && AGENTS.test(chainRoot(value).exportName) ? agentSettings(value) : [];
      opaque = layers.length === 0;
      api = info.exportName;
    } else {
      return undefined;
    }
    const model = known ?? modelOf(info.ev, layers);
    layers.push(...preparedSteps(info.ev, layers));
    if (model.mock) return undefined;
    const match: SdkMatch = { provider: 'vercel-ai', family: 'ai-sdk', api, sdk: 'ai', layers, ...(opaque ? { opaque: true } : {}) };
    if (/Object$/.test(api)) match.structured = true;
    if (model.vendor) match.modelVendor = model.vendor;
    // Chat Completions models also take OpenAI's own cap as a provider option (providers.md §1.3);
    // Responses models ignore it.
    if (model.chatCompletions) match.optionalCap = [['providerOptions', 'openai', 'maxCompletionTokens'], ['providerOptions', 'azure', 'maxCompletionTokens']];
    if (model.id !== undefined || model.state === 'unknown') match.modelFromChain = { state: model.state, ...(model.id !== undefined ? { value: model.id } : {}) };
    // Before AI SDK 5, `openai(id)` meant Chat Completions, which accepts stop sequences.
    if (model.responses && (info.ctx.sdkMajors?.['ai'] ?? 5) >= 5) match.noStop = true;
    return match;
  },
};

interface ModelInfo {
  state: 'present' | 'unknown';
  id?: string;
  vendor?: string;
  responses?: boolean;
  /** `openai.chat(id)`: the Chat Completions API. */
  chatCompletions?: boolean;
  /** A test double (`new MockLanguageModelV3()` from `ai/test`): no request is ever sent. */
  mock?: boolean;
}

/**
 * `prepareStep: ({ stepNumber }) => ({ maxOutputTokens: 100, … })` overrides settings at every step:
 * what it returns is a layer of its own, one of its return values per branch.
 */
function preparedSteps(ev: Evaluator, layers: readonly Layer[]): Layer[] {
  for (const layer of layers) {
    const found = ev.property(ev.evaluate(layer.expression, layer.ctx), 'prepareStep');
    if (found.state !== 'present' || found.value.k !== 'function') continue;
    const returned = ev.returnValue(found.value.node, found.value.ctx, 0);
    const objects = returned.k === 'either' ? returned.options : [returned];
    if (!objects.every((value) => value.k === 'object')) return [];
    return [{ expression: found.valueNode as ts.Expression, ctx: found.ctx, role: 'call-options', value: returned }];
  }
  return [];
}

/** The constructor settings of `new ToolLoopAgent({...})` as a layer. */
function agentSettings(chain: Chain): Layer[] {
  const ctor = chain.steps.find((step) => step.kind === 'new');
  return ctor?.kind === 'new' && ctor.args[0] ? [{ expression: ctor.args[0], ctx: ctor.ctx, role: 'settings' }] : [];
}

/** `openai('gpt-4o')`, `anthropic('claude-…')`, `createOpenAI({…}).chat('…')` or a gateway string. */
function modelOf(ev: Evaluator, layers: Layer[]): ModelInfo {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const found = ev.property(ev.evaluate(layer.expression, layer.ctx), 'model');
    if (found.state === 'unknown') return { state: 'unknown' };
    if (found.state !== 'present') continue;
    const value = found.value;
    if (value.k === 'string') {
      const slash = value.value.indexOf('/');
      return { state: 'present', id: value.value, ...(slash > 0 ? { vendor: value.value.slice(0, slash) } : {}) };
    }
    if (value.k === 'chain' && (value.module === 'ai/test' || /^Mock/.test(chainRoot(value).exportName))) return { state: 'present', mock: true };
    if (value.k !== 'chain' || !value.module.startsWith('@ai-sdk/')) return { state: 'present' };
    return providerModel(ev, value);
  }
  return { state: 'present' };
}

/** What a provider's model chain says: vendor, model id, and which OpenAI API it speaks. */
function providerModel(ev: Evaluator, value: Chain): ModelInfo {
  const vendor = value.module.slice('@ai-sdk/'.length);
  const { steps } = chainRoot(value);
  const last = steps[steps.length - 1];
  let id: string | undefined;
  if (last?.kind === 'call' && last.args[0]) {
    const arg = ev.evaluate(last.args[0] as ts.Expression, last.ctx);
    if (arg.k === 'string') id = arg.value;
  }
  const sig = signature(steps);
  // From AI SDK 5 `openai(id)` is the Responses API, which has no stop sequences (providers.md §1.3).
  const responses = vendor === 'openai' && (/^\(\)$|\.responses\(\)$/.test(sig) || /^\(\)\(\)$/.test(sig));
  const chatCompletions = (vendor === 'openai' || vendor === 'azure') && /\.chat\(\)$/.test(sig);
  return {
    state: 'present',
    vendor,
    ...(id !== undefined ? { id } : {}),
    ...(responses ? { responses: true } : {}),
    ...(chatCompletions ? { chatCompletions: true } : {}),
  };
}

/**
 * The model whose `doGenerate`/`doStream` is called, when a provider builds it here. One known only
 * by its type (`model: LanguageModelV3`) is as often a test double as a real model: left out.
 */
function languageModel(ev: Evaluator, chain: Chain, receiver: string): ModelInfo | undefined {
  if (!PROVIDER_MODULE.test(chain.module) || !PROVIDER_MODEL.test(receiver)) return undefined;
  return providerModel(ev, { ...chain, steps: chain.steps.slice(0, -1) });
}
