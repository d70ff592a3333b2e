import { isAbsolute, relative, sep } from 'node:path';
import { TRAFFIC_DEFAULT_KEY } from '../src/engine/config.js';
import { globToRegExp, matchGlob } from '../src/engine/glob.js';
import { describeValue, isPlainObject, joinPath, validate, type SchemaNode } from '../src/engine/schema.js';
import type { Pricing, Settings } from '../src/rule.js';

// `settings.promptlint` in an ESLint config takes the same keys as the `settings` of a promptlint
// config file; `traffic` globs are relative to ESLint's cwd instead of the config file's folder.

export interface PluginSettings {
  defaultModel?: string;
  pricing?: Record<string, Pricing>;
  traffic?: number | Record<string, number>;
}

const SETTINGS_PATH = 'settings.promptlint';
const nonNegative: SchemaNode = { type: 'number', minimum: 0 };
const settingsSchema: SchemaNode = {
  type: 'object',
  properties: {
    defaultModel: { type: 'string', minLength: 1 },
    pricing: {
      type: 'object',
      additionalProperties: { type: 'object', properties: { input: nonNegative, output: nonNegative, cacheRead: nonNegative }, required: ['input', 'output'] },
    },
    traffic: {},
  },
};

const checked = new WeakMap<object, PluginSettings>();

/** Throws on a malformed `settings.promptlint`, as ESLint does for a bad rule option. */
export function readPluginSettings(settings: Readonly<Record<string, unknown>> | undefined): PluginSettings {
  const raw = settings?.promptlint;
  if (raw === undefined) return {};
  if (isPlainObject(raw)) {
    const cached = checked.get(raw);
    if (cached) return cached;
  }
  const problem = validate(raw, settingsSchema, SETTINGS_PATH)[0] ?? (isPlainObject(raw) ? checkTraffic(raw.traffic) : undefined);
  if (problem) throw new Error(`promptlint: invalid ${problem}`);
  const parsed = raw as PluginSettings;
  checked.set(parsed, parsed);
  return parsed;
}

function checkTraffic(traffic: unknown): string | undefined {
  const path = joinPath(SETTINGS_PATH, 'traffic');
  if (traffic === undefined) return undefined;
  if (typeof traffic === 'number') return traffic >= 0 ? undefined : `${path}: expected number >= 0, got ${traffic}`;
  if (!isPlainObject(traffic)) return `${path}: expected number >= 0 or an object of glob → number >= 0, got ${describeValue(traffic)}`;
  for (const [glob, calls] of Object.entries(traffic)) {
    const keyPath = joinPath(path, glob);
    if (glob !== TRAFFIC_DEFAULT_KEY) {
      try {
        globToRegExp(glob);
      } catch (error) {
        return `${keyPath}: invalid glob: ${(error as Error).message}`;
      }
    }
    if (typeof calls !== 'number' || calls < 0) return `${keyPath}: expected number >= 0, got ${describeValue(calls)}`;
  }
  return undefined;
}

/** The engine's per-file settings: the first `traffic` glob matching the file wins, else `default`. */
export function settingsForFile(settings: PluginSettings, cwd: string, file: string): Settings {
  const out: Settings = {};
  if (settings.defaultModel !== undefined) out.defaultModel = settings.defaultModel;
  if (settings.pricing !== undefined) out.pricing = settings.pricing;
  const calls = trafficFor(settings.traffic, cwd, file);
  if (calls !== undefined) out.callsPerDay = calls;
  return out;
}

function trafficFor(traffic: PluginSettings['traffic'], cwd: string, file: string): number | undefined {
  if (traffic === undefined || typeof traffic === 'number') return traffic;
  const rel = relative(cwd, file);
  if (rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) {
    const path = sep === '/' ? rel : rel.split(sep).join('/');
    for (const [glob, calls] of Object.entries(traffic)) {
      if (glob !== TRAFFIC_DEFAULT_KEY && matchGlob(glob, path)) return calls;
    }
  }
  return traffic[TRAFFIC_DEFAULT_KEY];
}
