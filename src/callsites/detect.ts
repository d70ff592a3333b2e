import ts from '#typescript';
import type { CallSite } from '../model.js';
import { chainRoot, signature } from './chain.js';
import { ADAPTERS, isSdkModule, mayReexportDirectCall, METHOD_NAMES } from './providers/index.js';
import { buildCallSite } from './request.js';
import { type Binding, buildFileIndex, lookupBinding } from './scope.js';
import { Evaluator, GLOBAL_MODULE, isChoiceOfChains, type ModuleContext, type ModuleLoader, normalizeModule, unwrap, type Value } from './values.js';

export function createModuleContext(
  file: string,
  sourceFile: ts.SourceFile,
  loader?: ModuleLoader,
  sdkMajors?: Readonly<Record<string, number>>,
): ModuleContext {
  return { file, sourceFile, text: sourceFile.text, index: buildFileIndex(sourceFile), ...(loader ? { loader } : {}), ...(sdkMajors ? { sdkMajors } : {}) };
}

/** Every generation call site in one parsed file. Synchronous and free of I/O except through `loader`. */
export function detectCallSites(ctx: ModuleContext, evaluator = new Evaluator()): CallSite[] {
  const sites: CallSite[] = [];
  // A test file calls `expect` hundreds of times: each import is judged once. A per-file map, not a
  // module-wide WeakMap: weak keys kept young bindings (and their trees) alive through scavenges.
  const importVerdicts = new Map<Binding, boolean>();
  for (const call of ctx.index.calls) {
    const site = matchCall(call, ctx, evaluator, importVerdicts);
    if (site) sites.push(site);
  }
  return sites;
}

function matchCall(call: ts.CallExpression, ctx: ModuleContext, ev: Evaluator, importVerdicts: Map<Binding, boolean>): CallSite | undefined {
  const callee = unwrap(call.expression);
  // `customFetch(requestOptions)(url, init)`: a fetch a factory of the project's configures.
  if (ts.isCallExpression(callee) && /fetch$/i.test(calleeName(callee.expression))) return matchChains([FETCH], call, ctx, ev);
  if (ts.isPropertyAccessExpression(callee)) {
    if (!METHOD_NAMES.has(callee.name.text)) return undefined;
  } else if (!ts.isIdentifier(callee) || !mayNameSdkFunction(callee, ctx, importVerdicts)) {
    return undefined;
  }
  let value = ev.evaluate(callee, ctx);
  // A project's own fetch wrapper (`this.fetch(url, init)`, `import { fetch } from './http'`): a call
  // site only if the URL names a provider endpoint, which the HTTP adapter checks.
  if (value.k !== 'chain' && !isChoiceOfChains(value) && calleeName(callee) === 'fetch') value = FETCH;
  // A client we cannot follow, or one from a package no adapter knows (a tracing or structured-output
  // wrapper, another vendor's OpenAI-compatible SDK), is read by the shape of the call.
  if ((value.k === 'unknown' || (value.k === 'chain' && !isSdkModule(value.module))) && ts.isPropertyAccessExpression(callee)) {
    value = byShape(callee, call, ctx, ev) ?? value;
  }
  // Of a factory's alternatives, the first an adapter recognises describes the call.
  return matchChains(value.k === 'chain' ? [value] : isChoiceOfChains(value) ? value.options : [], call, ctx, ev);
}

const FETCH: Extract<Value, { k: 'chain' }> = { k: 'chain', module: GLOBAL_MODULE, name: 'fetch', steps: [] };

function calleeName(expression: ts.Expression): string {
  const node = unwrap(expression);
  return ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : '';
}

function matchChains(chains: ReadonlyArray<Extract<Value, { k: 'chain' }>>, call: ts.CallExpression, ctx: ModuleContext, ev: Evaluator): CallSite | undefined {
  for (const chain of chains) {
    const { exportName, steps } = chainRoot(chain);
    const info = { chain, exportName, signature: signature(steps), call, ctx, ev };
    for (const adapter of ADAPTERS) {
      if (!adapter.modules.test(chain.module)) continue;
      const match = adapter.match(info);
      if (match) return buildCallSite(match, call, ctx, ev);
    }
  }
  return undefined;
}

// Method paths only these SDKs have, with the request keys that must be there to take the call for
// one of theirs: a client handed over untyped (`function title({ openai }) { openai.chat… }`).
const SHAPES: ReadonlyArray<{ path: RegExp; module: string; client: string; keys: readonly string[] }> = [
  { path: /^(?:beta\.)?chat\.completions\.(?:create|parse|stream)$/, module: 'openai', client: 'default', keys: ['messages'] },
  { path: /^responses\.(?:create|stream)$/, module: 'openai', client: 'default', keys: ['model', 'input'] },
  { path: /^(?:beta\.)?messages\.(?:create|stream|parse)$/, module: '@anthropic-ai/sdk', client: 'default', keys: ['model', 'messages'] },
  { path: /^models\.generateContent(?:Stream)?$/, module: '@google/genai', client: 'GoogleGenAI', keys: ['model', 'contents'] },
];

/**
 * A receiver we cannot follow (an untyped parameter, a client from code we do not see) that is
 * called the way only one SDK is, with the request keys that SDK needs: that SDK's client.
 */
function byShape(callee: ts.PropertyAccessExpression, call: ts.CallExpression, ctx: ModuleContext, ev: Evaluator): Value | undefined {
  const names: string[] = [];
  let node: ts.Expression = callee;
  while (ts.isPropertyAccessExpression(node) && names.length < 4) {
    names.unshift(node.name.text);
    node = unwrap(node.expression);
  }
  const argument = call.arguments[0];
  if (!argument) return undefined;
  for (let start = 0; start < names.length - 1; start++) {
    const path = names.slice(start);
    const shape = SHAPES.find((candidate) => candidate.path.test(path.join('.')));
    if (!shape) continue;
    // A receiver declared with a type of the project's own (`gateway: LlmGateway`) is what that type says.
    const root = ev.evaluate(node, ctx);
    if (root.k === 'unknown' && root.type && root.type.kind !== ts.SyntaxKind.AnyKeyword && root.type.kind !== ts.SyntaxKind.UnknownKeyword) return undefined;
    const request = ev.evaluate(argument, ctx);
    if (!shape.keys.every((key) => ev.property(request, key).state === 'present')) return undefined;
    return { k: 'chain', module: shape.module, name: shape.client, steps: [{ kind: 'new', args: [], ctx }, ...path.map((name) => ({ kind: 'prop' as const, name }))] };
  }
  return undefined;
}

/**
 * Most direct calls are to the project's own helpers and test globals; deciding that from the
 * binding alone spares evaluating them, which would parse every module they are imported from.
 */
function mayNameSdkFunction(callee: ts.Identifier, ctx: ModuleContext, importVerdicts: Map<Binding, boolean>): boolean {
  const binding = lookupBinding(ctx.index, callee.text, callee.pos);
  if (!binding) return callee.text === 'fetch';
  if (binding.kind === 'variable') return true;
  if (binding.kind !== 'import') return false;
  let verdict = importVerdicts.get(binding);
  if (verdict === undefined) {
    const module = normalizeModule(binding.module);
    verdict = isSdkModule(module) || (mayReexportDirectCall(binding.imported) && (binding.module.startsWith('.') || (ctx.loader?.isLocal?.(ctx.file, binding.module) ?? false)));
    importVerdicts.set(binding, verdict);
  }
  return verdict;
}
