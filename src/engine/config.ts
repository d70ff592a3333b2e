import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Severity } from '../model.js';
import type { JsonSchema, Pricing, Rule } from '../rule.js';
import { globToRegExp, matchGlob } from './glob.js';
import { presetRules, type PresetName, type RuleSetting } from './presets.js';
import { applyDefaults, describeValue, isPlainObject, joinPath, validate, type SchemaNode } from './schema.js';

export type { RuleSetting } from './presets.js';

/** A one-line, user-facing message; the CLI prints it and exits 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ConfigSettings {
  defaultModel?: string;
  pricing?: Record<string, Pricing>;
  traffic?: number | Record<string, number>;
}

export interface ResolvedConfig {
  /** Enabled rules only. */
  rules: Map<string, RuleSetting>;
  /** Globs relative to `baseDir`, as written; `!glob` re-includes. */
  ignores: string[];
  settings: ConfigSettings;
  /** Absolute path of the file used. */
  configFile?: string;
  /** Directory the globs are relative to. */
  baseDir: string;
}

export interface ConfigOptions {
  /** --config: used for every file, no lookup. */
  configFile?: string;
  /** --no-config-lookup: preset and --rule only. */
  noConfigLookup?: boolean;
  /** --rule 'id: severity' or 'id: [severity, {…}]', applied last. */
  ruleOverrides?: string[];
  /** --preset: replaces the config file's `extends`. */
  preset?: PresetName;
  /** Resolves --config and shortens paths in messages; defaults to process.cwd(). */
  cwd?: string;
}

/** Looked up in this order in each directory, from the linted file's directory upward. */
export const CONFIG_FILE_NAMES = ['promptlint.config.json', '.promptlintrc.json', 'package.json'] as const;

const PRESET_PREFIX = 'promptlint:';
const SEVERITY_WORDS: Record<string, Severity> = { off: 0, warn: 1, error: 2 };
const SEVERITY_EXPECTED = 'a severity ("off", "warn", "error", 0, 1, 2)';
/** Key of `settings.traffic` used when no glob matches. */
export const TRAFFIC_DEFAULT_KEY = 'default';

const nonNegative: SchemaNode = { type: 'number', minimum: 0 };
const pricingSchema: SchemaNode = {
  type: 'object',
  properties: { input: nonNegative, output: nonNegative, cacheRead: nonNegative },
  required: ['input', 'output'],
};
// `rules` and `settings.traffic` take more than one shape; they are checked by hand after this.
const configSchema: SchemaNode = {
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    extends: { enum: [`${PRESET_PREFIX}recommended`, `${PRESET_PREFIX}all`] },
    ignores: { type: 'array', items: { type: 'string', minLength: 1 } },
    rules: { type: 'object', additionalProperties: true },
    settings: {
      type: 'object',
      properties: {
        defaultModel: { type: 'string', minLength: 1 },
        traffic: {},
        pricing: { type: 'object', additionalProperties: pricingSchema },
      },
    },
  },
};

type Entry = { severity: Severity; options?: Record<string, unknown> };

export class ConfigLoader {
  readonly #rules: ReadonlyMap<string, Rule<any>>;
  readonly #options: ConfigOptions;
  readonly #cwd: string;
  /** Directory → config file that applies to it (null: none up to the root). */
  readonly #lookups = new Map<string, string | null>();
  /** Config file (null: no file) → resolved config, or the error it produced. */
  readonly #resolved = new Map<string | null, ResolvedConfig | ConfigError>();
  #overrides: Array<[string, Entry]> | undefined;

  constructor(rules: readonly Rule<any>[], options: ConfigOptions = {}) {
    this.#rules = new Map(rules.map((rule) => [rule.id, rule]));
    this.#options = options;
    this.#cwd = options.cwd ?? process.cwd();
  }

  forFile(absPath: string): ResolvedConfig {
    const { configFile, noConfigLookup } = this.#options;
    const file = configFile
      ? resolve(this.#cwd, configFile)
      : noConfigLookup
        ? null
        : this.#lookup(dirname(absPath));
    let result = this.#resolved.get(file);
    if (!result) {
      try {
        result = this.#resolve(file);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        result = error;
      }
      this.#resolved.set(file, result);
    }
    if (result instanceof ConfigError) throw result;
    return result;
  }

  trafficFor(config: ResolvedConfig, absPath: string): number | undefined {
    const traffic = config.settings.traffic;
    if (traffic === undefined || typeof traffic === 'number') return traffic;
    const rel = relativeInside(config.baseDir, absPath);
    if (rel !== undefined) {
      for (const [glob, calls] of Object.entries(traffic)) {
        if (glob !== TRAFFIC_DEFAULT_KEY && matchGlob(glob, rel)) return calls;
      }
    }
    return traffic[TRAFFIC_DEFAULT_KEY];
  }

  /** gitignore-like: a pattern matching a parent directory ignores what is inside; the last matching pattern wins. */
  isIgnored(config: ResolvedConfig, absPath: string): boolean {
    const rel = relativeInside(config.baseDir, absPath);
    if (rel === undefined) return false;
    const segments = rel.split('/');
    const ancestors = segments.slice(1).map((_, i) => segments.slice(0, i + 1).join('/'));
    let ignored = false;
    for (const pattern of config.ignores) {
      const negated = pattern.startsWith('!');
      let glob = negated ? pattern.slice(1) : pattern;
      const directoryOnly = glob.endsWith('/');
      glob = glob.replace(/\/+$/, '');
      const hit = ancestors.some((dir) => matchGlob(glob, dir)) || (!directoryOnly && matchGlob(glob, rel));
      if (hit) ignored = !negated;
    }
    return ignored;
  }

  #lookup(startDir: string): string | null {
    const visited: string[] = [];
    let found: string | null | undefined;
    for (let dir = startDir; ; ) {
      found = this.#lookups.get(dir);
      if (found !== undefined) break;
      visited.push(dir);
      found = findConfigIn(dir);
      if (found !== null) break;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const dir of visited) this.#lookups.set(dir, found);
    return found;
  }

  #resolve(file: string | null): ResolvedConfig {
    const overrides = (this.#overrides ??= (this.#options.ruleOverrides ?? []).map((spec) => this.#parseOverride(spec)));
    if (file === null) {
      const rules = this.#merge(this.#options.preset ?? 'recommended', [], overrides);
      return { rules, ignores: [], settings: {}, baseDir: this.#cwd };
    }

    const label = this.#display(file);
    const raw = this.#readConfig(file, label);
    const inPackageJson = basename(file) === 'package.json';
    const root = inPackageJson ? 'promptlint' : '';
    const fail = (message: string): never => {
      throw new ConfigError(`${label}: ${message}`);
    };

    const errors = validate(raw, configSchema, root);
    if (errors[0]) fail(root === '' && !isPlainObject(raw) ? `top level: ${errors[0]}` : errors[0]);
    const config = raw as Record<string, unknown>;
    const rulesPath = joinPath(root, 'rules');
    const fileEntries = Object.entries((config.rules ?? {}) as Record<string, unknown>).map(([id, value]): [string, Entry] => {
      const path = joinPath(rulesPath, id);
      const rule = this.#rules.get(id);
      if (!rule) fail(`${path}: unknown rule (known: ${this.#knownIds()})`);
      const entry = parseEntry(value, rule!, path);
      if (typeof entry === 'string') fail(entry);
      return [id, entry as Entry];
    });

    const settingsIn = (config.settings ?? {}) as Record<string, unknown>;
    const settingsPath = joinPath(root, 'settings');
    const settings: ConfigSettings = {};
    if (settingsIn.defaultModel !== undefined) settings.defaultModel = settingsIn.defaultModel as string;
    if (settingsIn.traffic !== undefined) {
      const problem = checkTraffic(settingsIn.traffic, joinPath(settingsPath, 'traffic'));
      if (problem) fail(problem);
      settings.traffic = structuredClone(settingsIn.traffic as number | Record<string, number>);
    }
    if (settingsIn.pricing !== undefined) settings.pricing = structuredClone(settingsIn.pricing as Record<string, Pricing>);

    const ignores = (config.ignores ?? []) as string[];
    ignores.forEach((glob, i) => {
      const problem = checkGlob(glob.replace(/^!/, ''), `${joinPath(root, 'ignores')}[${i}]`);
      if (problem) fail(problem);
    });

    const extendsName = config.extends as string | undefined;
    const preset = this.#options.preset ?? ((extendsName?.slice(PRESET_PREFIX.length) as PresetName | undefined) ?? 'recommended');
    const rules = this.#merge(preset, fileEntries, overrides);
    return { rules, ignores: [...ignores], settings, configFile: file, baseDir: dirname(file) };
  }

  /** Severity alone keeps the options already in effect (ESLint's rule); `[severity, options]` replaces them. */
  #merge(preset: PresetName, ...layers: Array<Array<[string, Entry]>>): Map<string, RuleSetting> {
    const current = new Map<string, { severity: Severity; options: Record<string, unknown> }>(presetRules([...this.#rules.values()], preset));
    for (const layer of layers) {
      for (const [id, entry] of layer) {
        const rule = this.#rules.get(id)!;
        const options = entry.options ?? current.get(id)?.options ?? defaultOptionsOf(rule);
        current.set(id, { severity: entry.severity, options });
      }
    }
    const enabled = new Map<string, RuleSetting>();
    for (const id of [...current.keys()].sort()) {
      const { severity, options } = current.get(id)!;
      if (severity !== 0) enabled.set(id, { severity, options });
    }
    return enabled;
  }

  #parseOverride(spec: string): [string, Entry] {
    const fail = (message: string): never => {
      throw new ConfigError(`--rule: ${message}`);
    };
    const colon = spec.indexOf(':');
    const id = spec.slice(0, Math.max(colon, 0)).trim();
    const value = spec.slice(colon + 1).trim();
    if (colon < 0 || id === '' || value === '') {
      fail(`expected 'rule-id: severity' or 'rule-id: [severity, {options}]', got ${JSON.stringify(spec)}`);
    }
    const rule = this.#rules.get(id);
    if (!rule) fail(`${joinPath('', id)}: unknown rule (known: ${this.#knownIds()})`);
    let parsed: unknown = value;
    if (!Object.hasOwn(SEVERITY_WORDS, value)) {
      try {
        parsed = JSON.parse(value);
      } catch {
        fail(`${joinPath('', id)}: expected a severity word or JSON after the colon, got ${JSON.stringify(value)}`);
      }
    }
    const entry = parseEntry(parsed, rule!, joinPath('', id));
    if (typeof entry === 'string') fail(entry);
    return [id, entry as Entry];
  }

  #readConfig(file: string, label: string): unknown {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error));
      const prefix = this.#options.configFile ? '--config: ' : '';
      throw new ConfigError(`${prefix}cannot read ${label}: ${why}`);
    }
    const parsed = parseJson(text, label);
    if (basename(file) !== 'package.json') return parsed;
    if (!isPlainObject(parsed) || parsed.promptlint === undefined) {
      throw new ConfigError(`${label}: has no "promptlint" key`);
    }
    return parsed.promptlint;
  }

  #display(file: string): string {
    const rel = relative(this.#cwd, file);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  }

  #knownIds(): string {
    return [...this.#rules.keys()].sort().join(', ') || 'none';
  }
}

function findConfigIn(dir: string): string | null {
  for (const name of CONFIG_FILE_NAMES) {
    const file = join(dir, name);
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
    if (name === 'package.json' && !hasPromptlintKey(file)) continue;
    return file;
  }
  return null;
}

function hasPromptlintKey(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  try {
    const parsed: unknown = JSON.parse(stripBom(text));
    return isPlainObject(parsed) && parsed.promptlint !== undefined;
  } catch {
    // A broken package.json is only ours to report when it seems to hold our key.
    return /"promptlint"\s*:/.test(text);
  }
}

function parseEntry(value: unknown, rule: Rule<any>, path: string): Entry | string {
  const severity = toSeverity(value);
  if (severity !== undefined) return { severity };
  if (!Array.isArray(value)) return `${path}: expected ${SEVERITY_EXPECTED} or [severity, options], got ${describeValue(value)}`;
  if (value.length < 1 || value.length > 2) {
    return `${path}: expected [severity] or [severity, options], got an array of ${value.length} items`;
  }
  const first = toSeverity(value[0]);
  if (first === undefined) return `${path}[0]: expected ${SEVERITY_EXPECTED}, got ${describeValue(value[0])}`;
  if (value.length === 1) return { severity: first };
  const errors = validate(value[1], rule.meta.options, `${path}[1]`);
  if (errors[0]) return errors[0];
  return { severity: first, options: applyDefaults(value[1], rule.meta.options, rule.meta.defaultOptions as Record<string, unknown>) };
}

function toSeverity(value: unknown): Severity | undefined {
  if (typeof value === 'string' && Object.hasOwn(SEVERITY_WORDS, value)) return SEVERITY_WORDS[value];
  if (value === 0 || value === 1 || value === 2) return value;
  return undefined;
}

function defaultOptionsOf(rule: Rule<any>): Record<string, unknown> {
  return applyDefaults({}, rule.meta.options, rule.meta.defaultOptions as Record<string, unknown>);
}

function checkTraffic(traffic: unknown, path: string): string | undefined {
  if (typeof traffic === 'number') {
    return traffic >= 0 ? undefined : `${path}: expected number >= 0, got ${traffic}`;
  }
  if (!isPlainObject(traffic)) {
    return `${path}: expected number >= 0 or an object of glob → number >= 0, got ${describeValue(traffic)}`;
  }
  for (const [glob, calls] of Object.entries(traffic)) {
    const keyPath = joinPath(path, glob);
    if (glob !== TRAFFIC_DEFAULT_KEY) {
      const problem = checkGlob(glob, keyPath);
      if (problem) return problem;
    }
    if (typeof calls !== 'number' || calls < 0) return `${keyPath}: expected number >= 0, got ${describeValue(calls)}`;
  }
  return undefined;
}

function checkGlob(glob: string, path: string): string | undefined {
  if (glob === '') return `${path}: expected a non-empty glob`;
  try {
    globToRegExp(glob);
    return undefined;
  } catch (error) {
    return `${path}: invalid glob: ${(error as Error).message}`;
  }
}

/** Path of `absPath` inside `baseDir` with `/` separators, or undefined when outside it. */
function relativeInside(baseDir: string, absPath: string): string | undefined {
  const rel = relative(baseDir, absPath);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseJson(text: string, label: string): unknown {
  const body = stripBom(text);
  try {
    return JSON.parse(body);
  } catch (error) {
    const located = locateJsonError(body);
    if (!located) throw new ConfigError(`${label}: invalid JSON: ${(error as Error).message}`);
    const before = body.slice(0, located.offset);
    const line = before.split('\n').length;
    const column = located.offset - (before.lastIndexOf('\n') + 1) + 1;
    throw new ConfigError(`${label}:${line}:${column}: invalid JSON: ${located.reason}`);
  }
}

/** V8's JSON errors do not always carry a position, so a strict scan finds the first offending offset. */
export function locateJsonError(text: string): { offset: number; reason: string } | undefined {
  class Stop {
    constructor(
      readonly offset: number,
      readonly reason: string,
    ) {}
  }
  let i = 0;
  const fail = (reason: string, offset = i): never => {
    throw new Stop(offset, reason);
  };
  const got = () => (i >= text.length ? 'end of file' : JSON.stringify(text[i]));
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = () => {
    const start = i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const ch = text[i]!;
      if (ch === '"') break;
      if (ch < ' ') fail('unescaped control character in string');
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape in string');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail('bad escape in string');
      }
      i++;
    }
    i++;
  };
  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      skipSpace();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (close === '}') {
          skipSpace();
          if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma is not allowed' : `expected a double-quoted property name, got ${got()}`);
          string();
          skipSpace();
          if (text[i] !== ':') fail(`expected ':' after property name, got ${got()}`);
          i++;
        }
        value();
        skipSpace();
        if (text[i] === close) {
          i++;
          return;
        }
        if (text[i] !== ',') fail(`expected ',' or '${close}', got ${got()}`);
        i++;
        if (close === ']') {
          skipSpace();
          if (text[i] === ']') fail('trailing comma is not allowed');
        }
      }
    }
    if (ch === '"') return string();
    const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
    literal.lastIndex = i;
    if (literal.test(text)) {
      i = literal.lastIndex;
      return;
    }
    fail(`unexpected ${got()}`);
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail('unexpected content after the JSON value');
  } catch (stop) {
    if (stop instanceof Stop) return { offset: stop.offset, reason: stop.reason };
    throw stop;
  }
  return undefined;
}

// ---- Output for --print-config and schema.json ----

export function printConfig(config: ResolvedConfig): string {
  const rules: Record<string, [string, Record<string, unknown>]> = {};
  for (const id of [...config.rules.keys()].sort()) {
    const { severity, options } = config.rules.get(id)!;
    rules[id] = [severity === 2 ? 'error' : 'warn', options];
  }
  const { defaultModel, traffic, pricing } = config.settings;
  return JSON.stringify({ rules, ignores: config.ignores, settings: { defaultModel, traffic, pricing } }, null, 2);
}

/** Draft-07 schema of the config file, from the rules' metadata; committed as schema.json. */
export function configJsonSchema(rules: readonly Rule<any>[]): Record<string, unknown> {
  const severity = { $ref: '#/definitions/severity' };
  const ruleProperties: Record<string, unknown> = {};
  for (const rule of [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const options = toDraft07(rule.meta.options) as Record<string, unknown>;
    const defaults = rule.meta.defaultOptions as Record<string, unknown>;
    const properties = options.properties as Record<string, Record<string, unknown>> | undefined;
    for (const [key, property] of Object.entries(properties ?? {})) {
      if (property.default === undefined && isPlainObject(defaults) && defaults[key] !== undefined) property.default = defaults[key];
    }
    ruleProperties[rule.id] = {
      description: rule.meta.description,
      anyOf: [severity, { type: 'array', items: [severity, options], minItems: 1, additionalItems: false }],
    };
  }
  const nonNegativeNumber = { type: 'number', minimum: 0 };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'promptlint configuration',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      extends: {
        description: 'Preset the rules below are applied over. Default: promptlint:recommended.',
        enum: [`${PRESET_PREFIX}recommended`, `${PRESET_PREFIX}all`],
      },
      ignores: {
        description: 'Globs of files not to lint, relative to this file\'s directory. A pattern matching a directory ignores its contents; "!glob" re-includes.',
        type: 'array',
        items: { type: 'string', minLength: 1 },
      },
      rules: {
        description: 'Rule id → severity, or [severity, options]. Options are merged over the rule\'s defaults.',
        type: 'object',
        properties: ruleProperties,
        additionalProperties: false,
      },
      settings: {
        type: 'object',
        properties: {
          defaultModel: { description: 'Model assumed when a call\'s model cannot be resolved.', type: 'string', minLength: 1 },
          traffic: {
            description: `Expected calls per day: one number for every call site, or globs (relative to this file's directory) → number; the first matching glob wins, "${TRAFFIC_DEFAULT_KEY}" applies when none matches.`,
            anyOf: [nonNegativeNumber, { type: 'object', additionalProperties: nonNegativeNumber }],
          },
          pricing: {
            description: 'Price overrides in dollars per million tokens, keyed by model id or prefix.',
            type: 'object',
            additionalProperties: {
              type: 'object',
              properties: { input: nonNegativeNumber, output: nonNegativeNumber, cacheRead: nonNegativeNumber },
              required: ['input', 'output'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
    definitions: { severity: { enum: ['off', 'warn', 'error', 0, 1, 2] } },
  };
}

/** Makes the closed-object convention of src/engine/schema.ts explicit for standard validators. */
function toDraft07(schema: JsonSchema): unknown {
  const out: Record<string, unknown> = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, toDraft07(value)]));
    if (schema.additionalProperties === undefined) out.additionalProperties = false;
  }
  if (schema.items) out.items = toDraft07(schema.items);
  return out;
}
