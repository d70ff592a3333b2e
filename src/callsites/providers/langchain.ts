import ts from '#typescript';
import type { Chain, Layer, SdkMatch } from '../chain.js';
import { chainRoot } from '../chain.js';
import { propertyNameText } from '../scope.js';
import { type Evaluator, type ModuleContext, type Step, unwrap, type Value } from '../values.js';
import type { CallInfo, ProviderAdapter } from './types.js';

// LangChain requests happen on Runnable methods of a chat model or of anything piped from one
// (providers.md §1.6). The model's constructor fields, `.bind()`/`.withConfig()` options and the
// call options are request layers, in that order.

const MODULES = /^(@langchain\/[\w-]+|langchain)(\/.*)?$/;
const MODEL_CLASS =
  /^(Chat\w+|AzureChatOpenAI|OpenAI|AzureOpenAI|Ollama|Cohere|Bedrock|Fireworks|TogetherAI|MistralAI|VertexAI|GoogleVertexAI|CloudflareWorkersAI|HuggingFaceInference|Replicate|AI21|WatsonxLLM|DeepInfraLLM|BaseChatModel|BaseLanguageModel|BaseLLM)$/;
const MODEL_KEYS = ['llm', 'model', 'agent', 'llmChain', 'chain', 'chains', 'combineDocumentsChain', 'combineDocsChain', 'questionGeneratorChain'];
// Agent factories that take the model as an instance or as a "provider:model" id.
const AGENT_FACTORIES = /^(createAgent|createReactAgent)$/;
const MODEL_MODULE = /\/(llms|chat_models)(\/|$)/;
const PROMPT_TEMPLATE = /PromptTemplate$/;
// Where an object literal is a map of runnables (`RunnableMap.from({ joke: jokeChain })`, a
// `{ topic: classifier }` step of a sequence): each value runs, whatever its key.
const RUNNABLE_MAPS = /^Runnable(Map|Parallel)$/;
const RUN_METHODS = /^(invoke|stream|batch|streamEvents|streamLog|call|run|predict|predictMessages|generate)$/;
// Methods that derive a runnable from a model; anything else reached from a model is not a request.
const DERIVE_METHODS = /^(bind|withConfig|bindTools|withStructuredOutput|withRetry|withFallbacks|withListeners|pipe)$/;
const CHAIN_CLASS = /Chain$|^AgentExecutor$/;
const BIND_METHODS = /^(bind|withConfig)$/;
const VENDORS: Array<[RegExp, string]> = [
  [/OpenAI/, 'openai'],
  [/Anthropic/, 'anthropic'],
  [/Google|Vertex|Gemini/, 'google'],
  [/Mistral/, 'mistral'],
  [/Groq/, 'groq'],
  [/Ollama/, 'ollama'],
  [/Bedrock/, 'bedrock'],
  [/Cohere/, 'cohere'],
  [/DeepSeek/, 'deepseek'],
  [/XAI/, 'xai'],
];

interface ModelRef {
  className: string;
  fields?: Layer;
  positionalModel?: { state: 'present' | 'unknown'; value?: string };
  configuredElsewhere?: boolean;
  /** Steps applied to the model before it was piped or invoked. */
  derived: readonly Step[];
}

export const langchain: ProviderAdapter = {
  id: 'langchain',
  modules: MODULES,
  match(info) {
    const method = /\.(\w+)$/.exec(info.signature)?.[1];
    if (!method || !RUN_METHODS.test(method) || !MODULES.test(info.chain.module)) return undefined;
    const found = findModel(info.ev, info.chain, 0) ?? runnableGivenMessages(info, method);
    if (!found) return undefined;
    const { model, templates, promptUnseen } = found;
    const layers: Layer[] = [];
    if (model.fields) layers.push(model.fields);
    let structured = false;
    for (let i = 0; i < model.derived.length; i++) {
      const step = model.derived[i]!;
      const next = model.derived[i + 1];
      if (step.kind === 'prop' && next?.kind === 'call') {
        if (BIND_METHODS.test(step.name) && next.args[0]) layers.push({ expression: next.args[0], ctx: next.ctx, role: 'call-options' });
        if (step.name === 'withStructuredOutput') structured = true;
        if (step.name === 'bindTools' && next.args[1]) {
          layers.push({ expression: next.args[1], ctx: next.ctx, role: 'call-options' });
          const choice = info.ev.property(info.ev.evaluate(next.args[1], next.ctx), 'tool_choice');
          if (choice.state === 'present') structured = true;
        }
      }
    }
    const options = info.call.arguments[1];
    if (options) layers.push({ expression: options, ctx: info.ctx, role: 'call-options' });
    const vendor = VENDORS.find(([pattern]) => pattern.test(model.className))?.[1];
    const match: SdkMatch = {
      provider: 'langchain',
      family: 'langchain',
      api: method,
      sdk: info.chain.module,
      layers,
      templates,
      ...(vendor ? { modelVendor: vendor } : {}),
      ...(model.positionalModel ? { modelFromChain: model.positionalModel } : {}),
      ...(structured ? { structured: true } : {}),
      ...(model.configuredElsewhere ? { opaque: true } : {}),
      ...(promptUnseen ? { promptUnseen } : {}),
    };
    const input = info.call.arguments[0];
    if (input) match.langchainInput = { expression: input, ctx: info.ctx, role: 'request' };
    return match;
  },
};

interface Found {
  model: ModelRef;
  templates: Layer[];
  promptUnseen?: boolean;
}

function findModel(ev: Evaluator, chain: Chain, depth: number): Found | undefined {
  const found = findModelIn(ev, chain, depth);
  return found && chain.inputUnseen ? { ...found, promptUnseen: true } : found;
}

function findModelIn(ev: Evaluator, chain: Chain, depth: number): Found | undefined {
  if (depth > 6 || !MODULES.test(chain.module)) return undefined;
  const { exportName, steps } = chainRoot(chain);
  const templates: Layer[] = [];
  const first = steps[0];
  // A class of the project's own that extends a LangChain model base is a custom model, not a provider
  // call; one that extends BaseChain runs whatever model its constructor is given (looked for below).
  if (/^(Base\w*(Model|LLM)|SimpleChatModel|LLM)$/.test(exportName) && first?.kind === 'new' && first.node) return undefined;
  if ((MODEL_CLASS.test(exportName) || MODEL_MODULE.test(chain.module)) && first?.kind === 'new') {
    const derived = steps.slice(1);
    if (derived.some((step, i) => step.kind === 'prop' && i < derived.length - 1 && !DERIVE_METHODS.test(step.name))) return undefined;
    return { model: { ...modelFields(ev, exportName, first), derived }, templates };
  }
  // A chain known only from a type (`chain: LLMChain`, `x as RetrievalQAChain`) wraps a model configured elsewhere.
  if (CHAIN_CLASS.test(exportName) && first?.kind === 'new' && !first.node && steps.length <= 2) {
    return { model: { className: exportName, configuredElsewhere: true, derived: [] }, templates };
  }
  if (exportName === 'initChatModel' && first?.kind === 'call') {
    const id = first.args[0] ? ev.evaluate(first.args[0], first.ctx) : undefined;
    const fields = first.args[1] ? { expression: first.args[1], ctx: first.ctx, role: 'settings' as const } : undefined;
    return { model: { ...modelFromId(id), ...(fields ? { fields } : {}), derived: steps.slice(1) }, templates };
  }
  if (AGENT_FACTORIES.test(exportName) && first?.kind === 'call' && first.args[0]) {
    // `createAgent({ model: 'openai:gpt-4o', tools })` builds the model from the id, with no settings.
    const model = ev.property(ev.evaluate(first.args[0], first.ctx), 'model');
    if (model.state === 'present' && model.value.k === 'string') return { model: { ...modelFromId(model.value), derived: [] }, templates };
  }
  const template = messagesTemplate(chain);
  if (template) templates.push(template);
  let method = exportName;
  let pipedIntoUnknown = false;
  const args: Array<{ value: Value; takesMap: boolean }> = [];
  for (const step of steps) {
    if (step.kind === 'prop') {
      method = step.name;
      continue;
    }
    const takesMap = method === 'pipe' || method === 'assign' || (method === 'from' && RUNNABLE_MAPS.test(exportName));
    for (const arg of step.args) {
      const value = ev.evaluate(arg, step.ctx);
      args.push({ value, takesMap });
      if (method === 'pipe' && value.k === 'unknown' && !value.primitive) pipedIntoUnknown = true;
    }
  }
  // As in a sequence, the runnables the chain is built from describe it before those in its maps.
  for (const maps of [false, true]) {
    for (const { value, takesMap } of args) {
      if ((takesMap && isMapStep(value)) !== maps) continue;
      const found = modelIn(ev, value, depth + 1, takesMap);
      if (found) return { ...found, templates: [...templates, ...found.templates] };
    }
  }
  // `prompt.pipe(llm)` with `llm` handed over from elsewhere: a prompt template runs into a model,
  // configured where we cannot see; its prompt is still known.
  return pipedIntoUnknown && PROMPT_TEMPLATE.test(exportName) ? unseenModel(templates) : undefined;
}

const GENERAL_RUNNABLE = /^Runnable(Interface|Like)?$/;
const MESSAGE_CLASS = /^(System|Human|AI|Chat|Tool|Function)Message$|^BaseMessage(Like)?$/;

/**
 * A value known only as a `Runnable` (`llm: Runnable`) that is invoked with a list of chat messages:
 * retrievers take a query and tools their arguments, so this is a chat model configured elsewhere.
 */
function runnableGivenMessages(info: CallInfo, method: string): Found | undefined {
  const { exportName, steps } = chainRoot(info.chain);
  if (!GENERAL_RUNNABLE.test(exportName) || steps[0]?.kind !== 'new' || steps[0].node || steps.length !== 2) return undefined;
  if (!/^(invoke|stream|batch)$/.test(method) || !info.call.arguments[0] || !isMessageList(info.ev, info.call.arguments[0], info.ctx)) return undefined;
  return { model: { className: 'BaseChatModel', configuredElsewhere: true, derived: [] }, templates: [], promptUnseen: true };
}

function isMessageList(ev: Evaluator, expression: ts.Expression, ctx: ModuleContext): boolean {
  const value = ev.evaluate(expression, ctx);
  if (value.k === 'array') {
    return value.node.elements.length > 0 && value.node.elements.every((element) => {
      const node = unwrap(element);
      return ts.isNewExpression(node) && ts.isIdentifier(node.expression) && MESSAGE_CLASS.test(node.expression.text);
    });
  }
  // `messages: BaseMessage[]`
  const type = value.k === 'unknown' ? value.type : undefined;
  const element = type && (ts.isArrayTypeNode(type) ? type.elementType : ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && /^(Array|ReadonlyArray)$/.test(type.typeName.text) ? type.typeArguments?.[0] : undefined);
  return !!element && ts.isTypeReferenceNode(element) && ts.isIdentifier(element.typeName) && MESSAGE_CLASS.test(element.typeName.text);
}

/**
 * A model configured where we cannot see, reached from a prompt template. Only `fromMessages`
 * templates are read; without one the prompt is unknown.
 */
function unseenModel(templates: Layer[]): Found {
  const model: ModelRef = { className: 'BaseChatModel', configuredElsewhere: true, derived: [] };
  return templates.length > 0 ? { model, templates } : { model, templates, promptUnseen: true };
}

/** The messages of `ChatPromptTemplate.fromMessages([...])` (also after `.partial(…)`) as a layer. */
function messagesTemplate(chain: Chain): Layer | undefined {
  const { exportName, steps } = chainRoot(chain);
  const [from, call] = steps;
  if (!PROMPT_TEMPLATE.test(exportName) || from?.kind !== 'prop' || from.name !== 'fromMessages' || call?.kind !== 'call' || !call.args[0]) return undefined;
  return { expression: call.args[0], ctx: call.ctx, role: 'request' };
}

/** A step that runs runnables side by side to build the next step's input: `{ … }`, `RunnableMap.from`, `RunnablePassthrough.assign`. */
function isMapStep(value: Value): boolean {
  if (value.k === 'object') return true;
  if (value.k !== 'chain') return false;
  const { exportName, steps } = chainRoot(value);
  return RUNNABLE_MAPS.test(exportName) || (exportName === 'RunnablePassthrough' && steps[0]?.kind === 'prop' && steps[0].name === 'assign');
}

function modelIn(ev: Evaluator, value: Value, depth: number, isRunnableMap = false): Found | undefined {
  if (value.k === 'chain') return findModel(ev, value, depth);
  if (value.k === 'array') {
    // A sequence: an object among its steps is a map of runnables, looked into after the steps
    // themselves, so the model the sequence ends in describes the call.
    const steps = (ev.elements(value) ?? []).filter((element) => !element.spread);
    for (const maps of [false, true]) {
      for (const [i, element] of steps.entries()) {
        if (isMapStep(element.value) !== maps) continue;
        const found = modelIn(ev, element.value, depth + 1, true);
        if (!found) continue;
        if (i === 0 || found.templates.length > 0) return found;
        // The step before the model turns the input into what the model is sent: a messages
        // template we can read, or anything else (a lambda, another prompt) we cannot.
        const previous = steps[i - 1]!.value;
        const template = previous.k === 'chain' ? messagesTemplate(previous) : undefined;
        return template ? { ...found, templates: [template] } : { ...found, promptUnseen: true };
      }
    }
    // `[prompt, llm]` with `llm` handed over from elsewhere, as `prompt.pipe(llm)` above.
    for (let i = 1; i < steps.length; i++) {
      const previous = steps[i - 1]!.value;
      const next = steps[i]!.value;
      if (previous.k !== 'chain' || !PROMPT_TEMPLATE.test(chainRoot(previous).exportName) || next.k !== 'unknown' || next.primitive) continue;
      const template = messagesTemplate(previous);
      return unseenModel(template ? [template] : []);
    }
  }
  if (value.k === 'object') {
    // Where chains and agents keep the model, or the chain or agent that holds it.
    const keys = isRunnableMap ? value.node.properties.map((property) => propertyNameText(property.name)) : MODEL_KEYS;
    for (const key of keys) {
      if (key === undefined) continue;
      const found = ev.property(value, key);
      if (found.state !== 'present') continue;
      const model = modelIn(ev, found.value, depth + 1);
      if (model || !isRunnableMap) return model;
    }
  }
  return undefined;
}

function modelFields(ev: Evaluator, className: string, ctor: Extract<Step, { kind: 'new' }>): Omit<ModelRef, 'derived'> {
  const [first, second] = ctor.args;
  if (first && ts.isStringLiteralLike(first)) {
    return {
      className,
      positionalModel: { state: 'present', value: first.text },
      ...(second ? { fields: { expression: second, ctx: ctor.ctx, role: 'settings' as const } } : {}),
    };
  }
  if (first) {
    const value = ev.evaluate(first, ctor.ctx);
    if (value.k === 'string') return { className, positionalModel: { state: 'present', value: value.value }, ...(second ? { fields: { expression: second, ctx: ctor.ctx, role: 'settings' as const } } : {}) };
    return { className, fields: { expression: first, ctx: ctor.ctx, role: 'settings' } };
  }
  // A model known only from a type annotation was configured elsewhere: its fields are unknown.
  return ctor.node ? { className } : { className, configuredElsewhere: true };
}

/** A model named by id (`initChatModel('anthropic:claude-…')`): the class is guessed for the vendor only. */
function modelFromId(id: Value | undefined): Omit<ModelRef, 'derived'> {
  const name = id?.k === 'string' ? id.value : '';
  return {
    className: name.includes(':') ? `Chat${name.split(':')[0]}` : guessClass(name),
    ...(id ? { positionalModel: id.k === 'string' ? { state: 'present' as const, value: id.value } : { state: 'unknown' as const } } : {}),
  };
}

function guessClass(model: string): string {
  if (/^(gpt|o\d|chatgpt)/.test(model)) return 'ChatOpenAI';
  if (/^claude/.test(model)) return 'ChatAnthropic';
  if (/^gemini/.test(model)) return 'ChatGoogleGenerativeAI';
  return 'ChatModel';
}
