import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute } from 'node:path';
import { createModuleContext } from '../src/callsites/detect.js';
import type { ModuleContext, ModuleLoader } from '../src/callsites/values.js';
import { type Analysis, analyzeSource } from '../src/engine/linter.js';
import { ProjectModules } from '../src/engine/modules.js';
import { sdkMajorsFor } from '../src/engine/packages.js';
import { DEFAULT_MAX_FILE_SIZE, importsSdkModule, leadVerdict, looksMinified } from '../src/engine/project.js';
import { parseSource, SOURCE_EXTENSIONS } from '../src/scan/parse.js';
import { mayHoldCallSite, type PrefilterVerdict } from '../src/scan/prefilter.js';

// One TypeScript parse per linted file, shared by every promptlint rule: ESLint creates one
// SourceCode per file and hands the same object to each rule, so it keys the cache.

interface CachedFile {
  /** mtime and size: ESLint also runs in long-lived processes (editors, eslint_d), where files change. */
  stamp: string;
  verdict: PrefilterVerdict;
  /** Kept when the only lead is a relative import: every importer's analysis follows its imports. */
  text?: string;
  /** Parsed on the first import that needs it; most files are only ever prefiltered. */
  ctx?: ModuleContext | null;
}

/** Imported modules, parsed once and kept until the file on disk changes. */
class CachedModules implements ModuleLoader {
  readonly #paths = new ProjectModules(DEFAULT_MAX_FILE_SIZE, true);
  readonly #files = new Map<string, CachedFile>();

  isLocal(fromFile: string, specifier: string): boolean {
    return this.#paths.isAliased(fromFile, specifier);
  }

  load(fromFile: string, specifier: string): ModuleContext | undefined {
    const path = this.#paths.resolvePath(fromFile, specifier);
    const file = path === undefined ? undefined : this.#read(path);
    if (!path || !file) return undefined;
    if (file.ctx === undefined) {
      const text = readText(path);
      file.ctx = text === undefined || text.includes('\0') ? null : createModuleContext(path, parseSource(path, text), this);
    }
    return file.ctx ?? undefined;
  }

  verdict(file: string, text: string): PrefilterVerdict {
    return leadVerdict(file, text, this.#paths);
  }

  importsSdkModule(file: string, text: string): boolean {
    return importsSdkModule(file, text, this.#paths, (target) => {
      const lead = this.#read(target);
      return lead && { verdict: lead.verdict, text: lead.text ?? '' };
    });
  }

  #read(path: string): CachedFile | undefined {
    try {
      const stat = statSync(path);
      if (stat.size > DEFAULT_MAX_FILE_SIZE) return undefined;
      const stamp = `${stat.mtimeMs}:${stat.size}`;
      const cached = this.#files.get(path);
      if (cached?.stamp === stamp) return cached;
      const text = readFileSync(path, 'utf8');
      const verdict = this.verdict(path, text);
      const file: CachedFile = verdict === 'relative' ? { stamp, verdict, text } : { stamp, verdict };
      this.#files.set(path, file);
      return file;
    } catch {
      this.#files.delete(path);
      return undefined;
    }
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const modules = new CachedModules();
// ESLint lints one file at a time and runs all its rules on it before the next: the last file's
// analysis is the only one asked for again. A WeakMap keyed on each SourceCode kept every file's
// tree alive through young-generation collections; in a loop over small files GC took a third of
// the time.
let last: { sourceCode: object; analysis: Analysis | null } | undefined;

export interface FileIdentity {
  /** ESLint's `context.filename`: a virtual name (`README.md/0.js`) for code blocks from a processor. */
  filename: string;
  physicalFilename: string;
}

/** The file's analysis, or undefined when it holds no call site the CLI would look at, or analysis failed. */
export function sharedAnalysis(sourceCode: { text: string }, file: FileIdentity): Analysis | undefined {
  if (last?.sourceCode !== sourceCode) last = { sourceCode, analysis: analyze(sourceCode.text, file) };
  return last.analysis ?? undefined;
}

function analyze(text: string, { filename, physicalFilename }: FileIdentity): Analysis | null {
  // A .vue or .svelte file reaches rules as its whole text; the CLI reads only JS and TS files too.
  // No extension at all is ESLint's `<input>` (text linted without a file name).
  const extension = extname(filename).toLowerCase();
  if (extension !== '' && !(SOURCE_EXTENSIONS as readonly string[]).includes(extension)) return null;
  // The CLI's guards and prefilter (src/engine/project.ts), so both front ends parse the same files.
  if (text.length > DEFAULT_MAX_FILE_SIZE || looksMinified(text)) return null;
  const onDisk = filename === physicalFilename && isAbsolute(filename);
  const verdict = modules.verdict(filename, text);
  if (verdict === 'skip' || !mayHoldCallSite(text)) return null;
  try {
    if (verdict === 'relative' && !(onDisk && modules.importsSdkModule(filename, text))) return null;
    return onDisk ? analyzeSource(filename, text, modules, sdkMajorsFor(dirname(filename))) : analyzeSource(filename, text);
  } catch {
    // An engine bug must not take the user's whole ESLint run down.
    return null;
  }
}
