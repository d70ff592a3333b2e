import { argLayer } from '../chain.js';
import { type CallInfo, type ProviderAdapter, callArg } from './types.js';

const GENAI_MODELS = /^:new\.models\.(generateContent|generateContentStream)$/;
const GENAI_CHAT = /^:new\.chats\.create\(\)\.(sendMessage|sendMessageStream)$/;
const LEGACY = /^:new\.(getGenerativeModel|getGenerativeModelFromCachedContent)\(\)(\.startChat\(\))?\.(generateContent|generateContentStream|sendMessage|sendMessageStream)$/;

/** `config.responseModalities: ['IMAGE']` without text: an image generation, not a text call. */
function imageOnly(info: CallInfo): boolean {
  const arg = info.call.arguments[0];
  if (!arg) return false;
  const config = info.ev.property(info.ev.evaluate(arg, info.ctx), 'config');
  const modalities = config.state === 'present' ? info.ev.property(config.value, 'responseModalities') : undefined;
  const items = modalities?.state === 'present' ? info.ev.elements(modalities.value) : undefined;
  if (!items || items.length === 0) return false;
  const names = items.map((item) => (item.spread || item.value.k !== 'string' ? undefined : item.value.value.toLowerCase()));
  return names.every((name) => name !== undefined) && !names.includes('text');
}

export const googleGenai: ProviderAdapter = {
  id: 'google-genai',
  modules: /^@google\/(genai|generative-ai)$/,
  match(info) {
    const calls = info.chain.steps.filter((step) => step.kind === 'call');
    if (info.chain.module === '@google/genai') {
      if (!/^(default|GoogleGenAI)$/.test(info.exportName)) return undefined;
      let method = GENAI_MODELS.exec(info.signature);
      if (method) {
        if (imageOnly(info)) return undefined;
        return { provider: 'google-genai', family: 'gemini', api: `models.${method[1]}`, sdk: '@google/genai', layers: callArg(info) };
      }
      method = GENAI_CHAT.exec(info.signature);
      if (method) {
        return {
          provider: 'google-genai',
          family: 'gemini',
          api: `chats.${method[1]}`,
          sdk: '@google/genai',
          layers: [...argLayer(calls[0], 0, 'settings'), ...callArg(info)],
        };
      }
      return undefined;
    }
    if (!/^(default|GoogleGenerativeAI)$/.test(info.exportName)) return undefined;
    const legacy = LEGACY.exec(info.signature);
    if (!legacy) return undefined;
    return {
      provider: 'google-genai',
      family: 'gemini-legacy',
      api: legacy[2] ? `startChat.${legacy[3]}` : legacy[3]!,
      sdk: '@google/generative-ai',
      // ChatSession.sendMessage takes only content; generateContent may take a full request.
      layers: [...argLayer(calls[0], 0, 'settings'), ...(legacy[2] ? argLayer(calls[1], 0, 'settings') : callArg(info))],
    };
  },
};
