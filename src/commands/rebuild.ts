/**
 * `rebuild --from <WARC files or folders>`: the archive from stored responses, with no network. Each
 * article's latest capture is extracted and saved through the same store as a crawl (lock, atomic
 * writes, history, duplicates), dated by its WARC-Date, and its front matter names the record it came
 * from. A WARC file outside `<out>` is first copied into `<out>/warc/`, so the archive keeps the
 * evidence of every version and `verify` can check it.
 */
import { copyFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ensureDir, isMissing, toRelativeInside } from '../archive/atomic-write.js';
import { sha256OfFile } from '../archive/file-hash.js';
import { openArchive, readArchive, type ArchiveStore } from '../archive/store.js';
import type { WarcRef } from '../archive/types.js';
import { DEFAULT_OUT, parseBaseUrl, parseLogLevel } from '../config.js';
import { ArchiveWriteError, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { createLogger, type Logger, type LogLevel } from '../log.js';
import type { ArchiveRecord } from '../output/record.js';
import { renderSummaryLine } from '../output/summary.js';
import { listWarcFiles, PARTIAL_COPY_SUFFIX, toWarcDir } from '../warc/index.js';
import { type CommandContext, writeOut } from './context.js';
import { mediaOf, restoreMedia, type RestoredMedia } from './rebuild-media.js';
import { saveArticle, type SaveCounts } from './save-article.js';
import { type CaptureCounts, type CapturedArticle, createCaptureCounts, readCapturedArticles } from './rebuild-captures.js';
import { chooseRebuildSite, renderNoPageOfSite } from './rebuild-site.js';

export interface RebuildOptions {
  /** WARC files, or folders searched recursively for `.warc` / `.warc.gz` files. */
  readonly from: readonly string[];
  readonly outDir: string;
  /**
   * Whose URLs are in scope; records of other hosts are ignored (and counted). Undefined: the site of
   * the archive, else of the crawls that wrote the WARC files, else of the captured pages.
   */
  readonly baseUrl: URL | undefined;
  readonly json: boolean;
  readonly logLevel: LogLevel;
}

/** What the saves did, for the summary. */
interface RebuildSaveCounts extends SaveCounts {
  /** Captures older than the version already archived (with another text): not written. */
  older: number;
}

/** Validates the rebuild command's raw options. */
export function resolveRebuildOptions(raw: { from?: string[] | string; out?: string; baseUrl?: string; json?: boolean; quiet?: boolean; verbose?: boolean }): RebuildOptions {
  const from = typeof raw.from === 'string' ? [raw.from] : (raw.from ?? []);
  if (from.length === 0) throw new UsageError('--from: name at least one WARC file or folder');
  return {
    from,
    outDir: raw.out ?? DEFAULT_OUT,
    baseUrl: raw.baseUrl === undefined ? undefined : parseBaseUrl(raw.baseUrl),
    json: raw.json === true,
    logLevel: parseLogLevel(raw.quiet === true, raw.verbose === true),
  };
}

/**
 * Runs `rebuild`; 0, or 3 when some WARC data was torn or unreadable (the rest is still used) or
 * when no page of the site was found but records of other hosts were (the wrong site, said on stderr).
 */
export async function runRebuild(options: RebuildOptions, ctx: CommandContext): Promise<number> {
  const logger = createLogger(options.logLevel, (line) => ctx.stderr.write(line));
  let damaged = 0;
  // The reader reports torn records and unreadable data as warnings: they make the run partial.
  const readerLogger: Logger = {
    ...logger,
    warn(message) {
      damaged += 1;
      logger.warn(message);
    },
  };
  const files = await listSources(options.from);
  const counts = createCaptureCounts();
  const saves: RebuildSaveCounts = { new: 0, updated: 0, unchanged: 0, duplicates: 0, older: 0 };
  const store = await openArchive(options.outDir, { clock: ctx.clock, logger });
  let wrongSite: string | undefined;
  try {
    const site = await chooseRebuildSite(options.baseUrl, store, files);
    if (!options.baseUrl) logger.info(`site: ${site.base.href} (from ${site.source})`);
    const captured = await readCapturedArticles(files, site.base, readerLogger, counts);
    if (counts.pages === 0 && counts.otherHosts > 0) wrongSite = renderNoPageOfSite(site, counts.otherOrigins);
    const archived = await readArchivedVersions(options.outDir);
    const importer = createImporter(options.outDir);
    const restored = await restoreMedia(files, captured.map((c) => c.article.markdown), site.base, store, logger);
    for (const item of captured) {
      const known = archived.get(item.article.id);
      if (known && known.contentHash !== item.article.contentHash && Date.parse(known.fetchedAt) > Date.parse(item.capturedAt)) {
        saves.older += 1;
        logger.info(`older: the capture of ${item.url} (${item.capturedAt}) predates the archived version; not written`);
        continue;
      }
      await saveCapture(item, await importer.refFor(item.file, item.recordId), { store, saves, options, ctx, logger, restored, base: site.base });
    }
  } finally {
    await store.close();
  }
  const outcome = damaged > 0 || wrongSite !== undefined ? ExitCode.partial : ExitCode.ok;
  if (options.logLevel !== 'quiet' || outcome !== ExitCode.ok) ctx.stderr.write(renderRebuildSummary(files.length, counts, saves));
  if (wrongSite !== undefined) logger.error(wrongSite);
  return outcome;
}

/** What saving a capture needs. */
interface SaveDeps {
  readonly store: ArchiveStore;
  readonly saves: RebuildSaveCounts;
  readonly options: RebuildOptions;
  readonly ctx: CommandContext;
  readonly logger: Logger;
  /** Media files restored from the WARC files, by URL. */
  readonly restored: RestoredMedia;
  /** The site rebuilt: media of its host only. */
  readonly base: URL;
}

/** Saves one article as a crawl would, and prints its record with --json when it is new or updated. */
async function saveCapture(item: CapturedArticle, warc: WarcRef, { store, saves, options, ctx, logger, restored, base }: SaveDeps): Promise<void> {
  const { article } = item;
  const emit = async (record: ArchiveRecord) => {
    if (options.json) await writeOut(ctx.stdout, `${JSON.stringify(record)}\n`);
  };
  const media = mediaOf(article.markdown, base, restored);
  const saved = await saveArticle(store, { article, fetchedAt: item.capturedAt, aliases: item.aliases, warc, media }, saves, emit);
  logger.debug(`${saved.change}: ${saved.path} from ${item.url} captured ${item.capturedAt} (${warc.file})`);
  // A later crawl then asks for this URL conditionally, as if it had fetched this capture itself.
  await store.recordFetch(item.url, { validators: item.validators, articleId: article.id });
}

/** The WARC files named by --from, each once, in the order given (a folder's files sorted). */
async function listSources(from: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const source of from) {
    try {
      files.push(...(await listWarcFiles(source)));
    } catch (error) {
      throw new UsageError(`--from: cannot read ${source} (${isMissing(error) ? 'no such file or folder' : (error as Error).message})`);
    }
  }
  const unique = [...new Map(files.map((f) => [path.resolve(f), f])).values()];
  if (unique.length === 0) throw new UsageError(`--from: no .warc or .warc.gz file in ${from.join(', ')}`);
  return unique;
}

/** id → the archived version's hash and fetch date, so an old capture does not replace a newer version. */
async function readArchivedVersions(outDir: string): Promise<Map<string, { contentHash: string; fetchedAt: string }>> {
  const versions = new Map<string, { contentHash: string; fetchedAt: string }>();
  for await (const item of readArchive(outDir)) {
    if ('entry' in item) versions.set(item.entry.id, { contentHash: item.entry.contentHash, fetchedAt: item.entry.fetchedAt });
  }
  return versions;
}

/**
 * WarcRefs for records of the source files: a file inside `<out>` is referred to where it is; any
 * other is copied once into `<out>/warc/` under its own name (another name if a different file has
 * it), through a temporary file and a rename, so a ref never names a half-copied file.
 */
function createImporter(outDir: string): { refFor(file: string, recordId: string): Promise<WarcRef> } {
  const root = path.resolve(outDir);
  const copies = new Map<string, Promise<string>>();
  const importFile = async (file: string): Promise<string> => {
    const source = path.resolve(file);
    if (source.startsWith(root + path.sep)) return toRelativeInside(root, source);
    const dir = toWarcDir(root);
    await ensureDir(dir);
    const name = path.basename(source);
    const ext = name.endsWith('.warc.gz') ? '.warc.gz' : '.warc';
    for (let n = 0; ; n++) {
      const target = path.join(dir, n === 0 ? name : `${name.slice(0, -ext.length)}-${n}${ext}`);
      const existing = await stat(target).catch(() => null);
      if (existing && (await isSameFile(source, target))) return toRelativeInside(root, target);
      if (existing) continue;
      const partial = `${target}${PARTIAL_COPY_SUFFIX}`;
      try {
        await copyFile(source, partial);
        await rename(partial, target);
      } catch (cause) {
        await rm(partial, { force: true });
        throw new ArchiveWriteError(target, cause);
      }
      return toRelativeInside(root, target);
    }
  };
  return {
    async refFor(file, recordId) {
      let copied = copies.get(file);
      if (!copied) copies.set(file, (copied = importFile(file)));
      return { file: await copied, recordId };
    },
  };
}

async function isSameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a), stat(b)]);
  return sa.size === sb.size && (await sha256OfFile(a)) === (await sha256OfFile(b));
}

/** The one-line summary (stderr). */
function renderRebuildSummary(files: number, counts: CaptureCounts, saves: RebuildSaveCounts): string {
  return renderSummaryLine('rebuild', [
    ['WARC files', files],
    ['records', counts.records],
    ['pages', counts.pages],
    ['new', saves.new],
    ['updated', saves.updated],
    ['unchanged', saves.unchanged],
    ['duplicates', saves.duplicates],
    ['older than the archive', saves.older],
    ['not articles', counts.notArticles],
    ['other hosts', counts.otherHosts],
    ['skipped', counts.skipped],
  ]);
}
