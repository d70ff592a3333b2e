import { staticUrl } from './http.js';
import { type CallInfo, type ProviderAdapter, callArg } from './types.js';

const CLIENTS = /^(default|OpenAI|AzureOpenAI|BedrockOpenAI)$/;
const CHAT = /^:new\.(?:beta\.)?chat\.completions\.(create|parse|stream|runTools)$/;
const RESPONSES = /^:new\.(?:beta\.)?responses\.(create|parse|stream)$/;
const COMPLETIONS = /^:new\.completions\.create$/;
const LEGACY_V3 = /^:new\.(createChatCompletion|createCompletion)$/;

export const openai: ProviderAdapter = {
  id: 'openai',
  modules: /^openai$/,
  match(info) {
    const { exportName, signature } = info;
    if (exportName === 'OpenAIApi') {
      const legacy = LEGACY_V3.exec(signature);
      if (!legacy) return undefined;
      const chat = legacy[1] === 'createChatCompletion';
      return {
        provider: 'openai',
        family: chat ? 'openai-chat' : 'openai-completions',
        api: legacy[1]!,
        sdk: 'openai',
        layers: callArg(info),
      };
    }
    if (!CLIENTS.test(exportName)) return undefined;
    let family: 'openai-chat' | 'openai-responses' | 'openai-completions';
    let method: RegExpExecArray | null;
    if ((method = CHAT.exec(signature))) family = 'openai-chat';
    else if ((method = RESPONSES.exec(signature))) family = 'openai-responses';
    else if ((method = COMPLETIONS.exec(signature))) family = 'openai-completions';
    else return undefined;
    const api = signature.slice(':new.'.length);
    // `responses.stream({ response_id })` resumes a background response; nothing new is generated.
    if (family === 'openai-responses' && info.call.arguments[0]) {
      const resumed = info.ev.property(info.ev.evaluate(info.call.arguments[0], info.ctx), 'response_id');
      if (resumed.state === 'present') return undefined;
    }
    const client = clientTarget(info);
    return {
      provider: client.compatible ? 'openai-compatible' : 'openai',
      family,
      api,
      sdk: 'openai',
      ...(client.baseURL ? { baseURL: client.baseURL } : {}),
      layers: callArg(info),
      ...(family === 'openai-chat' && method[1] === 'parse' ? { structured: true } : {}),
    };
  },
};

/** A client with a static non-OpenAI base URL talks to another vendor; an env-driven one is assumed OpenAI. */
function clientTarget(info: CallInfo): { compatible: boolean; baseURL?: string } {
  if (info.exportName !== 'default' && info.exportName !== 'OpenAI') return { compatible: false };
  const ctor = info.chain.steps.find((step) => step.kind === 'new');
  if (!ctor || ctor.kind !== 'new' || !ctor.args[0]) return { compatible: false };
  const options = info.ev.evaluate(ctor.args[0], ctor.ctx);
  for (const key of ['baseURL', 'baseUrl', 'basePath']) {
    const found = info.ev.property(options, key);
    if (found.state !== 'present') continue;
    const url = staticUrl(info.ev, found.valueNode as import('typescript').Expression, found.ctx);
    if (!url) return { compatible: false };
    return /(^|\/\/)api\.openai\.com/.test(url) ? { compatible: false, baseURL: url } : { compatible: true, baseURL: url };
  }
  return { compatible: false };
}
