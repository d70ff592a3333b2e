import { DIRECT_CALL_NAMES, METHOD_NAMES } from '../callsites/providers/index.js';

// A cheap text test run before parsing: a file that names no SDK, provider host or relative import
// cannot hold a call site we would find. Relative imports are kept because a client may be created
// in another module; project.ts narrows those to modules that actually export one.

// An SDK counts only as a module specifier (`provider: "openai"` in a settings screen is no import);
// HTTP clients (axios, got, fetch) count only together with a provider host.
const SDK_IMPORT =
  /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](?:openai|ai|ollama|groq-sdk|cohere-ai|together-ai|langchain|@ai-sdk\/[\w-]+|@anthropic-ai\/[\w-]+|@google\/gen[\w-]*|@langchain\/[\w-]+|@aws-sdk\/client-bedrock-runtime|@mistralai\/mistralai|@huggingface\/inference|@azure-rest\/ai-inference)(?:\/[\w./-]*)?['"]/;
const PROVIDER_HOST =
  /api\.openai\.com|openai\.azure\.com|api\.anthropic\.com|generativelanguage\.googleapis\.com|aiplatform\.googleapis\.com|bedrock-runtime|api\.mistral\.ai|api\.cohere\.|api\.groq\.com|:11434|openrouter\.ai|api\.deepseek\.com|api\.together\.|api\.fireworks\.ai|api\.perplexity\.ai|api\.x\.ai|gateway\.ai\.cloudflare\.com|anthropic\.helicone\.ai|\/v1\/chat\/completions|:(?:stream)?[gG]enerateContent/;

// Relative specifiers and the usual tsconfig aliases (`@/lib/ai`, `~/lib/ai`, `#lib/ai`).
const RELATIVE_IMPORT = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"](?:\.{1,2}\/|[@~]\/|#)/;

// A call detection could match: a member call by one of the adapters' method names, or a direct
// call of a name a project module may re-export (`generateText(`, `fetch(`), or an aliased import of one.
const escape = (name: string) => name.replace(/\$/g, '\\$');
const DIRECT = DIRECT_CALL_NAMES.map(escape).join('|');
const CALL_CANDIDATE = new RegExp(
  String.raw`\.\s*(?:${[...METHOD_NAMES].join('|')})\s*[(<]|(?<![\w$])(?:${DIRECT})(?:\s*[(<]|\s+as\s)`,
);

export type PrefilterVerdict = 'sdk' | 'relative' | 'skip';

/**
 * `sdk`: names an SDK or a provider host; `relative`: may reach one through a project import.
 * Whether the file is worth parsing also takes `mayHoldCallSite`.
 */
// A client handed over untyped is still called the way only its SDK is (detect.ts, byShape).
const SDK_CALL_SHAPE = /\.(?:completions|responses|messages)\.(?:create|stream|parse)\s*\(|\.models\.generateContent/;

export function prefilter(text: string): PrefilterVerdict {
  if (SDK_IMPORT.test(text) || PROVIDER_HOST.test(text) || SDK_CALL_SHAPE.test(text)) return 'sdk';
  if (RELATIVE_IMPORT.test(text)) return 'relative';
  return 'skip';
}

/**
 * Whether the text holds a call detection could match. Most files are components and helpers
 * without one, and so are modules that only build a client for others or declare types: they are
 * not parsed, though they still lead importers to an SDK.
 */
export function mayHoldCallSite(text: string): boolean {
  return CALL_CANDIDATE.test(text);
}
