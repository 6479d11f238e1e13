/** The archive's data: one entry per article, and the store that alone writes `<out>`. */
import type { Article, DateSource, Initiative } from '../extract/types.js';
import type { Validators } from '../http/types.js';
import type { MediaFiles } from './media-files.js';

/** Where the response an archived version came from is kept: a WARC file and one of its records. */
export interface WarcRef {
  /** Path of the WARC file relative to `<out>`. */
  readonly file: string;
  /** Its `WARC-Record-ID` ("<urn:uuid:…>"). */
  readonly recordId: string;
}

/** An archived file of an article, as its front matter lists it. */
export interface MediaRef {
  /** The URL the article links to. */
  readonly url: string;
  /** The file, relative to `<out>` (POSIX): `media/<sha256>-<name>.<ext>`. */
  readonly path: string;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  /** The media type the bytes were confirmed as ("image/jpeg", "application/pdf"). */
  readonly type: string;
  readonly bytes: number;
}

/** One archived article: the YAML front matter fields plus the Markdown body. */
export interface ArchiveEntry {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  /** Other URLs that reached the same article (category paths, index.php forms…), sorted. */
  readonly aliases: readonly string[];
  readonly publishedAt: string | null;
  readonly updatedAt: string | null;
  readonly section: string | null;
  readonly initiatives: readonly Initiative[];
  readonly contentHash: string;
  readonly fetchedAt: string;
  /** When the crawler first saw this article (ISO 8601, UTC). */
  readonly firstSeenAt: string;
  /** Where publishedAt came from; "first-seen" when the file is dated by firstSeenAt. */
  readonly dateSource: DateSource | null;
  /** Earlier versions, relative to `<out>` (e.g. ".history/3750/2026-11-26T10-00-00Z.md"), oldest first. */
  readonly history: readonly string[];
  readonly warc?: WarcRef | undefined;
  /** The files of the article archived under `media/` (its Markdown links to them), in body order. */
  readonly media?: readonly MediaRef[] | undefined;
  readonly markdown: string;
}

/** What a save did. `duplicate`: the same text is already archived under another id. */
export type Change = 'new' | 'updated' | 'unchanged' | 'duplicate';

/** What the crawl hands to `ArchiveStore.save`. */
export interface SaveInput {
  readonly article: Article;
  readonly fetchedAt: string;
  /** Every URL that reached this article in this run, canonical one included. */
  readonly aliases: readonly string[];
  readonly warc?: WarcRef | undefined;
  /** The article's media archived in this run; undefined when media are not archived (the archived ones stay). */
  readonly media?: readonly MediaRef[] | undefined;
}

/** What `ArchiveStore.save` did, and the entry and file concerned. */
export interface SaveResult {
  readonly change: Change;
  readonly entry: ArchiveEntry;
  /** The archive file, relative to `<out>` (POSIX separators). */
  readonly path: string;
  /** With `duplicate`: the id already holding the same text. */
  readonly duplicateOf?: string | undefined;
}

/** What the crawl remembers of one URL between runs. */
export interface UrlState {
  readonly validators?: Validators | undefined;
  /** The article this URL gave, if any. */
  readonly articleId?: string | undefined;
  /** Set while the URL's last fetch failed: it is retried first by the next run. */
  readonly failed?: { readonly reason: string; readonly at: string } | undefined;
  /** When the URL last answered 404 or 410: runs stop revisiting it, unless a page links to it again. */
  readonly goneAt?: string | undefined;
}

/** What the crawl remembers of one media URL between runs: the file it gave and how to ask again. */
export interface MediaState {
  readonly validators?: Validators | undefined;
  readonly file: Omit<MediaRef, 'url'>;
}

/** The one writer of `<out>`: archive files, their history and the crawl state. */
export interface ArchiveStore {
  /** The archive folder, as given to `openArchive`. */
  readonly outDir: string;
  /** What the previous runs remember of a URL. */
  urlState(url: string): UrlState | undefined;
  /** URLs whose last fetch failed, sorted: the next run retries them first. */
  failedUrls(): string[];
  /** URLs whose last fetch gave a page (articles, listings, static pages): a run revisits them all. */
  knownUrls(): string[];
  /** Records that a URL the archive knows answered 404 or 410 (its article, if any, stays archived). */
  recordGone(url: string): Promise<void>;
  /**
   * Records a successful fetch (200 or 304) and clears the URL's failure. `validators`: omitted keeps
   * the known ones, `{}` forgets them. `articleId`: omitted keeps it, null forgets it.
   */
  recordFetch(url: string, state: { validators?: Validators | undefined; articleId?: string | null | undefined }): Promise<void>;
  /** Records that the URL failed for good in this run (kept until a later fetch succeeds). */
  recordFailure(url: string, reason: string): Promise<void>;
  /** Archives an article: new, updated (previous version kept in history), unchanged or duplicate. */
  save(input: SaveInput): Promise<SaveResult>;
  /** Adds URLs to an archived article's aliases; rewrites its file only if the set grew. */
  addAliases(id: string, urls: readonly string[]): Promise<boolean>;
  /** What the previous runs remember of a media URL. */
  mediaState(url: string): MediaState | undefined;
  /** Records the file a media URL gave (200 or 304) and its validators. */
  recordMedia(url: string, state: MediaState): Promise<void>;
  /** The archived entry of an article, read from its file; undefined if missing or unreadable. */
  readArticle(id: string): Promise<{ readonly path: string; readonly entry: ArchiveEntry } | undefined>;
  /** The media folder: downloads stream into it (atomic, one file per content). */
  readonly media: MediaFiles;
  /** Compacts the state and releases the lock; idempotent. */
  close(): Promise<void>;
}
