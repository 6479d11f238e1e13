/**
 * From an extracted article to an archive entry, and where its file goes. Pure functions.
 *
 * Files are dated by the Paris calendar date of publication (SITE.md: an article published at 00:30
 * on 8 December is dated 8 December, not 7 December in UTC). A page without a trustworthy date is
 * dated by the day the crawler first saw it, and says so (`dateSource: first-seen`): the archive
 * never invents a publication date.
 */
import { toParisDate as parisDateOf } from '../extract/paris-time.js';
import type { Article } from '../extract/types.js';
import { toIdSegment } from './slug.js';
import type { ArchiveEntry, MediaRef, WarcRef } from './types.js';

/** What an entry needs besides the article: when it was fetched and seen, and what the store knows. */
export interface EntryContext {
  readonly fetchedAt: string;
  readonly firstSeenAt: string;
  /** URLs that reached the article; the canonical URL is dropped, the rest sorted and deduplicated. */
  readonly aliases: readonly string[];
  readonly history: readonly string[];
  readonly warc?: WarcRef | undefined;
  readonly media?: readonly MediaRef[] | undefined;
}

/** The calendar date a file is filed under, and whether it is the first-seen date. */
export interface ArchiveDate {
  /** "YYYY-MM-DD" in Europe/Paris. */
  readonly date: string;
  readonly firstSeen: boolean;
}

/** Where earlier versions of articles are kept, relative to `<out>`. */
export const HISTORY_DIR = '.history';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date-time with an explicit offset: an instant, to be seen from Paris. */
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
/** A date-time without offset: by the extractor's contract, already Paris local time. */
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
/** What a path piece (slug, id suffix) may hold: nothing that could climb out of its folder. */
const SAFE_PATH_PIECE = /^[a-z0-9][a-z0-9_-]*$/;
/** Characters kept in a history file name (ISO 8601 with ':' turned into '-'). */
const NOT_HISTORY_NAME_CHARACTER = /[^0-9A-Za-z.+-]/g;

/** The archive entry of an article fetched at `ctx.fetchedAt`. */
export function toArchiveEntry(article: Article, ctx: EntryContext): ArchiveEntry {
  const dated = toParisDate(article.publishedAt) !== null;
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    aliases: toAliases(article.url, ctx.aliases),
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    section: article.section,
    initiatives: article.initiatives,
    contentHash: article.contentHash,
    fetchedAt: ctx.fetchedAt,
    firstSeenAt: ctx.firstSeenAt,
    dateSource: dated ? article.dateSource : 'first-seen',
    history: [...ctx.history],
    ...(ctx.warc ? { warc: ctx.warc } : {}),
    ...(ctx.media && ctx.media.length > 0 ? { media: ctx.media } : {}),
    markdown: article.markdown,
  };
}

/** Sorted, deduplicated aliases without the canonical URL itself. */
export function toAliases(canonicalUrl: string, urls: Iterable<string>): string[] {
  const set = new Set(urls);
  set.delete(canonicalUrl);
  return [...set].sort();
}

/** The Paris calendar date an entry is filed under: its publication date, else its first-seen date. */
export function archiveDate(entry: Pick<ArchiveEntry, 'publishedAt' | 'firstSeenAt'>): ArchiveDate {
  const published = toParisDate(entry.publishedAt);
  if (published) return { date: published, firstSeen: false };
  const seen = toParisDate(entry.firstSeenAt);
  if (seen) return { date: seen, firstSeen: true };
  throw new Error(`cannot date the archive entry: firstSeenAt ${JSON.stringify(entry.firstSeenAt)} is not an ISO 8601 date`);
}

/** The file of an entry, relative to `<out>`: `YYYY/MM/YYYY-MM-DD-<slug>[-<suffix>].md` (POSIX). */
export function archivePathFor(
  entry: Pick<ArchiveEntry, 'publishedAt' | 'firstSeenAt'>,
  slug: string,
  suffix?: string,
): string {
  assertSafePiece(slug);
  if (suffix !== undefined) assertSafePiece(suffix);
  const { date } = archiveDate(entry);
  const name = suffix === undefined ? `${date}-${slug}` : `${date}-${slug}-${suffix}`;
  return `${date.slice(0, 4)}/${date.slice(5, 7)}/${name}.md`;
}

/** The file keeping the version of article `id` fetched at `fetchedAt`, relative to `<out>`. */
export function historyPathFor(id: string, fetchedAt: string): string {
  // ':' is not allowed in Windows file names; the rest guards against a hostile timestamp.
  const name = fetchedAt.replace(/:/g, '-').replace(NOT_HISTORY_NAME_CHARACTER, '-');
  return `${HISTORY_DIR}/${toIdSegment(id)}/${name}.md`;
}

/** The Paris calendar date ("YYYY-MM-DD") of an ISO 8601 date or date-time; null if it is not one. */
export function toParisDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const text = iso.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) return isRealDate(text) ? text : null;
  const local = LOCAL_DATE_TIME.exec(text);
  if (local?.[1]) return isRealDate(local[1]) ? local[1] : null;
  if (!DATE_TIME_WITH_OFFSET.test(text)) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const date = parisDateOf(new Date(ms));
  return DATE_ONLY.test(date) ? date : null;
}

/** Whether "YYYY-MM-DD" names a day of the calendar (not 2017-02-30). */
function isRealDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d;
}

function assertSafePiece(piece: string): void {
  if (!SAFE_PATH_PIECE.test(piece)) throw new Error(`unsafe file name piece ${JSON.stringify(piece)}`);
}
