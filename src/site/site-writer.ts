/**
 * Writes the site's files, each atomically (temporary file, then rename), and only those whose
 * content changed since the last build. A manifest in the site folder remembers each file's hash and
 * each article's key, so a re-run after a crawl renders only the articles that changed and rewrites
 * only the pages whose bytes differ; files of articles gone from the archive are removed.
 */
import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { isMissing, readInside, resolveInside, writeAtomic } from '../archive/atomic-write.js';
import { LOCK_DIR, LOCK_OWNER_FILE } from '../archive/lock.js';
import { NotASiteFolderError } from '../errors.js';

/** The manifest's name in the site folder. */
const SITE_MANIFEST = '.beauvais-site.json';
/** Raised with the manifest's format, or when the renderer changes what it writes: every page is then rendered again. */
const MANIFEST_VERSION = 1;

interface Manifest {
  readonly version: number;
  /** The renderer that wrote the site ("beauvais-archive 0.1.0"). */
  readonly tool?: string;
  /** Site path → sha256 of its bytes. */
  readonly files: Record<string, string>;
  /** Archive file → the key of the entry its pages were rendered from, and those pages. */
  readonly articles: Record<string, { readonly key: string; readonly pages: readonly string[] }>;
}

/** What a build did to the site folder. */
export interface WriteSummary {
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
}

/** The writer of one build. */
export class SiteWriter {
  private readonly files: Record<string, string> = {};
  private readonly articles: Record<string, { key: string; pages: readonly string[] }> = {};
  private written = 0;
  private unchanged = 0;

  private constructor(readonly siteDir: string, private readonly previous: Manifest) {}

  /** Opens the site folder: its manifest, or none for a new or empty folder; throws for a foreign folder. */
  static async open(siteDir: string, tool: string): Promise<SiteWriter> {
    const previous = await readManifest(siteDir);
    if (previous === undefined && (await listFolder(siteDir)).length > 0) {
      throw new NotASiteFolderError(`${siteDir} is not empty and holds no site built by beauvais-archive (${SITE_MANIFEST} is missing): choose an empty or new folder`);
    }
    // A new folder is marked as ours before anything else is written, so that a first build that is
    // interrupted leaves a folder the next build recognises and completes.
    if (previous === undefined) await writeAtomic(path.join(siteDir, SITE_MANIFEST), `${JSON.stringify({ version: MANIFEST_VERSION, tool, files: {}, articles: {} })}\n`);
    const usable = previous && previous.version === MANIFEST_VERSION && previous.tool === tool ? previous : undefined;
    return new SiteWriter(siteDir, usable ?? { version: MANIFEST_VERSION, files: previous?.files ?? {}, articles: {} });
  }

  /** Whether an article's pages are up to date for `key`; if so they are kept as they are. */
  keepArticle(source: string, key: string): boolean {
    const before = this.previous.articles[source];
    if (!before || before.key !== key || !before.pages.every((p) => this.previous.files[p] !== undefined)) return false;
    for (const page of before.pages) {
      this.files[page] = this.previous.files[page] as string;
      this.unchanged += 1;
    }
    this.articles[source] = before;
    return true;
  }

  /** Records the pages rendered for an article, once they are written. */
  recordArticle(source: string, key: string, pages: readonly string[]): void {
    this.articles[source] = { key, pages };
  }

  /** Writes a file of the site unless the last build wrote the same bytes. */
  async write(sitePath: string, data: string | Buffer): Promise<void> {
    await this.writeAs(sitePath, data, createHash('sha256').update(data).digest('hex'));
  }

  /** Writes a file of the site under a key of its own (a copied file: its source's identity) unless the last build did. */
  async writeAs(sitePath: string, data: string | Buffer, hash: string): Promise<void> {
    if (this.keepIfSame(sitePath, hash)) return;
    this.files[sitePath] = hash;
    await writeAtomic(resolveInside(this.siteDir, sitePath), data);
    this.written += 1;
  }

  /** Keeps a file as the last build wrote it when it wrote it with this hash (a media copy need not be read again). */
  keepIfSame(sitePath: string, hash: string): boolean {
    if (this.previous.files[sitePath] !== hash) return false;
    this.files[sitePath] = hash;
    this.unchanged += 1;
    return true;
  }

  /** The files of the last build under a folder (`prefix` ends with "/"). */
  previousFiles(prefix: string): string[] {
    return Object.keys(this.previous.files).filter((f) => f.startsWith(prefix));
  }

  /** Whether the last build wrote this file. */
  hasPrevious(sitePath: string): boolean {
    return this.previous.files[sitePath] !== undefined;
  }

  /** The bytes of a file the last build wrote, as the site folder holds them now; undefined when it is gone (or was never written). */
  async readPrevious(sitePath: string): Promise<Buffer | undefined> {
    if (!this.hasPrevious(sitePath)) return undefined;
    return readInside(this.siteDir, sitePath);
  }

  /** Keeps a file of the last build as it is. */
  keepPrevious(sitePath: string): void {
    const hash = this.previous.files[sitePath];
    if (hash !== undefined) this.keepIfSame(sitePath, hash);
  }

  /** Removes the files of the last build that this one did not produce, then saves the manifest. */
  async finish(tool: string): Promise<WriteSummary> {
    let removed = 0;
    for (const sitePath of Object.keys(this.previous.files).sort()) {
      if (this.files[sitePath] !== undefined) continue;
      await rm(resolveInside(this.siteDir, sitePath), { force: true });
      removed += 1;
    }
    const manifest = { version: MANIFEST_VERSION, tool, files: sortKeys(this.files), articles: sortKeys(this.articles) };
    await writeAtomic(path.join(this.siteDir, SITE_MANIFEST), `${JSON.stringify(manifest)}\n`);
    return { written: this.written, unchanged: this.unchanged, removed };
  }
}

/** Empties a site folder built by this command (`--clean`); refuses any other folder. */
export async function cleanSiteFolder(siteDir: string): Promise<void> {
  if ((await readManifest(siteDir)) === undefined) {
    if ((await listFolder(siteDir)).length === 0) return;
    throw new NotASiteFolderError(`refusing to clean ${siteDir}: it holds no site built by beauvais-archive (${SITE_MANIFEST} is missing)`);
  }
  for (const name of await listFolder(siteDir)) await rm(path.join(siteDir, name), { recursive: true, force: true });
}

async function readManifest(siteDir: string): Promise<Manifest | undefined> {
  const bytes = await readInside(siteDir, SITE_MANIFEST);
  if (bytes === undefined) return undefined;
  try {
    const data = JSON.parse(bytes.toString('utf8')) as Manifest;
    if (typeof data.files === 'object' && typeof data.articles === 'object') return data;
  } catch {
    // A damaged manifest only costs a full rebuild below.
  }
  return { version: 0, files: {}, articles: {} };
}

/** The names in a folder, but for the build's own lock (lock.ts), which is no content. */
async function listFolder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name !== LOCK_DIR && name !== LOCK_OWNER_FILE);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
