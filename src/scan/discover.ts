import { type Dirent, existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import ignore, { type Ignore } from 'ignore';
import { SOURCE_EXTENSIONS } from './parse.js';

export const DEFAULT_IGNORED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.next', 'vendor', '.git']);
const IGNORED_FILE = /\.min\.[cm]?js$|\.d\.[cm]?ts$/;

export class UsageError extends Error {}

export interface Discovery {
  files: string[];
  /** Every folder listing the walk read, for later lookups (import resolution) to reuse. */
  listings: Map<string, Dirent[]>;
  /** Folders that could not be walked, with the reason. */
  problems: Array<{ file: string; message: string }>;
}

export function isSourceFile(path: string): boolean {
  return SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension)) && !IGNORED_FILE.test(path);
}

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

/**
 * Files to scan under the given paths: directories are walked (default ignores and .gitignore
 * honoured, symlinked folders followed once), globs go through fast-glob, files are taken as given.
 */
export function discoverFiles(paths: readonly string[], cwd: string): Discovery {
  const files = new Set<string>();
  const problems: Discovery['problems'] = [];
  const visited = new Set<string>();
  const listings = new Map<string, Dirent[]>();

  const walk = (dir: string, layers: IgnoreLayer[]): void => {
    let real: string;
    try {
      // The native call is one syscall; the JS one lstat()s every path component.
      real = realpathSync.native(dir);
    } catch (error) {
      problems.push({ file: dir, message: `cannot resolve folder: ${reason(error)}` });
      return;
    }
    if (visited.has(real)) {
      // A link back to a folder above is a loop; one to a folder scanned elsewhere only repeats it.
      if (isWithin(realpathSync.native(dirname(dir)), real)) problems.push({ file: dir, message: 'skipped: symbolic link loop' });
      return;
    }
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: dir, message: `cannot read folder: ${reason(error)}` });
      return;
    }
    listings.set(dir, entries);
    const gitignore = join(dir, '.gitignore');
    const here = entries.some((entry) => entry.name === '.gitignore') ? [...layers, loadIgnore(dir, gitignore)] : layers;
    // Each layer's path to this folder, once per folder rather than once per entry.
    const prefixes = here.map((layer) => layerPrefix(layer.base, dir));
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stats = statSync(path);
          isDir = stats.isDirectory();
          isFile = stats.isFile();
        } catch {
          problems.push({ file: path, message: 'skipped: broken symbolic link' });
          continue;
        }
      }
      if (isDir) {
        if (DEFAULT_IGNORED_DIRS.has(entry.name) || ignored(here, prefixes, `${entry.name}/`)) continue;
        walk(path, here);
      } else if (isFile && isSourceFile(entry.name) && !ignored(here, prefixes, entry.name)) {
        files.add(path);
      }
    }
  };

  for (const input of paths) {
    const absolute = resolve(cwd, input);
    if (existsSync(absolute)) {
      const stats = statSync(absolute);
      if (stats.isDirectory()) walk(absolute, ancestorsIgnore(absolute));
      else files.add(absolute);
      continue;
    }
    const fg = fastGlob();
    if (fg.isDynamicPattern(input)) {
      const matches = fg.sync(input.split(sep).join('/'), {
        cwd,
        absolute: true,
        dot: false,
        ignore: [...DEFAULT_IGNORED_DIRS].map((name) => `**/${name}/**`),
        suppressErrors: true,
        followSymbolicLinks: false,
      });
      for (const match of matches) if (isSourceFile(match)) files.add(resolve(match));
      continue;
    }
    throw new UsageError(`No such file or directory: ${input}`);
  }
  return { files: [...files].sort(), listings, problems };
}

// Loaded on first use: most runs name folders, not globs, and fast-glob costs about 10 ms to load.
const require = createRequire(import.meta.url);
let fastGlobModule: typeof import('fast-glob') | undefined;
function fastGlob(): typeof import('fast-glob') {
  return (fastGlobModule ??= require('fast-glob') as typeof import('fast-glob'));
}

function loadIgnore(dir: string, file: string): IgnoreLayer {
  const rules = ignore();
  try {
    rules.add(readFileSync(file, 'utf8'));
  } catch {
    // An unreadable .gitignore ignores nothing.
  }
  return { base: dir, rules };
}

/** .gitignore files between the scanned folder and its repository root also apply. */
function ancestorsIgnore(start: string): IgnoreLayer[] {
  // A repository root scanned from inside another checkout answers to its own .gitignore only.
  if (existsSync(join(start, '.git'))) return [];
  const layers: IgnoreLayer[] = [];
  let dir = dirname(start);
  for (let i = 0; i < 32; i++) {
    const gitignore = join(dir, '.gitignore');
    if (existsSync(gitignore)) layers.unshift(loadIgnore(dir, gitignore));
    if (existsSync(join(dir, '.git'))) break;
    const parent = dirname(dir);
    if (parent === dir) return [];
    dir = parent;
  }
  return layers;
}

/** `dir` relative to a layer's folder, in gitignore form with a trailing slash; null when outside it. */
function layerPrefix(base: string, dir: string): string | null {
  const rel = relative(base, dir);
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  return rel === '' ? '' : `${rel.split(sep).join('/')}/`;
}

/** `name` is an entry of the folder the prefixes were computed for; folders end in a slash. */
function ignored(layers: readonly IgnoreLayer[], prefixes: ReadonlyArray<string | null>, name: string): boolean {
  for (let i = 0; i < layers.length; i++) {
    const prefix = prefixes[i];
    if (prefix !== null && layers[i]!.rules.ignores(prefix + name)) return true;
  }
  return false;
}

function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symbolic link loop';
  return error instanceof Error ? error.message : String(error);
}
