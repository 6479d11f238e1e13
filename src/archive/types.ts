/** The archive's data: one entry per article, and the store that alone writes `<out>`. */
import type { Article, DateSource, Initiative } from '../extract/types.js';
import type { Validators } from '../http/types.js';

/** Where the response an archived version came from is kept (WARC, issue 6). */
export interface WarcRef {
  /** Path of the WARC file relative to `<out>`. */
  readonly file: string;
  /** Its `WARC-Record-ID` ("<urn:uuid:…>"). */
  readonly recordId: string;
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
  readonly markdown: string;
}

/** What a save did. `duplicate`: the same text is already archived under another id. */
export type Change = 'new' | 'updated' | 'unchanged' | 'duplicate';

export interface SaveInput {
  readonly article: Article;
  readonly fetchedAt: string;
  /** Every URL that reached this article in this run, canonical one included. */
  readonly aliases: readonly string[];
  readonly warc?: WarcRef | undefined;
}

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
}
