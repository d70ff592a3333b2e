import { readFileSync } from 'node:fs';
import type { Pricing } from '../rule.js';
import { bareModelId } from './count.js';

export interface PriceRow extends Pricing {
  id: string;
  /** Model ids (lowercase) this row prices; dated snapshots of them match too. */
  match: string[];
  date: string;
  source: string;
}

export interface PriceTable {
  version: string;
  models: PriceRow[];
}

export type ModelPrice = Pricing & { model: string; source?: string; date?: string };

let table: PriceTable | undefined;

export function loadPriceTable(): PriceTable {
  if (table === undefined) {
    // Compiled code runs from dist/src/tokens/; the data file stays at the package root.
    const depth = new URL('.', import.meta.url).pathname.endsWith('/dist/src/tokens/') ? '../../../' : '../../';
    const raw = readFileSync(new URL(`${depth}pricing/prices.json`, import.meta.url), 'utf8');
    table = JSON.parse(raw) as PriceTable;
  }
  return table;
}

// What may follow a family id and still be the same model: release dates, `-latest`, Bedrock's
// `-v1:0`, Vertex's `@20250929`, OpenAI's `-0613`. A word such as `-mini` makes a different model.
const SNAPSHOT_SUFFIX = /^(?:-\d{8}|-\d{4}-\d{2}-\d{2}|-\d{3,4}|@\d{8}|@latest|-latest|-v\d+(?::\d+)?|:\d+)+$/;

export function normalizeModelId(model: string): string {
  let id = bareModelId(model);
  const bedrock = /^(?:[a-z]{2,4}\.)?(?:anthropic|meta|amazon|mistral|cohere|ai21|deepseek|openai)\.(.+)$/.exec(id);
  if (bedrock?.[1]) id = bedrock[1];
  return id;
}

function matches(id: string, key: string): boolean {
  return id === key || (id.startsWith(key) && SNAPSHOT_SUFFIX.test(id.slice(key.length)));
}

function findInTable(id: string, rows: PriceRow[]): PriceRow | undefined {
  let best: PriceRow | undefined;
  let bestLength = -1;
  for (const row of rows) {
    for (const key of row.match) {
      if (key.length > bestLength && matches(id, key)) {
        best = row;
        bestLength = key.length;
      }
    }
  }
  return best;
}

function findOverride(
  id: string,
  overrides: Record<string, Pricing>,
  exactOnly: boolean,
): { key: string; pricing: Pricing } | undefined {
  let found: { key: string; pricing: Pricing } | undefined;
  for (const [rawKey, pricing] of Object.entries(overrides)) {
    const key = normalizeModelId(rawKey);
    const hit = exactOnly ? matches(id, key) : id.startsWith(key);
    if (hit && (found === undefined || key.length > found.key.length)) found = { key, pricing };
  }
  return found;
}

/**
 * Overrides win when they name the model (or a dated snapshot of it); the table comes next; a
 * plain-prefix override ("gpt-4" for every gpt-4 variant) applies last, so it cannot shadow a row
 * that names the model exactly. Unknown models get no price: never an invented one.
 */
export function priceFor(model: string | undefined, overrides?: Record<string, Pricing>): ModelPrice | undefined {
  if (model === undefined || model.trim() === '') return undefined;
  const id = normalizeModelId(model);
  if (overrides) {
    const exact = findOverride(id, overrides, true);
    if (exact) return { ...exact.pricing, model: exact.key, source: 'config' };
  }
  const row = findInTable(id, loadPriceTable().models);
  if (row) {
    const price: ModelPrice = { input: row.input, output: row.output, model: row.id, source: row.source, date: row.date };
    if (row.cacheRead !== undefined) price.cacheRead = row.cacheRead;
    return price;
  }
  if (overrides) {
    const prefix = findOverride(id, overrides, false);
    if (prefix) return { ...prefix.pricing, model: prefix.key, source: 'config' };
  }
  return undefined;
}

/** Dollars saved on input over `calls` calls (pass 1000 when traffic is unknown). */
export function dollarDelta(tokensSaved: number, pricing: Pricing, calls: number): number {
  return (tokensSaved * pricing.input * calls) / 1_000_000;
}
