/** `extract --format markdown`: an article as an archive file (YAML front matter and body), and its file name under `--to`. */
import { archivePathFor, toArchiveEntry } from '../archive/entry.js';
import { renderArchiveFile } from '../archive/front-matter.js';
import { toIdSegment, toSlug } from '../archive/slug.js';
import type { ArchiveEntry } from '../archive/types.js';
import type { Article } from '../extract/types.js';

function toEntry(article: Article, fetchedAt: string): ArchiveEntry {
  return toArchiveEntry(article, { fetchedAt, firstSeenAt: fetchedAt, aliases: [], history: [] });
}

/** The Markdown file of an extracted article, as the archive would write it. */
export function renderArticleFile(article: Article, fetchedAt: string): string {
  return renderArchiveFile(toEntry(article, fetchedAt));
}

/**
 * `YYYY-MM-DD-<slug>-<id>.md`: the archive's file name with the article id always added, so two
 * articles of one day with one title do not overwrite each other, and one article given twice is one file.
 */
export function articleFileName(article: Article, fetchedAt: string): string {
  return archivePathFor(toEntry(article, fetchedAt), toSlug(article.title), toIdSegment(article.id)).split('/').pop() ?? '';
}
