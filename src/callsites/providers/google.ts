import { argLayer } from '../chain.js';
import { type ProviderAdapter, callArg } from './types.js';

const GENAI_MODELS = /^:new\.models\.(generateContent|generateContentStream)$/;
const GENAI_CHAT = /^:new\.chats\.create\(\)\.(sendMessage|sendMessageStream)$/;
const LEGACY = /^:new\.(getGenerativeModel|getGenerativeModelFromCachedContent)\(\)(\.startChat\(\))?\.(generateContent|generateContentStream|sendMessage|sendMessageStream)$/;

export const googleGenai: ProviderAdapter = {
  id: 'google-genai',
  modules: /^@google\/(genai|generative-ai)$/,
  match(info) {
    const calls = info.chain.steps.filter((step) => step.kind === 'call');
    if (info.chain.module === '@google/genai') {
      if (!/^(default|GoogleGenAI)$/.test(info.exportName)) return undefined;
      let method = GENAI_MODELS.exec(info.signature);
      if (method) return { provider: 'google-genai', family: 'gemini', api: `models.${method[1]}`, sdk: '@google/genai', layers: callArg(info) };
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
