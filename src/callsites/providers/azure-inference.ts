import ts from '#typescript';
import type { ProviderAdapter } from './types.js';

// Azure AI Inference REST client (`@azure-rest/ai-inference`): `ModelClient(endpoint, credential)`
// builds a client whose `path('/chat/completions').post({ body })` generates; other paths embed.
export const azureInference: ProviderAdapter = {
  id: 'azure-inference',
  modules: /^@azure-rest\/ai-inference$/,
  match(info) {
    const { chain, exportName, signature, call, ctx, ev } = info;
    if (exportName !== 'default' || !/^\(\)\.path\(\)\.post$/.test(signature)) return undefined;
    const pathStep = chain.steps.filter((step) => step.kind === 'call')[1];
    const route = pathStep?.kind === 'call' && pathStep.args[0] ? ev.evaluate(pathStep.args[0], pathStep.ctx) : undefined;
    if (route?.k !== 'string' || route.value.replace(/\/$/, '') !== '/chat/completions') return undefined;
    const options = call.arguments[0];
    const body = options ? ev.property(ev.evaluate(options, ctx), 'body') : undefined;
    return {
      provider: 'azure-inference',
      family: 'azure-inference-chat',
      api: 'path("/chat/completions").post',
      sdk: chain.module,
      layers: body?.state === 'present' ? [{ expression: body.valueNode as ts.Expression, ctx: body.ctx, role: 'request' }] : [],
      ...(body?.state === 'unknown' ? { opaque: true } : {}),
    };
  },
};
