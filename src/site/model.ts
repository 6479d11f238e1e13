/**
 * The archive as the site sees it: each article with its Paris date, month, section and the site
 * paths of its pages. Read through the archive's own reader (archive/read-archive.ts), so the site
 * parses front matter exactly as `export` and `verify` do.
 */
import { archiveDate } from '../archive/entry.js';
import { isMediaPath } from '../archive/media-names.js';
import type { ArchiveEntry, MediaRef } from '../archive/types.js';
import { toSlug } from '../archive/slug.js';

/** What the listing pages show of an article, and where the site shows it (kept between builds). */
export interface SiteSummary {
  /** The archive file, relative to `<out>` ("2017/12/2017-12-08-slug.md"). */
  readonly source: string;
  readonly title: string;
  readonly section: string | null;
  readonly publishedAt: string | null;
  /** "YYYY-MM-DD", Paris calendar date the archive files it under. */
  readonly date: string;
  /** Whether `date` is the day the crawler first saw the article (the page gave none). */
  readonly firstSeen: boolean;
  /** "YYYY-MM". */
  readonly month: string;
  /** The article's page in the site ("2017/12/2017-12-08-slug.html"). */
  readonly page: string;
  /** Its history page, when it has earlier versions. */
  readonly historyPage: string | undefined;
  /** The section's page ("rubriques/culture.html"), when it has a section. */
  readonly sectionPage: string | undefined;
  readonly media: readonly MediaRef[];
}

/** An archived article with its entry, for its own pages. */
export interface SiteArticle extends SiteSummary {
  readonly entry: ArchiveEntry;
}

const MARKDOWN_EXTENSION = /\.md$/;

/** The site's view of one archive file. */
export function toSiteArticle(source: string, entry: ArchiveEntry): SiteArticle {
  const { date, firstSeen } = archiveDate(entry);
  const page = source.replace(MARKDOWN_EXTENSION, '.html');
  return {
    source,
    entry,
    title: entry.title,
    section: entry.section,
    publishedAt: entry.publishedAt,
    date,
    firstSeen,
    month: date.slice(0, 7),
    page,
    historyPage: entry.history.length > 0 ? page.replace(/\.html$/, '.historique.html') : undefined,
    sectionPage: entry.section ? toSectionPage(entry.section) : undefined,
    media: toKeptMedia(entry),
  };
}

/** The summary of an article, without its entry (what a later build needs of an unchanged article). */
export function toSiteSummary(article: SiteArticle): SiteSummary {
  const { entry: _entry, ...summary } = article;
  return summary;
}

/** The page of a section ("Vie municipale" → "rubriques/vie-municipale.html"). */
function toSectionPage(section: string): string {
  return `rubriques/${toSlug(section, 60) || 'sans-nom'}.html`;
}

/** Newest first: by date, then by publication time, then by file, so that equal dates keep one order from build to build. */
export function compareNewestFirst(a: SiteSummary, b: SiteSummary): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  const at = a.publishedAt ?? '';
  const bt = b.publishedAt ?? '';
  if (at !== bt) return at < bt ? 1 : -1;
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

/** The entry's kept media (none in an archive written before media were kept), but for any path outside `<out>/media/`. */
function toKeptMedia(entry: ArchiveEntry): MediaRef[] {
  return (entry.media ?? []).filter((m) => isMediaPath(m.path));
}
