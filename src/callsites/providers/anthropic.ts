import ts from '#typescript';
import type { Layer } from '../chain.js';
import { type CallInfo, type ProviderAdapter, callArg } from './types.js';

const CLIENTS: Record<string, RegExp> = {
  '@anthropic-ai/sdk': /^(default|Anthropic|Client)$/,
  '@anthropic-ai/bedrock-sdk': /^(default|AnthropicBedrock|AnthropicBedrockMantle)$/,
  '@anthropic-ai/vertex-sdk': /^(default|AnthropicVertex)$/,
  '@anthropic-ai/foundry-sdk': /^(default|AnthropicFoundry)$/,
  '@anthropic-ai/google-cloud-sdk': /^(default|AnthropicGoogleCloud|AnthropicVertex)$/,
};
// `beta.tools.messages` is the tool-use beta of 2024 SDKs.
const MESSAGES = /^:new\.(?:beta\.(?:tools\.)?)?messages\.(create|stream|parse|toolRunner)$/;
const BATCHES = /^:new\.(?:beta\.)?messages\.batches\.create$/;
const LEGACY = /^:new\.completions\.create$/;

export const anthropic: ProviderAdapter = {
  id: 'anthropic',
  modules: /^@anthropic-ai\/(sdk|bedrock-sdk|vertex-sdk|foundry-sdk|google-cloud-sdk)$/,
  match(info) {
    const clients = CLIENTS[info.chain.module];
    if (!clients?.test(info.exportName)) return undefined;
    const sdk = info.chain.module;
    const messages = MESSAGES.exec(info.signature);
    if (messages) {
      return {
        provider: 'anthropic',
        family: 'anthropic-messages',
        api: info.signature.slice(':new.'.length),
        sdk,
        layers: callArg(info),
        ...(messages[1] === 'parse' ? { structured: true } : {}),
      };
    }
    if (BATCHES.test(info.signature)) {
      const layers = batchParams(info);
      return {
        provider: 'anthropic',
        family: 'anthropic-messages',
        api: 'messages.batches.create',
        sdk,
        layers: layers ?? [],
        ...(layers ? {} : { opaque: true }),
      };
    }
    if (LEGACY.test(info.signature)) {
      return { provider: 'anthropic', family: 'anthropic-messages', api: 'completions.create', sdk, layers: callArg(info) };
    }
    return undefined;
  },
};

/** `requests: [{ custom_id, params }]` or `items.map((x) => ({ custom_id, params }))`: the per-request params. */
function batchParams(info: CallInfo): Layer[] | undefined {
  const { ev, ctx } = info;
  const arg = info.call.arguments[0];
  if (!arg) return undefined;
  const requests = ev.property(ev.evaluate(arg, ctx), 'requests');
  if (requests.state !== 'present') return undefined;
  const list = ev.elements(requests.value);
  let item: { node: ts.Expression; ctx: typeof ctx } | undefined;
  if (list?.length && !list[0]!.spread) item = { node: list[0]!.node as ts.Expression, ctx: list[0]!.ctx };
  if (!item) {
    const mapped = mapCallbackResult(requests.valueNode);
    if (mapped) item = { node: mapped, ctx: requests.ctx };
  }
  if (!item) return undefined;
  const params = ev.property(ev.evaluate(item.node, item.ctx), 'params');
  return params.state === 'present' ? [{ expression: params.valueNode as ts.Expression, ctx: params.ctx, role: 'request' }] : undefined;
}

function mapCallbackResult(node: ts.Node): ts.Expression | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'map') return undefined;
  const callback = node.arguments[0];
  if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return undefined;
  if (!ts.isBlock(callback.body)) return callback.body;
  const last = callback.body.statements[callback.body.statements.length - 1];
  return last && ts.isReturnStatement(last) ? last.expression : undefined;
}
