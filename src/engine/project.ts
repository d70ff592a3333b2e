import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import type ts from '#typescript';
import { createModuleContext, detectCallSites } from '../callsites/detect.js';
import type { ModuleContext } from '../callsites/values.js';
import type { CallSite } from '../model.js';
import { discoverFiles } from '../scan/discover.js';
import { parseSource, syntaxErrors } from '../scan/parse.js';
import { mayHoldCallSite, type PrefilterVerdict, prefilter } from '../scan/prefilter.js';
import { ProjectModules } from './modules.js';
import { sdkMajorsFor } from './packages.js';

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export interface ScanOptions {
  cwd: string;
  maxFileSize?: number;
  /** Parse every readable file, bypassing the text prefilter (for measuring it). */
  noPrefilter?: boolean;
  /** Files to leave out entirely (config `ignores`). */
  isIgnored?: (file: string) => boolean;
}

export interface FileProblem {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

export interface ScannedFile {
  file: string;
  text: string;
  sourceFile: ts.SourceFile;
  ctx: ModuleContext;
  sites: CallSite[];
  syntaxErrors: FileProblem[];
}

export interface ScanStats {
  discovered: number;
  read: number;
  parsed: number;
  bytesRead: number;
  bytesParsed: number;
}

export type ReadOutcome = { text: string } | { problem: string };

/** Reads a source file, refusing binary, oversized and minified ones with a reason. */
export function readSource(file: string, maxFileSize: number): ReadOutcome {
  let buffer: Buffer;
  let fd: number | undefined;
  try {
    // One open and fstat for both the size guard and the read.
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (size > maxFileSize) return { problem: `skipped: file is ${formatSize(size)}, over the ${formatSize(maxFileSize)} limit (maxFileSize)` };
    buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    buffer = buffer.subarray(0, read);
  } catch (error) {
    return { problem: `cannot read file: ${describe(error)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (buffer.subarray(0, 8192).includes(0)) return { problem: 'skipped: binary file' };
  const text = buffer.toString('utf8');
  if (looksMinified(text)) return { problem: 'skipped: file looks minified' };
  return { text };
}

export function looksMinified(text: string): boolean {
  if (text.length < 4096) return false;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  // Bundles average hundreds of characters a line; most ordinary code does not.
  if (text.length / lines <= 250) return false;
  // Code packed onto long lines is dense with braces and semicolons (about 5% in minified
  // libraries); a component with one long data URL or SVG path in it is not.
  let punctuation = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 59 || c === 123 || c === 125) punctuation++;
  }
  return punctuation / text.length > 0.01;
}

export interface ScanPlan {
  problems: FileProblem[];
  stats: ScanStats;
  /** Every file read, in discovery order. */
  files: string[];
  /** The files worth parsing: they hold a call detection could match, and name an SDK or import a module that does. */
  toAnalyze: Array<{ file: string; text: string }>;
}

/**
 * The prefilter's verdict on a file, where an import through one of the tsconfig `paths` aliases
 * that apply to it counts as a project import (the prefilter itself knows only `@/`, `~/` and `#`).
 * Shared by the CLI scan and the ESLint plugin, so both parse the same files.
 */
export function leadVerdict(file: string, text: string, modules: Pick<ProjectModules, 'importsThroughAlias'>): PrefilterVerdict {
  const verdict = prefilter(text);
  return verdict === 'skip' && modules.importsThroughAlias(file, text) ? 'relative' : verdict;
}

/** Discovery, reading and the prefilter: everything before parsing. */
export function planScan(paths: readonly string[], options: ScanOptions, modules: ProjectModules): ScanPlan {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const discovery = discoverFiles(paths, options.cwd);
  modules.seedListings(discovery.listings);
  const problems: FileProblem[] = [...discovery.problems];
  const stats: ScanStats = { discovered: discovery.files.length, read: 0, parsed: 0, bytesRead: 0, bytesParsed: 0 };

  const texts = new Map<string, { text: string; verdict: PrefilterVerdict }>();
  const files = options.isIgnored ? discovery.files.filter((file) => !options.isIgnored!(file)) : discovery.files;
  for (const file of files) {
    const outcome = readSource(file, maxFileSize);
    if ('problem' in outcome) {
      problems.push({ file, message: outcome.problem });
      continue;
    }
    stats.read++;
    stats.bytesRead += outcome.text.length;
    texts.set(file, { text: outcome.text, verdict: options.noPrefilter ? 'sdk' : leadVerdict(file, outcome.text, modules) });
  }

  const toAnalyze: ScanPlan['toAnalyze'] = [];
  // Imports also reach files outside the scan (an ignored folder): each is read once.
  const outside = new Map<string, Lead | undefined>();
  const leadOf = (path: string): Lead | undefined => {
    const entry = texts.get(path);
    if (entry) return entry;
    if (!outside.has(path)) {
      const text = safeRead(path);
      outside.set(path, text === undefined ? undefined : { text, verdict: leadVerdict(path, text, modules) });
    }
    return outside.get(path);
  };
  for (const [file, { text, verdict }] of texts) {
    if (verdict === 'skip' || (!options.noPrefilter && !mayHoldCallSite(text))) continue;
    if (verdict === 'relative' && !importsSdkModule(file, text, modules, leadOf)) continue;
    stats.parsed++;
    stats.bytesParsed += text.length;
    toAnalyze.push({ file, text });
  }
  return { problems, stats, files: [...texts.keys()], toAnalyze };
}

/** Parses one planned file and finds its call sites; an engine failure becomes `problem`. */
export function analyzeFile(file: string, text: string, modules: ProjectModules): { scanned: ScannedFile; problem?: FileProblem } {
  // A tree parsed for an importer is reused; a scanned file's own tree is not kept for later
  // importers: trees that outlive their file made young-generation GC cost more than re-parsing.
  const imported = modules.parsed(file);
  const ctx = imported && imported.text === text
    ? { ...imported, sdkMajors: sdkMajorsFor(dirname(file)) }
    : createModuleContext(file, parseSource(file, text), modules, sdkMajorsFor(dirname(file)));
  const sourceFile = ctx.sourceFile;
  const errors = syntaxErrors(sourceFile).map((diagnostic) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start);
    return { file, message: `syntax error: ${flatten(diagnostic.messageText)}`, line: line + 1, column: character + 1 };
  });
  let sites: CallSite[] = [];
  let problem: FileProblem | undefined;
  try {
    sites = detectCallSites(ctx);
  } catch (error) {
    problem = { file, message: `internal error while analysing this file: ${describe(error)}` };
  }
  const scanned = { file, text, sourceFile, ctx, sites, syntaxErrors: errors };
  return problem ? { scanned, problem } : { scanned };
}

/**
 * Scans files for call sites, handing each parsed file to `onFile` and letting it go, so the
 * trees of a large repository are never all held at once.
 */
export function scanProject(
  paths: readonly string[],
  options: ScanOptions,
  onFile: (file: ScannedFile) => void,
): { problems: FileProblem[]; stats: ScanStats; files: string[] } {
  const modules = new ProjectModules(options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  const { problems, stats, files, toAnalyze } = planScan(paths, options, modules);
  for (const { file, text } of toAnalyze) {
    const { scanned, problem } = analyzeFile(file, text, modules);
    if (problem) problems.push(problem);
    onFile(scanned);
  }
  return { problems, stats, files };
}

const IMPORT_SPECIFIER = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g;
// The import, then up to two more project modules: a client built in one module and handed on by a
// helper module is three files away from the one that calls it.
const MAX_IMPORT_HOPS = 3;

export interface Lead {
  text: string;
  verdict: PrefilterVerdict;
}

/**
 * A file whose only lead is a relative (or aliased) import is parsed when its imports reach a file
 * that names an SDK, directly or through up to two more project modules. Shared by the CLI scan
 * and the ESLint plugin.
 */
export function importsSdkModule(
  file: string,
  text: string,
  modules: Pick<ProjectModules, 'resolvePath' | 'isAliased'>,
  leadOf: (path: string) => Lead | undefined,
  hops = MAX_IMPORT_HOPS,
  seen = new Set<string>([file]),
): boolean {
  for (const match of text.matchAll(IMPORT_SPECIFIER)) {
    const specifier = match[1]!;
    if (!specifier.startsWith('.') && !modules.isAliased(file, specifier)) continue;
    const target = modules.resolvePath(file, specifier);
    if (target === undefined || seen.has(target)) continue;
    seen.add(target);
    const lead = leadOf(target);
    if (lead?.verdict === 'sdk') return true;
    if (lead?.verdict === 'relative' && hops > 1 && importsSdkModule(target, lead.text, modules, leadOf, hops - 1, seen)) return true;
  }
  return false;
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function flatten(message: string | ts.DiagnosticMessageChain): string {
  return typeof message === 'string' ? message : message.messageText;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
