import { relative, sep } from 'node:path';
import type ts from '#typescript';
import { promptText } from '../callsites/prompt.js';
import type { CallSite, ValueState } from '../model.js';
import { countTokens, encodingForModel } from '../tokens/count.js';
import { type ScanOptions, scanProject } from './project.js';

// The `inventory` JSON is a public contract (issue 3): field names, order and meanings are fixed.

export interface InventoryCallSite {
  file: string;
  line: number;
  column: number;
  provider: string;
  api: string;
  model: { state: ValueState; value?: string };
  outputCap: { state: ValueState; param?: string; value?: number | null };
  stop: { state: ValueState; param?: string };
  system: { state: ValueState; tokens?: number };
}

export interface InventoryReport {
  version: 1;
  callSites: InventoryCallSite[];
  errors: Array<{ file: string; message: string }>;
}

export interface InventoryOptions extends ScanOptions {
  /** Model assumed for token counts when a call's own model is unknown. */
  defaultModel?: string;
}

export async function runInventory(paths: string[], options: InventoryOptions): Promise<InventoryReport> {
  const callSites: InventoryCallSite[] = [];
  const errors: InventoryReport['errors'] = [];
  const display = (file: string): string => relative(options.cwd, file).split(sep).join('/');
  const { problems } = scanProject(paths, options, (scanned) => {
    for (const problem of scanned.syntaxErrors) {
      errors.push({ file: display(problem.file), message: `${problem.line}:${problem.column} ${problem.message}` });
    }
    for (const site of scanned.sites) callSites.push(toInventory(site, display(scanned.file), scanned.sourceFile, options.defaultModel));
  });
  for (const problem of problems) errors.push({ file: display(problem.file), message: problem.message });
  callSites.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { version: 1, callSites, errors };
}

export function toInventory(site: CallSite, file: string, sourceFile: ts.SourceFile, defaultModel?: string): InventoryCallSite {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(site.calleeRange[0]);
  const model: InventoryCallSite['model'] = { state: site.model.state };
  if (site.model.state === 'present' && site.model.value !== undefined) model.value = site.model.value;
  const outputCap: InventoryCallSite['outputCap'] = { state: site.outputCap.state };
  if (site.outputCap.param) outputCap.param = site.outputCap.param;
  if (site.outputCap.state === 'present') outputCap.value = site.outputCap.value ?? null;
  const stop: InventoryCallSite['stop'] = { state: site.stop.state };
  if (site.stop.param) stop.param = site.stop.param;
  const system: InventoryCallSite['system'] = { state: site.system.state };
  if (site.system.state === 'present' && site.system.value) {
    const text = promptText(site.system.value);
    const modelId = site.model.state === 'present' ? site.model.value : undefined;
    system.tokens = text ? countTokens(text, encodingForModel(modelId ?? defaultModel).encoding) : 0;
  }
  return { file, line: line + 1, column: character + 1, provider: site.provider, api: site.api, model, outputCap, stop, system };
}
