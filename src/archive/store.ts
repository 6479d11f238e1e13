/**
 * The archive store: the only writer of `<out>`. It holds the lock, keeps the crawl state (journal
 * appended per page, snapshot compacted at open and close), and carries out save plans: archive files
 * written atomically, the previous version copied to `.history/` before it is replaced, nothing at
 * all written for an unchanged page. Mutations run one at a time, in call order, so two pages saved
 * concurrently cannot both claim one file name.
 */
import type { Clock } from '../clock.js';
import type { Validators } from '../http/types.js';
import type { Logger } from '../log.js';
import { ensureDir, readInside, removeInside, removeStaleTempFiles, writeInside } from './atomic-write.js';
import { toAliases } from './entry.js';
import { openMediaFiles, type MediaFiles } from './media-files.js';
import { parseArchiveFile, renderArchiveFile } from './front-matter.js';
import { openJournal, type Journal } from './journal.js';
import { acquireLock, DEFAULT_STALE_MS } from './lock.js';
import { isSameVersion, planSave, toFacts } from './save-plan.js';
import { loadState, setAside, stateFiles, writeSnapshot } from './state-files.js';
import { applyEvent, currentValue, isSameValue, toUrlState, type CrawlState, type StateEvent } from './state.js';
import type { ArchiveEntry, ArchiveStore, MediaState, SaveInput, SaveResult, UrlState } from './types.js';

// The commands import the store's whole surface from here.
export type { ArchiveStore } from './types.js';
export { readArchive, type ArchiveItem, type ArchiveReadError } from './read-archive.js';

/** Options of `openArchive`. */
export interface OpenArchiveOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Compute every result, write nothing (no folder, no lock, no state, no file). */
  readonly dryRun?: boolean | undefined;
  /** Take the archive's lock (default true; always off in a dry run). */
  readonly lock?: boolean | undefined;
  /** Age after which a lock nobody refreshes is taken over (default 30 s). */
  readonly lockStaleMs?: number | undefined;
}

/** Opens `outDir` for writing: creates it, takes its lock and loads (or recovers) its state. */
export async function openArchive(outDir: string, options: OpenArchiveOptions): Promise<ArchiveStore> {
  const { clock, logger } = options;
  const dryRun = options.dryRun ?? false;
  if (!dryRun) await ensureDir(outDir);
  const release = !dryRun && (options.lock ?? true)
    ? await acquireLock(outDir, { staleMs: options.lockStaleMs ?? DEFAULT_STALE_MS, logger })
    : undefined;
  try {
    // Under the lock no write is in progress: a temporary file now is the trace of a killed run.
    const leftovers = release ? await removeStaleTempFiles(outDir) : [];
    if (leftovers.length > 0) logger.warn(`removed ${leftovers.length} temporary file(s) left by an interrupted write: ${leftovers.join(', ')}`);
    const loaded = await loadState(outDir, logger);
    let journal: Journal | undefined;
    if (!dryRun) {
      const files = stateFiles(outDir);
      await ensureDir(files.dir);
      for (const file of loaded.damaged) logger.warn(`damaged state file kept as ${await setAside(file, clock.now())}`);
      // Snapshot first, then a fresh journal: a crash in between replays events the snapshot already
      // holds, which changes nothing (events set values).
      if (loaded.needsCompaction) await writeSnapshot(outDir, loaded.state);
      journal = await openJournal(files.journal);
      if (loaded.needsCompaction) await journal.reset();
    }
    return new Store(outDir, loaded.state, { clock, logger, journal, release }, openMediaFiles(outDir, dryRun));
  } catch (error) {
    await release?.().catch(() => undefined);
    throw error;
  }
}

interface StoreIo {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Absent in a dry run. */
  readonly journal: Journal | undefined;
  readonly release: (() => Promise<void>) | undefined;
}

class Store implements ArchiveStore {
  private queue: Promise<unknown> = Promise.resolve();
  private changedSinceSnapshot = false;
  private closing: Promise<void> | undefined;

  constructor(
    readonly outDir: string,
    private readonly state: CrawlState,
    private readonly io: StoreIo,
    readonly media: MediaFiles,
  ) {}

  urlState(url: string): UrlState | undefined {
    return this.state.urls.get(url);
  }

  failedUrls(): string[] {
    return [...this.state.urls].filter(([, s]) => s.failed !== undefined).map(([url]) => url).sort();
  }

  knownUrls(): string[] {
    return [...this.state.urls].filter(([, s]) => s.failed === undefined && s.goneAt === undefined).map(([url]) => url);
  }

  recordGone(url: string): Promise<void> {
    return this.serial(async () => {
      const previous = this.state.urls.get(url);
      if (!previous) return;
      const goneAt = new Date(this.io.clock.now()).toISOString();
      await this.record({ type: 'url', url, state: toUrlState({ articleId: previous.articleId, goneAt }) });
    });
  }

  recordFetch(url: string, update: { validators?: Validators | undefined; articleId?: string | null | undefined }): Promise<void> {
    return this.serial(async () => {
      const previous = this.state.urls.get(url);
      const state = toUrlState({
        validators: update.validators === undefined ? previous?.validators : update.validators,
        articleId: update.articleId === undefined ? previous?.articleId : (update.articleId ?? undefined),
      });
      await this.record({ type: 'url', url, state });
    });
  }

  recordFailure(url: string, reason: string): Promise<void> {
    return this.serial(async () => {
      const at = new Date(this.io.clock.now()).toISOString();
      const state = toUrlState({ ...this.state.urls.get(url), failed: { reason, at } });
      await this.record({ type: 'url', url, state });
    });
  }

  mediaState(url: string): MediaState | undefined {
    return this.state.media.get(url);
  }

  recordMedia(url: string, state: MediaState): Promise<void> {
    return this.serial(() => this.record({ type: 'media', url, state }));
  }

  async readArticle(id: string): Promise<{ path: string; entry: ArchiveEntry } | undefined> {
    const known = this.state.articles.get(id);
    const entry = known && (await this.readEntry(known.path));
    return known && entry ? { path: known.path, entry } : undefined;
  }

  save(input: SaveInput): Promise<SaveResult> {
    return this.serial(async () => {
      const plan = planSave(this.state, input);
      const { result } = plan;
      if (result.change === 'duplicate') return result;
      if (result.change === 'unchanged') return this.checkUnchanged(result);
      let entry = result.entry;
      if (this.io.journal) {
        if (plan.history) entry = await this.keepHistory(plan.history, entry);
        await writeInside(this.outDir, result.path, renderArchiveFile(entry));
        // The old file goes only once the new one is safely written.
        if (plan.removePath) await removeInside(this.outDir, plan.removePath);
      }
      await this.record({ type: 'article', id: entry.id, facts: toFacts(entry, result.path) });
      return { ...result, entry };
    });
  }

  addAliases(id: string, urls: readonly string[]): Promise<boolean> {
    return this.serial(async () => {
      const known = this.state.articles.get(id);
      if (!known) return false;
      const before = new Set(known.aliases);
      const aliases = toAliases(known.url, [...known.aliases, ...urls]);
      if (aliases.every((url) => before.has(url))) return false;
      if (this.io.journal) {
        const stored = await this.readEntry(known.path);
        if (!stored) {
          this.io.logger.warn(`cannot add aliases to ${known.path}: the file is missing or has no valid front matter`);
          return false;
        }
        const merged = toAliases(stored.url, [...stored.aliases, ...aliases]);
        await writeInside(this.outDir, known.path, renderArchiveFile({ ...stored, aliases: merged }));
      }
      await this.record({ type: 'article', id, facts: { ...known, aliases } });
      return true;
    });
  }

  close(): Promise<void> {
    this.closing ??= this.finish();
    return this.closing;
  }

  private async finish(): Promise<void> {
    await this.queue;
    const { journal, release } = this.io;
    try {
      if (journal) {
        if (this.changedSinceSnapshot) {
          await writeSnapshot(this.outDir, this.state);
          await journal.reset();
        }
        await journal.close();
      }
    } finally {
      await release?.();
    }
  }

  /** An unchanged article writes nothing; only a file deleted by hand is written again. */
  private async checkUnchanged(result: SaveResult): Promise<SaveResult> {
    const bytes = await readInside(this.outDir, result.path);
    if (bytes === undefined) {
      this.io.logger.warn(`${result.path} was missing from the archive: written again`);
      if (this.io.journal) await writeInside(this.outDir, result.path, renderArchiveFile(result.entry));
      return { ...result, change: 'new' };
    }
    const stored = toEntry(bytes);
    if (!stored) this.io.logger.warn(`${result.path} has no valid front matter; left as it is`);
    return stored ? { ...result, entry: stored } : result;
  }

  /** Copies the previous version into `.history/` and returns the entry with its true history. */
  private async keepHistory(history: { from: string; to: string }, entry: ArchiveEntry): Promise<ArchiveEntry> {
    const without = { ...entry, history: entry.history.filter((h) => h !== history.to) };
    const previous = await readInside(this.outDir, history.from);
    if (previous === undefined) {
      this.io.logger.warn(`previous version of article ${entry.id} (${history.from}) is missing: no history copy`);
      return without;
    }
    if (isSameVersion(toEntry(previous), entry)) {
      // A run that crashed after writing this version but before recording it: the file already is
      // the new version, and its history copy exists if that run got that far.
      return (await readInside(this.outDir, history.to)) === undefined ? without : entry;
    }
    await writeInside(this.outDir, history.to, previous);
    return entry;
  }

  private async readEntry(path: string): Promise<ArchiveEntry | undefined> {
    const bytes = await readInside(this.outDir, path);
    return bytes === undefined ? undefined : toEntry(bytes);
  }

  /** Appends an event to the journal (unless it changes nothing) and applies it. */
  private async record(event: StateEvent): Promise<void> {
    const current = currentValue(this.state, event);
    if (current !== undefined && isSameValue(current, event.type === 'article' ? event.facts : event.state)) return;
    await this.io.journal?.append(event);
    applyEvent(this.state, event);
    this.changedSinceSnapshot = true;
  }

  /** Runs mutations one at a time, in call order; a failed one does not block the next. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new Error(`the archive store of ${this.outDir} is closed`));
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function toEntry(bytes: Buffer): ArchiveEntry | undefined {
  try {
    return parseArchiveFile(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
