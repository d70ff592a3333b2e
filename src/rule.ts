import type { CallSite, Finding, SeverityName } from './model.js';

/** A JSON Schema subset, enough to validate rule options and config (see src/engine/schema.ts). */
export interface JsonSchema {
  type?: 'object' | 'integer' | 'number' | 'string' | 'boolean' | 'array';
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
  items?: JsonSchema;
  enum?: readonly (string | number | boolean)[];
  minimum?: number;
  maximum?: number;
  description?: string;
  default?: unknown;
}

export interface RuleMeta<Options> {
  type: 'problem' | 'suggestion';
  /** One line; equals the description line of rules/<id>.md. */
  description: string;
  /** In the `recommended` preset. Every rule is in `all`. */
  recommended: boolean;
  defaultSeverity: Exclude<SeverityName, 'off'>;
  /** `safe`: edits applied by --fix; `suggestion`: only by --fix-suggestions; `both`: some of each. */
  fix: 'none' | 'safe' | 'suggestion' | 'both';
  /** ESLint-style `{{name}}` placeholders. */
  messages: Record<string, string>;
  options: JsonSchema;
  defaultOptions: Options;
  /** Options used by the `all` preset when they differ from the defaults. */
  allOptions?: Partial<Options>;
}

export interface Pricing {
  /** Dollars per million tokens. */
  input: number;
  output: number;
  cacheRead?: number;
}

export interface Settings {
  /** Model assumed when a call's model cannot be resolved. */
  defaultModel?: string;
  /** Expected calls per day for this file's call sites (resolved from the config's `traffic`). */
  callsPerDay?: number;
  /** Per-model price overrides, keyed by model id or prefix. */
  pricing?: Record<string, Pricing>;
}

export interface RuleContext<Options> {
  options: Options;
  settings: Settings;
  /** Path of the file being linted, as given to the engine. */
  file: string;
  text: string;
  /** Major versions of the SDKs the nearest package.json declares, e.g. { ai: 4 }. */
  sdkMajors: Readonly<Record<string, number>>;
}

export interface Rule<Options = Record<string, unknown>> {
  id: string;
  meta: RuleMeta<Options>;
  /** Yields findings for one call site; never throws on odd input, never does I/O. */
  check(site: CallSite, context: RuleContext<Options>): Iterable<Finding>;
}

export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

export const DOCS_BASE = 'https://github.com/promptlint/promptlint/blob/main/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
