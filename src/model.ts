// Data shared by the layers: scan → callsites → rules → report. No logic beyond tiny helpers.

/** UTF-16 offsets into a file's text, end exclusive. */
export type Range = readonly [start: number, end: number];

export type ValueState = 'present' | 'absent' | 'unknown';

/**
 * A statically resolved value. `present` may carry no `value` when the key is sent with an
 * expression we cannot evaluate (a variable, a call): it is sent, we just do not know what.
 */
export type Resolved<T> =
  | { state: 'present'; value?: T; range?: Range }
  | { state: 'absent'; range?: Range }
  | { state: 'unknown'; why: UnknownReason; range?: Range };

export type UnknownReason = 'spread' | 'binding' | 'call' | 'computed' | 'parameter' | 'conditional';

export type ProviderId =
  | 'openai'
  | 'openai-compatible'
  | 'anthropic'
  | 'vercel-ai'
  | 'google-genai'
  | 'langchain'
  | 'bedrock'
  | 'mistral'
  | 'cohere'
  | 'groq'
  | 'ollama'
  | 'huggingface'
  | 'azure-inference'
  | 'fetch';

/** Parameter conventions of one request shape; rules key provider-specific wording on it. */
export type ApiFamily =
  | 'openai-chat'
  | 'openai-responses'
  | 'openai-completions'
  | 'anthropic-messages'
  | 'ai-sdk'
  | 'gemini'
  | 'gemini-legacy'
  | 'langchain'
  | 'bedrock-converse'
  | 'bedrock-invoke'
  | 'mistral'
  | 'cohere-v2'
  | 'cohere-v1'
  | 'groq'
  | 'ollama-chat'
  | 'ollama-generate'
  | 'hf-chat'
  | 'azure-inference-chat'
  | 'hf-text-generation';

/** How often a dynamic prompt part changes; drives no-dynamic-prompt-prefix. */
export type ChangeRate = 'constant' | 'deploy' | 'day' | 'user' | 'request' | 'unknown';

export type PromptPart =
  | { kind: 'text'; text: string }
  | {
      kind: 'dynamic';
      /** File the expression is written in (an imported prompt may live elsewhere). */
      file: string;
      range: Range;
      /** Source text of the expression, e.g. `user.name`. */
      source: string;
      rate: ChangeRate;
      /** Short human label, e.g. "new Date()" or "request data". */
      label: string;
    };

/** How a prompt's text is written in source, so a rewrite can be emitted back. */
export interface PromptLiteral {
  /** Range of the literal (or tagged template) in `file`. */
  range: Range;
  file: string;
  quote: "'" | '"' | '`';
  /** A dedent-style tag (`dedent`, `stripIndent`, `outdent`…) strips common indentation at runtime. */
  tag?: string;
  /** `.trim()` applied to the literal at runtime. */
  trimmed?: boolean;
}

export interface Prompt {
  parts: PromptPart[];
  /** Range of the expression at the call site that produced the prompt. */
  range: Range;
  /** Present when the whole prompt comes from one literal that can be rewritten in place. */
  literal?: PromptLiteral;
}

/** The slot a prompt occupies in what providers cache as the prefix. */
export type PromptSlot = 'tools' | 'system' | 'message';

export interface PromptSegment {
  slot: PromptSlot;
  /** e.g. "system", "user", "instructions", "tools". */
  role: string;
  prompt: Resolved<Prompt>;
}

/** A place where a missing parameter can be inserted. */
export interface ObjectSpan {
  /** Range of `{ … }`. */
  range: Range;
  /** Offset right after the last property (or after `{` when empty). */
  insertAt: number;
  hasProperties: boolean;
  /** Whether the last property is followed by a comma. */
  trailingComma: boolean;
  multiline: boolean;
  /** Indentation of the properties when multiline. */
  indent: string;
}

export interface ParamInsertion {
  /** Object the parameter goes into. */
  object: ObjectSpan;
  /** Key path to create inside it, e.g. ['config', 'maxOutputTokens'] when `config` is missing. */
  path: string[];
  /** What the object is: the request itself, client/model settings, or per-call options. */
  layer: 'request' | 'settings' | 'call-options';
}

export type Tristate = 'yes' | 'no' | 'unknown';

export interface CallSite {
  provider: ProviderId;
  family: ApiFamily;
  /** e.g. `chat.completions.create`, `generateText`, `ConverseCommand`. */
  api: string;
  /** npm package the call comes from (`openai`, `ai`, `@langchain/anthropic`…); undefined for raw HTTP. */
  sdk?: string;
  /** Provider behind the model when known beyond the SDK (AI SDK `anthropic('…')`, LangChain `ChatAnthropic`). */
  modelVendor?: string;
  /** Static base URL of an OpenAI-compatible client or raw request. */
  baseURL?: string;
  /** Whole call expression. */
  range: Range;
  /** Callee expression start to end: where findings point. */
  calleeRange: Range;
  model: Resolved<string>;
  outputCap: Resolved<number | null> & { param?: string };
  stop: Resolved<null> & { param?: string };
  /** Name of the cap parameter for this API (what a fix would insert). */
  capParam: string;
  /** Where a cap would be inserted; undefined when no safe spot exists. */
  capInsertion?: ParamInsertion;
  /** Stop parameter name, or null when the API has none (OpenAI Responses). */
  stopParam: string | null;
  stopInsertion?: ParamInsertion;
  /** Structured output (JSON schema, JSON mode, forced tool call). */
  structured: Tristate;
  streaming: Tristate;
  system: Resolved<Prompt>;
  /** Everything sent in prefix order: tools, system/instructions, messages. */
  segments: PromptSegment[];
}

// ---- Findings and results --------------------------------------------------------------

export interface Edit {
  range: Range;
  text: string;
}

export interface Suggestion {
  messageId: string;
  data?: Record<string, string | number>;
  edits: Edit[];
}

export interface Finding {
  messageId: string;
  data?: Record<string, string | number>;
  range: Range;
  /** Applied by --fix. */
  fix?: Edit[];
  suggestions?: Suggestion[];
  /** Extra machine-readable fields added to the JSON message (token counts, dollar deltas…). */
  extra?: Record<string, unknown>;
}

export type Severity = 0 | 1 | 2;
export type SeverityName = 'off' | 'warn' | 'error';

/** One message, exactly ESLint's JSON formatter shape plus optional added fields. */
export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: true;
  fix?: { range: [number, number]; text: string };
  suggestions?: Array<{ desc: string; messageId?: string; fix: { range: [number, number]; text: string } }>;
  [extra: string]: unknown;
}

export interface LintResult {
  /** Absolute path. */
  filePath: string;
  messages: LintMessage[];
  suppressedMessages?: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Source text, kept for code frames; omitted from JSON output. */
  source?: string;
}
