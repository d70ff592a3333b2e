import { type Dirent, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from '#typescript';
import { createModuleContext } from '../callsites/detect.js';
import { isSdkModule } from '../callsites/providers/index.js';
import { type ModuleContext, type ModuleLoader, normalizeModule } from '../callsites/values.js';
import { DirectoryCache } from '../scan/directory-cache.js';
import { parseSource, SOURCE_EXTENSIONS } from '../scan/parse.js';

// Resolves relative imports (and tsconfig `paths` aliases such as `@/lib/ai`) to parsed modules,
// so a client or prompt constant defined in another file can be followed. Each file is parsed once.

interface Aliases {
  baseDir: string;
  paths: Array<{ prefix: string; wildcard: boolean; targets: string[] }>;
}

// Parsed modules kept for later importers. Bounded: holding every tree of a large repository makes
// garbage collection, not parsing, the main cost (and costs gigabytes).
const MAX_CACHED_MODULES = 256;

export class ProjectModules implements ModuleLoader {
  private readonly contexts = new Map<string, ModuleContext | null>();
  private readonly aliasCache = new Map<string, Aliases | null>();
  private readonly resolved = new Map<string, string | undefined>();
  private readonly files: DirectoryCache;

  /** `longLived`: the process outlives one scan (an editor), so folder listings are revalidated. */
  constructor(private readonly maxFileSize: number, longLived = false) {
    this.files = new DirectoryCache(longLived);
  }

  /** Folder listings the discovery walk already read. */
  seedListings(listings: ReadonlyMap<string, readonly Dirent[]>): void {
    for (const [dir, entries] of listings) this.files.seed(dir, entries);
  }

  /** A file already parsed because another file imported it. */
  parsed(file: string): ModuleContext | undefined {
    return this.contexts.get(file) ?? undefined;
  }

  private remember(file: string, ctx: ModuleContext | null): void {
    this.contexts.delete(file);
    this.contexts.set(file, ctx);
    if (this.contexts.size > MAX_CACHED_MODULES) this.contexts.delete(this.contexts.keys().next().value!);
  }

  resolvePath(fromFile: string, specifier: string): string | undefined {
    const key = `${dirname(fromFile)}\0${specifier}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const path = this.resolveUncached(fromFile, specifier);
    this.resolved.set(key, path);
    return path;
  }

  private resolveUncached(fromFile: string, specifier: string): string | undefined {
    if (specifier.startsWith('.')) return this.resolveFile(resolve(dirname(fromFile), specifier));
    const aliases = this.aliasesFor(dirname(fromFile));
    if (!aliases) return this.conventionalAlias(fromFile, specifier);
    for (const alias of aliases.paths) {
      if (alias.wildcard ? !specifier.startsWith(alias.prefix) : specifier !== alias.prefix) continue;
      const rest = alias.wildcard ? specifier.slice(alias.prefix.length) : '';
      for (const target of alias.targets) {
        const found = this.resolveFile(resolve(aliases.baseDir, target.replace('*', rest)));
        if (found) return found;
      }
    }
    return undefined;
  }

  isLocal(fromFile: string, specifier: string): boolean {
    return this.isAliased(fromFile, specifier);
  }

  isAliased(fromFile: string, specifier: string): boolean {
    const aliases = this.aliasesFor(dirname(fromFile));
    const aliased = aliases
      ? aliases.paths.some((alias) => (alias.wildcard ? specifier.startsWith(alias.prefix) : specifier === alias.prefix))
      : CONVENTIONAL_ALIAS.test(specifier);
    // SDK repositories map their own package name onto their sources; their examples still call the SDK.
    return aliased && !isSdkModule(normalizeModule(specifier));
  }

  /** Whether the text imports through one of the tsconfig `paths` aliases that apply to the file (`@app/services/x`). */
  importsThroughAlias(fromFile: string, text: string): boolean {
    const aliases = this.aliasesFor(dirname(fromFile));
    return !!aliases?.paths.some((alias) => text.includes(`'${alias.prefix}`) || text.includes(`"${alias.prefix}`));
  }

  load(fromFile: string, specifier: string): ModuleContext | undefined {
    const path = this.resolvePath(fromFile, specifier);
    if (!path) return undefined;
    const cached = this.contexts.get(path);
    if (cached !== undefined) {
      this.remember(path, cached);
      return cached ?? undefined;
    }
    let ctx: ModuleContext | null = null;
    try {
      if (statSync(path).size <= this.maxFileSize) {
        const text = readFileSync(path, 'utf8');
        if (!text.includes('\0')) ctx = createModuleContext(path, parseSource(path, text), this);
      }
    } catch {
      ctx = null;
    }
    this.remember(path, ctx);
    return ctx ?? undefined;
  }

  private aliasesFor(dir: string): Aliases | undefined {
    const cached = this.aliasCache.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    let result: Aliases | null = null;
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const file = join(dir, name);
      if (this.files.exists(file)) {
        result = readAliases(file);
        break;
      }
    }
    if (!result) {
      const parent = dirname(dir);
      result = parent === dir || this.files.exists(join(dir, 'package.json')) && this.files.exists(join(dir, '.git')) ? null : (this.aliasesFor(parent) ?? null);
    }
    this.aliasCache.set(dir, result);
    return result ?? undefined;
  }

  // Without a tsconfig `paths` entry, `@/x` and `~/x` follow the framework convention: the package root or its src/.
  private conventionalAlias(fromFile: string, specifier: string): string | undefined {
    if (!CONVENTIONAL_ALIAS.test(specifier)) return undefined;
    for (let dir = dirname(fromFile); ; dir = dirname(dir)) {
      if (this.files.exists(join(dir, 'package.json'))) {
        const rest = specifier.slice(2);
        return this.resolveFile(join(dir, rest)) ?? this.resolveFile(join(dir, 'src', rest));
      }
      if (dirname(dir) === dir) return undefined;
    }
  }

  private resolveFile(base: string): string | undefined {
    // `import logo from './logo.png'` resolves, but to no module of ours.
    if (hasSourceExtension(base) && this.files.isFile(base)) return base;
    // TypeScript ESM code imports './x.js' for './x.ts'.
    const jsLike = /\.(m|c)?jsx?$/.exec(base);
    if (jsLike) {
      const stem = base.slice(0, -jsLike[0].length);
      for (const candidate of [`${stem}.${jsLike[1] ?? ''}ts`, `${stem}.tsx`]) if (this.files.isFile(candidate)) return candidate;
    }
    for (const extension of SOURCE_EXTENSIONS) if (this.files.isFile(base + extension)) return base + extension;
    for (const extension of SOURCE_EXTENSIONS) {
      const index = join(base, `index${extension}`);
      if (this.files.isFile(index)) return index;
    }
    return undefined;
  }
}

const CONVENTIONAL_ALIAS = /^[@~]\//;

function hasSourceExtension(path: string): boolean {
  return SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension));
}

function readAliases(file: string): Aliases | null {
  try {
    const parsed = ts.parseConfigFileTextToJson(file, readFileSync(file, 'utf8')).config as
      | { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } }
      | undefined;
    const options = parsed?.compilerOptions;
    if (!options?.paths) return null;
    const baseDir = resolve(dirname(file), options.baseUrl ?? '.');
    const paths = Object.entries(options.paths).map(([key, targets]) => ({
      prefix: key.replace(/\*$/, ''),
      wildcard: key.endsWith('*'),
      targets,
    }));
    return { baseDir, paths };
  } catch {
    return null;
  }
}

