import { type Dirent, readdirSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Answers "is there a file here?" from one `readdir` per folder instead of one `stat` per probe:
 * resolving an import tries up to twenty paths, nearly all missing. A scan's cache trusts each
 * listing; a long-lived one (an editor's ESLint) passes `revalidate` and pays one `stat` of the
 * folder per probe to notice files added or removed since.
 */
export class DirectoryCache {
  private readonly listings = new Map<string, Listing>();

  constructor(private readonly revalidate = false) {}

  isFile(path: string): boolean {
    const entry = this.entry(path);
    if (!entry) return false;
    if (entry.isFile()) return true;
    return entry.isSymbolicLink() && (statSync(path, { throwIfNoEntry: false })?.isFile() ?? false);
  }

  /** A listing read elsewhere (the discovery walk), so the folder is not read twice. */
  seed(dir: string, entries: readonly Dirent[]): void {
    if (!this.revalidate) this.listings.set(dir, { stamp: 0, entries: new Map(entries.map((entry) => [entry.name, entry])) });
  }

  exists(path: string): boolean {
    return this.entry(path) !== undefined;
  }

  private entry(path: string): Dirent | undefined {
    const dir = dirname(path);
    let listing = this.listings.get(dir);
    const stamp = this.revalidate ? (statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? -1) : 0;
    if (listing === undefined || listing.stamp !== stamp) {
      listing = { stamp, entries: list(dir) };
      this.listings.set(dir, listing);
    }
    return listing.entries?.get(basename(path));
  }
}

interface Listing {
  stamp: number;
  entries: Map<string, Dirent> | null;
}

function list(dir: string): Map<string, Dirent> | null {
  try {
    return new Map(readdirSync(dir, { withFileTypes: true }).map((entry) => [entry.name, entry]));
  } catch {
    return null;
  }
}
