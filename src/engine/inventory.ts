import { relative, sep } from 'node:path';
import type ts from '#typescript';
import { promptText } from '../callsites/prompt.js';
import type { CallSite, ValueState } from '../model.js';
import { countTokens, encodingForModel } from '../tokens/count.js';
import { ProjectModules } from './modules.js';
import { analyzeFile, DEFAULT_MAX_FILE_SIZE, planScan, type ScanOptions } from './project.js';

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

interface FileInventory {
  callSites: InventoryCallSite[];
  errors: InventoryReport['errors'];
}

export async function runInventory(paths: string[], options: InventoryOptions): Promise<InventoryReport> {
  const modules = new ProjectModules(options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  const plan = planScan(paths, options, modules);
  const perFile = plan.toAnalyze.map((job) => inventoryOfFile(job, modules, options));

  const callSites = perFile.flatMap((file) => file.callSites);
  const errors = perFile.flatMap((file) => file.errors);
  for (const problem of plan.problems) errors.push({ file: displayPath(options.cwd, problem.file), message: problem.message });
  callSites.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { version: 1, callSites, errors };
}

/** One planned file's entries. */
function inventoryOfFile(job: { file: string; text: string }, modules: ProjectModules, settings: InventoryOptions): FileInventory {
  const { scanned, problem } = analyzeFile(job.file, job.text, modules);
  const file = displayPath(settings.cwd, job.file);
  const errors = scanned.syntaxErrors.map((error) => ({ file, message: `${error.line}:${error.column} ${error.message}` }));
  if (problem) errors.push({ file, message: problem.message });
  const callSites: InventoryCallSite[] = [];
  try {
    for (const site of scanned.sites) callSites.push(toInventory(site, file, scanned.sourceFile, settings.defaultModel));
  } catch (error) {
    // Prompts are read on demand, so an engine failure can surface here rather than in analyzeFile.
    return { callSites: [], errors: [...errors, { file, message: `internal error while analysing this file: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  return { callSites, errors };
}

function displayPath(cwd: string, file: string): string {
  return relative(cwd, file).split(sep).join('/');
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
