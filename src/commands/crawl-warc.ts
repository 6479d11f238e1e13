/**
 * WARC recording of a crawl: whether it is on (`--warc`, `--no-warc`, or `warc: true` in
 * `<out>/archive.yaml`), the recorder that turns the fetcher's exchanges into WARC records, and the
 * payload index `<out>/warc/payloads.json` that lets the next run write revisits instead of storing
 * the same payload again without re-reading every WARC file at start-up.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMissing, toRelativeInside, writeAtomic } from '../archive/atomic-write.js';
import type { WarcRef } from '../archive/types.js';
import type { Clock } from '../clock.js';
import type { CrawlConfig } from '../config.js';
import type { Exchange, FetchOk } from '../http/types.js';
import type { Logger } from '../log.js';
import { booleanSetting, megabytesSetting, type ArchiveSettings } from './archive-settings.js';
import { readVersion } from '../version.js';
import {
  listWarcFiles,
  openWarcWriter,
  PAYLOAD_INDEX_FILE,
  payloadDigest,
  readWarcResponses,
  toWarcDir,
  type KnownPayload,
  type WrittenRecord,
} from '../warc/index.js';

const PAYLOAD_INDEX_FORMAT = 'beauvais-archive-warc-payloads';

/** Whether this run records WARC, and the size at which a WARC file is rotated. */
export interface WarcSettings {
  readonly enabled: boolean;
  /** From `warcMaxFileMB`; undefined: the writer's default (100 MB). */
  readonly maxFileBytes: number | undefined;
}

/** The payloads earlier runs stored (digest → first response) and each URL's latest payload. */
export interface PayloadIndex {
  readonly payloads: Map<string, KnownPayload>;
  /** URL → digest of the payload it last answered with: what a 304 for it refers to. */
  readonly urls: Map<string, string>;
}

/** What the crawl needs from the recorder. */
export interface WarcRecorder {
  /** Hand to the fetcher's `onExchange`: queues the exchange's records (never throws). */
  readonly onExchange: (exchange: Exchange) => void;
  /** Where the records of this very response are, once written; rejects if WARC writing failed. */
  readonly refFor: (result: FetchOk) => Promise<WarcRef | undefined>;
  /** Waits for the writes, closes the files and saves the payload index; rethrows a write failure. */
  close(): Promise<void>;
}

/** What opening a recorder takes. */
export interface WarcRecorderOptions {
  readonly outDir: string;
  readonly crawlStart: Date;
  /** "name/version" for the warcinfo records. */
  readonly software: string;
  readonly crawlOptions: Readonly<Record<string, unknown>>;
  readonly maxFileBytes?: number | undefined;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The crawl's recorder, or undefined when WARC is off (or the run is dry: a dry run writes nothing). */
export async function openCrawlRecorder(config: CrawlConfig, archive: ArchiveSettings, clock: Clock, logger: Logger): Promise<WarcRecorder | undefined> {
  const settings = warcSettings(archive, config.warc);
  if (!settings.enabled) return undefined;
  if (config.dryRun) {
    logger.info('dry run: no WARC file is written');
    return undefined;
  }
  return openWarcRecorder({
    outDir: config.outDir,
    crawlStart: new Date(clock.now()),
    software: `beauvais-archive/${readVersion()}`,
    crawlOptions: { ...config },
    maxFileBytes: settings.maxFileBytes,
    clock,
    logger,
  });
}

/** The WARC setting of a run: the command line (`true`/`false`) wins, else `<out>/archive.yaml`. */
export function warcSettings({ file, data }: ArchiveSettings, flag: boolean | undefined): WarcSettings {
  return {
    enabled: flag ?? booleanSetting(file, data, 'warc') ?? false,
    maxFileBytes: megabytesSetting(file, data, 'warcMaxFileMB'),
  };
}

/** Opens the recorder of a crawl: loads the payload index, then the WARC writer. */
export async function openWarcRecorder(options: WarcRecorderOptions): Promise<WarcRecorder> {
  const { outDir, logger } = options;
  const index = await readPayloadIndex(outDir, logger);
  const writer = await openWarcWriter({
    dir: toWarcDir(outDir),
    outDir,
    crawlStart: options.crawlStart,
    maxFileBytes: options.maxFileBytes,
    software: options.software,
    crawlOptions: options.crawlOptions,
    knownDigests: index.payloads,
    clock: options.clock,
  });
  // Keyed by the body Buffer the fetcher hands both to onExchange and to its FetchOk: the ref is that
  // of the very response the page came from, even when two fetches end at the same URL concurrently.
  const refs = new WeakMap<Buffer, Promise<WarcRef>>();
  const { payloads, urls } = index;
  let failure: unknown;

  const remember = (exchange: Exchange, { file, recordId, payloadDigest: digest }: WrittenRecord): void => {
    if (exchange.status < 200 || exchange.status >= 300 || exchange.body.length === 0 || digest === undefined) return;
    // Writes settle in call order, so the first to settle is the one the writer stored in full.
    if (!payloads.has(digest)) payloads.set(digest, { url: exchange.url, date: exchange.startedAt, file, recordId });
    urls.set(exchange.url, digest);
  };

  return {
    onExchange(exchange) {
      const known = urls.get(exchange.url);
      const written =
        exchange.status === 304
          ? writer.writeNotModified(exchange, known === undefined ? undefined : payloads.get(known))
          : writer.writeExchange(exchange);
      const ref = written.then((record): WarcRef => {
        remember(exchange, record);
        // The bare ref: the digest has no place in an entry's front matter.
        return { file: record.file, recordId: record.recordId };
      });
      refs.set(exchange.body, ref);
      // Handled here, so a failed write of a page nobody asks the ref of is no unhandled rejection.
      ref.catch((error: unknown) => {
        failure ??= error;
      });
    },
    async refFor(result) {
      if (failure !== undefined) throw failure;
      return refs.get(result.body);
    },
    async close() {
      await writer.close();
      const known = writer.knownPayloads();
      const kept = new Map([...urls].filter(([, digest]) => known.has(digest)));
      const files = await listWarcFiles(toWarcDir(outDir)).catch(() => []);
      await writePayloadIndex(outDir, { payloads: new Map(known), urls: kept }, files.map((f) => toRelativeInside(outDir, f)));
      if (failure !== undefined) throw failure;
    },
  };
}

/**
 * The payloads of earlier runs: the index, less the files that are gone, plus whatever the files it
 * does not cover hold (a run killed before it saved the index, a WARC copied in by `rebuild`).
 */
export async function readPayloadIndex(outDir: string, logger: Logger): Promise<PayloadIndex> {
  const dir = toWarcDir(outDir);
  const files = await listWarcFiles(dir).catch((error: unknown) => {
    if (isMissing(error)) return [];
    throw error;
  });
  const present = new Set(files.map((f) => toRelativeInside(outDir, f)));
  const saved = await loadIndexFile(path.join(dir, PAYLOAD_INDEX_FILE), logger);
  const payloads = new Map([...saved.payloads].filter(([, p]) => present.has(p.file)));
  const urls = new Map([...saved.urls].filter(([, digest]) => payloads.has(digest)));
  const uncovered = files.filter((f) => !saved.files.has(toRelativeInside(outDir, f)));
  for await (const stored of readWarcResponses(uncovered, { logger })) {
    if (stored.kind !== 'response' || stored.status < 200 || stored.status >= 300 || stored.body.length === 0) continue;
    const digest = payloadDigest(stored.body);
    // Only a payload whose recorded digest checks out may stand in for later copies of it.
    if (stored.payloadDigest !== digest) continue;
    if (!payloads.has(digest)) {
      payloads.set(digest, { url: stored.url, date: stored.date, recordId: stored.recordId, file: toRelativeInside(outDir, stored.file) });
    }
    urls.set(stored.url, digest);
  }
  return { payloads, urls };
}

/** Saves the index atomically: a crash leaves the previous one, and the next run re-reads the rest. */
export async function writePayloadIndex(outDir: string, index: PayloadIndex, files: readonly string[]): Promise<void> {
  const data = {
    format: PAYLOAD_INDEX_FORMAT,
    version: 1,
    files: [...files].sort(),
    payloads: Object.fromEntries([...index.payloads].sort(([a], [b]) => (a < b ? -1 : 1))),
    urls: Object.fromEntries([...index.urls].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  await writeAtomic(path.join(toWarcDir(outDir), PAYLOAD_INDEX_FILE), `${JSON.stringify(data)}\n`);
}

/** The index file's content; an unreadable one is reported and treated as absent (the WARCs are re-read). */
async function loadIndexFile(file: string, logger: Logger): Promise<PayloadIndex & { files: Set<string> }> {
  const empty = { payloads: new Map(), urls: new Map(), files: new Set<string>() };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!isMissing(error)) logger.warn(`cannot read ${file} (${(error as Error).message}); the WARC files are read instead`);
    return empty;
  }
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    if (data.format !== PAYLOAD_INDEX_FORMAT || data.version !== 1) throw new Error('not a payload index');
    const payloads = Object.entries(data.payloads as Record<string, KnownPayload>).filter(([, p]) => isKnownPayload(p));
    const urls = Object.entries(data.urls as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string');
    const files = (data.files as unknown[]).filter((f): f is string => typeof f === 'string');
    return { payloads: new Map(payloads), urls: new Map(urls), files: new Set(files) };
  } catch (error) {
    logger.warn(`${file} is damaged (${(error as Error).message}); the WARC files are read instead`);
    return empty;
  }
}

function isKnownPayload(value: unknown): value is KnownPayload {
  const p = value as Partial<KnownPayload> | null;
  return typeof p?.url === 'string' && typeof p.date === 'string' && typeof p.recordId === 'string' && typeof p.file === 'string';
}

