import ts from '#typescript';
import type { ApiFamily } from '../../model.js';
import { chainRoot } from '../chain.js';
import type { Evaluator, ModuleContext } from '../values.js';
import { type ProviderAdapter, callArg } from './types.js';

const MODULE = '@aws-sdk/client-bedrock-runtime';
const COMMANDS: Record<string, ApiFamily> = {
  ConverseCommand: 'bedrock-converse',
  ConverseStreamCommand: 'bedrock-converse',
  InvokeModelCommand: 'bedrock-invoke',
  InvokeModelWithResponseStreamCommand: 'bedrock-invoke',
};
const METHODS: Record<string, ApiFamily> = {
  converse: 'bedrock-converse',
  converseStream: 'bedrock-converse',
  invokeModel: 'bedrock-invoke',
  invokeModelWithResponseStream: 'bedrock-invoke',
};

export const bedrock: ProviderAdapter = {
  id: 'bedrock',
  modules: /^@aws-sdk\/client-bedrock-runtime$/,
  match(info) {
    if (info.chain.module !== MODULE) return undefined;
    if (/^(BedrockRuntimeClient|default)$/.test(info.exportName) && info.signature === ':new.send') {
      const arg = info.call.arguments[0];
      if (!arg) return undefined;
      const command = info.ev.evaluate(arg, info.ctx);
      if (command.k !== 'chain' || command.module !== MODULE) return undefined;
      const { exportName, steps } = chainRoot(command);
      const family = COMMANDS[exportName];
      const ctor = steps[0];
      if (!family || ctor?.kind !== 'new' || steps.length !== 1) return undefined;
      const input = ctor.args[0] as ts.Expression | undefined;
      if ((input && isEmbeddingRequest(info.ev, input, ctor.ctx)) || insideEmbeddingCode(info.call, info.ctx)) return undefined;
      return {
        provider: 'bedrock',
        family,
        api: exportName,
        sdk: MODULE,
        layers: input ? [{ expression: input, ctx: ctor.ctx, role: 'request' }] : [],
      };
    }
    const method = /^:new\.(\w+)$/.exec(info.signature)?.[1];
    if (info.exportName === 'BedrockRuntime' && method && METHODS[method]) {
      const input = info.call.arguments[0];
      if ((input && isEmbeddingRequest(info.ev, input, info.ctx)) || insideEmbeddingCode(info.call, info.ctx)) return undefined;
      return { provider: 'bedrock', family: METHODS[method]!, api: method, sdk: MODULE, layers: callArg(info) };
    }
    return undefined;
  },
};

/** InvokeModel also serves embedding and rerank models, which generate no text. */
function isEmbeddingRequest(ev: Evaluator, input: ts.Expression, ctx: ModuleContext): boolean {
  const request = ev.evaluate(input, ctx);
  const model = ev.property(request, 'modelId');
  if (model.state === 'present' && model.value.k === 'string' && /embed|rerank/i.test(model.value.value)) return true;
  const body = ev.property(request, 'body');
  if (body.state !== 'present') return false;
  // `body: JSON.stringify({})` probes a model's format; it asks for nothing.
  const inner = body.value.k === 'json' ? body.value.inner : body.value;
  if (inner.k === 'object' && inner.node.properties.length === 0) return true;
  for (const key of ['inputText', 'texts', 'input_type', 'embeddingConfig', 'documents', 'query']) {
    if (ev.property(body.value, key).state === 'present') return true;
  }
  return false;
}

/** An InvokeModel request built elsewhere, sent from a function named for embeddings or reranking. */
function insideEmbeddingCode(call: ts.CallExpression, ctx: ModuleContext): boolean {
  const at = call.getStart(ctx.sourceFile);
  return ctx.index.namedFunctions.some((fn) => at >= fn.pos && at < fn.end && /embed|rerank/i.test(fn.name));
}
