import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Major versions of the SDKs a package declares, from the nearest package.json. Parameter names
// changed across majors (AI SDK 4 `maxTokens` vs 5 `maxOutputTokens`), so fixes must know them.

const SDKS = ['ai', 'openai', '@anthropic-ai/sdk', '@google/genai', '@langchain/core', 'langchain', '@mistralai/mistralai', 'cohere-ai', 'groq-sdk', 'ollama'];
const cache = new Map<string, Record<string, number>>();

export function sdkMajorsFor(dir: string): Record<string, number> {
  const cached = cache.get(dir);
  if (cached) return cached;
  let result: Record<string, number> | undefined;
  try {
    const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    result = {};
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
      for (const sdk of SDKS) {
        const range = json[field]?.[sdk];
        const major = range ? /(\d+)/.exec(range.replace(/^npm:[^@]+@/, ''))?.[1] : undefined;
        if (major !== undefined && result[sdk] === undefined) result[sdk] = Number(major);
      }
    }
  } catch {
    const parent = dirname(dir);
    result = parent === dir ? {} : sdkMajorsFor(parent);
  }
  cache.set(dir, result);
  return result;
}
