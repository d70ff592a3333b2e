import ts from '#typescript';
import type { ApiFamily } from '../../model.js';
import type { Layer } from '../chain.js';
import { type Evaluator, GLOBAL_MODULE, isStatic, type ModuleContext, returnedExpressions, unwrap } from '../values.js';
import { type Binding, innermost, lookupBinding } from '../scope.js';
import type { CallInfo, ProviderAdapter } from './types.js';

// Raw HTTP to provider endpoints (providers.md §1.13). Only a URL whose host is static and known
// makes a call site: the app's own `/api/chat` route or an unknown host is never one.

interface Endpoint {
  pattern: RegExp;
  family: ApiFamily;
}

const COMPAT_HOSTS =
  'api\\.openai\\.com|[\\w-]+\\.openai\\.azure\\.com|api\\.deepseek\\.com|openrouter\\.ai|api\\.together\\.(?:ai|xyz)|api\\.fireworks\\.ai|api\\.perplexity\\.ai|api\\.x\\.ai|api\\.groq\\.com|api\\.mistral\\.ai|api\\.moonshot\\.(?:ai|cn)|dashscope(?:-intl)?\\.aliyuncs\\.com|open\\.bigmodel\\.cn|api\\.siliconflow\\.cn';

const ENDPOINTS: Endpoint[] = [
  { pattern: /^https?:\/\/api\.groq\.com\/openai\/v1\/chat\/completions\b/, family: 'groq' },
  { pattern: /^https?:\/\/api\.mistral\.ai\/v1\/chat\/completions\b/, family: 'mistral' },
  { pattern: new RegExp(`^https?://(?:${COMPAT_HOSTS})(?:/[^?#]*)?/chat/completions\\b`), family: 'openai-chat' },
  { pattern: /^https?:\/\/api\.openai\.com\/v1\/responses\/?(?:$|\?)/, family: 'openai-responses' },
  { pattern: /^https?:\/\/api\.openai\.com\/v1\/completions\b/, family: 'openai-completions' },
  { pattern: /^https?:\/\/api\.anthropic\.com\/v1\/messages\/?(?:$|\?)/, family: 'anthropic-messages' },
  // Gateways in front of a provider: Cloudflare's names it in the path, Helicone's in the host.
  { pattern: /^https?:\/\/gateway\.ai\.cloudflare\.com\/v1\/[^?#]*\/(?:openai|groq|deepseek|mistral|compat|openrouter|grok|perplexity-ai)(?:\/v1)?\/chat\/completions\/?(?:$|\?)/, family: 'openai-chat' },
  { pattern: /^https?:\/\/(?:gateway\.ai\.cloudflare\.com\/v1\/[^?#]*\/anthropic|anthropic\.helicone\.ai)\/v1\/messages\/?(?:$|\?)/, family: 'anthropic-messages' },
  { pattern: /^https?:\/\/[\w.-]*googleapis\.com\/.*:(?:generateContent|streamGenerateContent)\b/, family: 'gemini-legacy' },
  // Google's REST protocol names the method after the model, also on a gateway in front of it.
  { pattern: /^https?:\/\/[^/?#\0]+\/(?:[^?#]*\/)?models\/[^/?#:]+:(?:generateContent|streamGenerateContent)\b/, family: 'gemini-legacy' },
  { pattern: /^https?:\/\/bedrock-runtime\.[\w-]+\.amazonaws\.com\/model\/.+\/converse(?:-stream)?\b/, family: 'bedrock-converse' },
  { pattern: /^https?:\/\/api\.cohere\.(?:com|ai)\/v2\/chat\b/, family: 'cohere-v2' },
  { pattern: /^https?:\/\/api\.cohere\.(?:com|ai)\/v1\/(?:chat|generate)\b/, family: 'cohere-v1' },
  { pattern: /^https?:\/\/[\w.-]+:11434\/api\/chat\b/, family: 'ollama-chat' },
  { pattern: /^https?:\/\/[\w.-]+:11434\/api\/generate\b/, family: 'ollama-generate' },
  // Any other server of the OpenAI chat protocol: gateways, vLLM, llama.cpp, LM Studio, resellers.
  { pattern: /^https?:\/\/[^/?#\0]+(?:\/[^?#\0]*)?\/v1\/chat\/completions\/?(?:$|\?)/, family: 'openai-chat' },
];

/** The URL an expression builds, with dynamic parts as `\0`; undefined when it does not start static. */
export function staticUrl(ev: Evaluator, expression: ts.Expression, ctx: ModuleContext): string | undefined {
  const url = urlText(ev, expression, ctx, 0);
  return url === undefined || url.startsWith('\0') ? undefined : url;
}

/** Arguments of the calls a URL is followed through, by the parameter that receives each. */
type Arguments = ReadonlyMap<ts.ParameterDeclaration, { expression: ts.Expression; ctx: ModuleContext }>;
const NO_ARGUMENTS: Arguments = new Map();

// `process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1'`: the literal fallback names the host.
function urlText(ev: Evaluator, expression: ts.Expression, ctx: ModuleContext, depth: number, args: Arguments = NO_ARGUMENTS): string | undefined {
  if (depth > 6) return '\0';
  const node = unwrap(expression);
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) text += (urlText(ev, span.expression, ctx, depth + 1, args) ?? '\0') + span.literal.text;
    return text;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return (urlText(ev, node.left, ctx, depth + 1, args) ?? '\0') + (urlText(ev, node.right, ctx, depth + 1, args) ?? '\0');
  }
  // `new URL(…).toString()`, `.href`: the URL itself.
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'toString' && node.arguments.length === 0) {
    return urlText(ev, node.expression.expression, ctx, depth + 1, args);
  }
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'href') return urlText(ev, node.expression, ctx, depth + 1, args);
  // `new URL(base).origin`: scheme and host.
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'origin') {
    const whole = urlText(ev, node.expression, ctx, depth + 1, args);
    return whole === undefined ? undefined : (/^https?:\/\/[^/?#\0]+/.exec(whole)?.[0] ?? '\0');
  }
  // `stream ? `${base}/chat/completions` : `${base}/completions``: the branch that names an endpoint.
  if (ts.isConditionalExpression(node)) return firstEndpoint([node.whenTrue, node.whenFalse].map((branch) => urlText(ev, branch, ctx, depth + 1, args)));
  // `base.split('v1')[0] + 'v1/chat/completions'`
  if (ts.isElementAccessExpression(node) && ts.isNumericLiteral(node.argumentExpression)) {
    const split = unwrap(node.expression);
    if (ts.isCallExpression(split) && ts.isPropertyAccessExpression(split.expression) && split.expression.name.text === 'split' && split.arguments[0] && ts.isStringLiteralLike(split.arguments[0])) {
      const whole = urlText(ev, split.expression.expression, ctx, depth + 1, args);
      if (whole === undefined || whole.includes('\0')) return '\0';
      return whole.split(split.arguments[0].text)[Number(node.argumentExpression.text)] ?? '\0';
    }
  }
  // `let url = DEFAULT; if (proxy) url = proxy; else url = url.split(…)[0] + …`, `const url = a ? … : …`
  if (ts.isIdentifier(node)) {
    const built = variableUrl(ev, node, ctx, depth, args);
    if (built !== undefined) return built;
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && node.arguments?.[0]) {
    const path = urlText(ev, node.arguments[0], ctx, depth + 1, args) ?? '\0';
    const base = node.arguments[1] ? (urlText(ev, node.arguments[1], ctx, depth + 1, args) ?? '\0') : undefined;
    return base === undefined ? path : resolveUrl(path, base);
  }
  if (ts.isCallExpression(node)) {
    const returned = returnedUrl(ev, node, ctx, depth);
    if (returned !== undefined) return returned;
  }
  const value = ev.evaluate(node, ctx);
  if (value.k === 'string' || value.k === 'number') return String(value.value);
  if (value.k === 'either') {
    // One of several URLs, or of several path segments (`:${stream ? 'streamGenerateContent' : 'generateContent'}`).
    const strings = value.options.filter((candidate) => candidate.k === 'string').map((candidate) => (candidate as { value: string }).value);
    const option = strings.find((candidate) => /^https?:\/\//.test(candidate)) ?? strings[0];
    if (option !== undefined) return option;
  }
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const fallback = defaultUrl(ev, node.name.text, node.getStart(ctx.sourceFile), ctx);
    if (fallback !== undefined) return fallback;
  }
  if (
    value.k === 'unknown' && value.node && value.ctx && value.node !== node &&
    (ts.isTemplateExpression(value.node) || ts.isBinaryExpression(value.node) || ts.isNewExpression(value.node) || ts.isCallExpression(value.node) || ts.isPropertyAccessExpression(value.node))
  ) {
    return urlText(ev, value.node as ts.Expression, value.ctx, depth + 1);
  }
  if (value.k === 'unknown' && value.parameter && value.ctx) {
    const passed = args.get(value.parameter.node);
    if (passed && value.parameter.path.length === 0) return urlText(ev, passed.expression, passed.ctx, depth + 1, args);
    return firstEndpoint(parameterUrls(ev, value.parameter, value.ctx, depth)) ?? '\0';
  }
  return '\0';
}

const MAX_RETURNED = 4;

/**
 * The URL a project function or method returns for these arguments, as in
 * `this.fetch(this.endpoint('chat/completions'), …)` over `endpoint(path) { return new URL(path, this.apiBase) }`.
 * Of several returns, the first that names a provider endpoint.
 */
function returnedUrl(ev: Evaluator, call: ts.CallExpression, ctx: ModuleContext, depth: number): string | undefined {
  const callee = ev.evaluate(call.expression, ctx);
  if (callee.k !== 'function') return undefined;
  const returns = returnedExpressions(callee.node);
  if (returns.length === 0 || returns.length > MAX_RETURNED) return undefined;
  const args = new Map<ts.ParameterDeclaration, { expression: ts.Expression; ctx: ModuleContext }>();
  callee.node.parameters.forEach((parameter, i) => {
    const argument = call.arguments[i];
    if (argument && !parameter.dotDotDotToken) args.set(parameter, { expression: argument, ctx });
  });
  return firstEndpoint(returns.map((expression) => urlText(ev, expression, callee.ctx, depth + 1, args)));
}

/**
 * Of candidate URLs, the first that names a provider endpoint (a chat one before the legacy
 * completions endpoint, which code keeps beside it as a fallback), else the first absolute one, else
 * the first that starts static.
 */
function firstEndpoint(candidates: ReadonlyArray<string | undefined>): string | undefined {
  const urls = candidates.filter((url): url is string => url !== undefined && !url.startsWith('\0'));
  const family = (url: string) => endpointFor(url)?.family;
  // A base URL (`https://api.openai.com/v1`) names no endpoint until the caller appends a path: an
  // absolute one beats the app's own relative route.
  return urls.find((url) => family(url) !== undefined && family(url) !== 'openai-completions') ?? urls.find((url) => family(url)) ?? urls.find((url) => /^https?:\/\//.test(url)) ?? urls[0];
}

// A provider switch assigns one URL per vendor.
const MAX_REASSIGNED = 12;
const reassigning = new Set<Binding>();

/**
 * A variable read the way its URL is built: a `let` the function reassigns (its initial value and
 * each assignment, the first that names a provider endpoint; inside its own reassignment,
 * `url = url.split(…)[0] + …`, it is its initial value), or a const holding a ternary.
 */
function variableUrl(ev: Evaluator, node: ts.Identifier, ctx: ModuleContext, depth: number, args: Arguments): string | undefined {
  const binding = lookupBinding(ctx.index, node.text, node.pos);
  if (binding?.kind !== 'variable' || binding.path.length > 0) return undefined;
  // `const url = stream ? `${base}/…` : `${base}/…``: read the way the URL is built, not as a value.
  if (binding.isConst) return binding.init && ts.isConditionalExpression(unwrap(binding.init)) ? urlText(ev, binding.init, ctx, depth + 1, args) : undefined;
  const [from, to] = binding.scope;
  const assigned = (ctx.index.assignments.get(node.text) ?? []).filter((expression) => expression.pos >= from && expression.end <= to);
  if (assigned.length === 0 || assigned.length > MAX_REASSIGNED) return undefined;
  if (reassigning.has(binding)) return binding.init ? urlText(ev, binding.init, ctx, depth + 1, args) : '\0';
  reassigning.add(binding);
  try {
    const candidates = [binding.init, ...assigned].filter((expression): expression is ts.Expression => expression !== undefined);
    return firstEndpoint(candidates.map((expression) => urlText(ev, expression, ctx, depth + 1, args))) ?? '\0';
  } finally {
    reassigning.delete(binding);
  }
}

const MAX_BASE_CLASSES = 4;

/**
 * A URL field's default: its own initializer (`apiBase = 'https://api.anthropic.com/v1/'`, then
 * `this.apiBase = config.apiBase ?? this.apiBase`) or the same key of a static options object of the
 * class or a base class (`static defaultOptions = { apiBase: … }` merged under the user's options).
 * Like `env.URL ?? 'https://…'`, the default names the endpoint.
 */
function defaultUrl(ev: Evaluator, key: string, at: number, ctx: ModuleContext): string | undefined {
  const enclosing = innermost(ctx.index.classRanges, at);
  let cls: { node: ts.ClassLikeDeclaration; ctx: ModuleContext } | undefined = enclosing && { node: enclosing.node, ctx };
  for (let hops = 0; cls && hops < MAX_BASE_CLASSES; hops++) {
    for (const member of cls.node.members) {
      if (!ts.isPropertyDeclaration(member) || !member.initializer) continue;
      if (!isStatic(member)) {
        const own = ts.isIdentifier(member.name) && member.name.text === key ? ev.evaluate(member.initializer, cls.ctx) : undefined;
        if (own?.k === 'string' && /^https?:\/\//.test(own.value)) return own.value;
        continue;
      }
      const defaults = unwrap(member.initializer);
      if (!ts.isObjectLiteralExpression(defaults)) continue;
      const found = ev.property(ev.evaluate(defaults, cls.ctx), key);
      if (found.state === 'present' && found.value.k === 'string' && /^https?:\/\//.test(found.value.value)) return found.value.value;
    }
    const heritage = cls.node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    const base = heritage ? ev.evaluate(heritage.expression, cls.ctx) : undefined;
    cls = base?.k === 'class' ? base : undefined;
  }
  return undefined;
}

const MAX_CALLERS = 8;

/**
 * The URLs a parameter receives: its default value and what the file's own calls of the function
 * pass, as in `createModel(key, endpoint = 'https://api.openai.com/v1/chat/completions')` or
 * `post('https://api.anthropic.com/v1/messages', body)` around a `fetch(url, …)`.
 */
function parameterUrls(
  ev: Evaluator,
  { fn, node, path }: { fn: ts.SignatureDeclaration; node: ts.ParameterDeclaration; path: string[] },
  ctx: ModuleContext,
  depth: number,
): string[] {
  if (path.length > 0 || node.dotDotDotToken) return [];
  const urls: string[] = [];
  const add = (expression: ts.Expression) => {
    const url = urlText(ev, expression, ctx, depth + 1);
    if (url !== undefined) urls.push(url);
  };
  if (node.initializer) add(node.initializer);
  const name = functionName(fn, ctx);
  if (name === undefined) return urls;
  const position = fn.parameters.indexOf(node);
  let callers = 0;
  for (const call of ctx.index.calls) {
    if (!ts.isIdentifier(call.expression) || call.expression.text !== name) continue;
    const callee = ev.evaluate(call.expression, ctx);
    if (callee.k !== 'function' || callee.node !== fn) continue;
    const argument = call.arguments[position];
    if (argument) add(argument);
    if (++callers >= MAX_CALLERS) break;
  }
  return urls;
}

/** The name a function is called by in its file: its own, or that of the const holding it. */
function functionName(fn: ts.SignatureDeclaration, ctx: ModuleContext): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text;
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  for (const [name, bindings] of ctx.index.bindings) {
    if (bindings.some((binding) => binding.kind === 'variable' && binding.init !== undefined && unwrap(binding.init) === fn)) return name;
  }
  return undefined;
}

// `new URL('messages', 'https://api.anthropic.com/v1/')` as the URL class resolves it; dynamic parts
// (\0) stand in as placeholders. Undefined base or path parts stay dynamic.
function resolveUrl(path: string, base: string): string {
  if (base.startsWith('\0')) return /^https?:\/\//.test(path) ? path : '\0';
  const hole = 'promptlint-dynamic-part';
  try {
    const href = new URL(path.replaceAll('\0', hole), base.replaceAll('\0', hole)).href;
    return href.replaceAll(hole, '\0');
  } catch {
    return '\0';
  }
}

export function endpointFor(url: string): Endpoint | undefined {
  return ENDPOINTS.find((endpoint) => endpoint.pattern.test(url));
}

// fetch-event-source takes fetch's arguments and streams server-sent events.
const CLIENT_MODULES = String.raw`node-fetch|cross-fetch|undici|isomorphic-fetch|axios|got|ky|ofetch|@microsoft/fetch-event-source|@waylaidwanderer/fetch-event-source`;
const FETCH_MODULES = new RegExp(`^(${CLIENT_MODULES})$`);

export const http: ProviderAdapter = {
  id: 'fetch',
  modules: new RegExp(`^(#global|${CLIENT_MODULES})$`),
  directCalls: ['fetch', 'axios', 'got', 'ky', 'ofetch', '$fetch', 'fetchEventSource'],
  match(info) {
    const { chain, exportName, signature, call, ctx, ev } = info;
    const module = chain.module;
    if (module !== GLOBAL_MODULE && !FETCH_MODULES.test(module)) return undefined;
    let urlExpression: ts.Expression | undefined;
    let body: Layer | undefined;
    let baseURL: string | undefined;
    const bodyOf = (options: ts.Expression | undefined, keys: string[]): Layer | undefined => {
      if (!options) return undefined;
      const value = ev.evaluate(options, ctx);
      for (const key of keys) {
        const found = ev.property(value, key);
        if (found.state === 'present') return { expression: found.valueNode as ts.Expression, ctx: found.ctx, role: 'request' };
      }
      return undefined;
    };
    const isFetch =
      (module === GLOBAL_MODULE && exportName === 'fetch') || (/fetch|undici/.test(module) && /^(default|fetch|fetchEventSource)$/.test(exportName));
    if (isFetch && signature === '') {
      urlExpression = call.arguments[0];
      body = bodyOf(call.arguments[1], ['body']);
    } else if (module === 'axios' || module === 'got' || module === 'ky' || module === 'ofetch') {
      const created = /^\.create\(\)/.test(signature) ? chain.steps.find((step) => step.kind === 'call') : undefined;
      if (created?.kind === 'call' && created.args[0]) {
        const base = ev.property(ev.evaluate(created.args[0], created.ctx), module === 'axios' ? 'baseURL' : 'prefixUrl');
        if (base.state === 'present') baseURL = staticUrl(ev, base.valueNode as ts.Expression, base.ctx);
      }
      const method = signature.replace(/^\.create\(\)/, '');
      if (method === '.post' || (module === 'ofetch' && method === '')) {
        urlExpression = call.arguments[0];
        body = module === 'axios' ? (call.arguments[1] ? { expression: call.arguments[1], ctx, role: 'request' } : undefined) : bodyOf(call.arguments[1], ['json', 'body']);
      } else if (method === '' || method === '.request') {
        if (module === 'axios' && call.arguments[0] && call.arguments.length === 1) {
          const config = ev.evaluate(call.arguments[0], ctx);
          const url = ev.property(config, 'url');
          if (url.state === 'present') urlExpression = url.valueNode as ts.Expression;
          body = bodyOf(call.arguments[0], ['data']);
        } else {
          urlExpression = call.arguments[0];
          body = bodyOf(call.arguments[1], module === 'axios' ? ['data'] : ['json', 'body']);
        }
      }
    }
    if (!urlExpression) return undefined;
    let url = staticUrl(ev, urlExpression, ctx);
    if (url !== undefined && baseURL !== undefined && !/^https?:/.test(url)) url = baseURL.replace(/\/$/, '') + '/' + url.replace(/^\//, '');
    if (url === undefined) return undefined;
    const endpoint = endpointFor(url);
    if (!endpoint) return undefined;
    const path = url.replace(/^https?:\/\/[^/]+/, '').replace(/\0/g, '*').replace(/\?.*$/, '');
    const model = /\/models\/([\w.-]+):/.exec(url)?.[1] ?? (/\/models\/[^/:]*\0/.test(url) ? null : undefined);
    return {
      provider: 'fetch',
      family: endpoint.family,
      api: `${module === GLOBAL_MODULE ? 'fetch' : module}:${path}`,
      baseURL: url.replace(/^(https?:\/\/[^/]+).*$/, '$1'),
      layers: body ? [body] : [],
      ...(body ? {} : { opaque: true }),
      // The model named in the path (`models/${model}:generateContent`) is present when static, unknown when not.
      ...(model ? { modelFromChain: { state: 'present' as const, value: model } } : model === null ? { modelFromChain: { state: 'unknown' as const } } : {}),
      ...(endpoint.family === 'bedrock-converse' ? { modelFromChain: { state: 'present' as const, value: decodeURIComponent(/\/model\/([^/]+)\//.exec(url)?.[1] ?? '') } } : {}),
    };
  },
};
