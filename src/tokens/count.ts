import { createRequire } from 'node:module';
import type { Tiktoken, TiktokenBPE } from 'js-tiktoken/lite';

export type EncodingName = 'o200k_base' | 'cl100k_base';

// createRequire loads only the one rank table we need, synchronously and lazily; importing the
// package root would parse every encoding's table up front.
const require = createRequire(import.meta.url);
const encoders = new Map<EncodingName, Tiktoken>();

function encoderFor(encoding: EncodingName): Tiktoken {
  let encoder = encoders.get(encoding);
  if (encoder === undefined) {
    const { Tiktoken: TiktokenClass } = require('js-tiktoken/lite') as { Tiktoken: new (ranks: TiktokenBPE) => Tiktoken };
    const ranks = require(`js-tiktoken/ranks/${encoding}`) as TiktokenBPE;
    encoder = new TiktokenClass(ranks);
    encoders.set(encoding, encoder);
  }
  return encoder;
}

/**
 * Special-token strings such as `<|endoftext|>` are counted as ordinary text: that is how a
 * provider sees them inside a prompt, and js-tiktoken would otherwise throw.
 */
export function countTokens(text: string, encoding: EncodingName): number {
  if (text.length === 0) return 0;
  return encoderFor(encoding).encode(text, [], []).length;
}

const O200K = /^(?:gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|gpt-realtime|gpt-audio|o[1-9](?:-|$)|codex-|computer-use)/;
const CL100K = /^(?:gpt-4|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada-002|davinci-002|babbage-002)/;

/** Strips routing prefixes: `openai/gpt-4o`, `openai:gpt-4o`, `ft:gpt-4o-mini:org::id`, Azure-style paths. */
export function bareModelId(model: string): string {
  let id = model.trim().toLowerCase();
  if (id.startsWith('ft:')) id = id.slice(3).split(':')[0] ?? '';
  const slash = id.lastIndexOf('/');
  if (slash >= 0) id = id.slice(slash + 1);
  const prefix = /^[a-z-]+:(?=[a-z])/.exec(id);
  if (prefix) id = id.slice(prefix[0].length);
  return id;
}

export function encodingForModel(model: string | undefined): { encoding: EncodingName; approximate: boolean } {
  if (model === undefined || model.trim() === '') return { encoding: 'o200k_base', approximate: true };
  const id = bareModelId(model);
  if (O200K.test(id)) return { encoding: 'o200k_base', approximate: false };
  if (CL100K.test(id)) return { encoding: 'cl100k_base', approximate: false };
  return { encoding: 'o200k_base', approximate: true };
}
