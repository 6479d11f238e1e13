/** The JSON record every command emits (the public schema: schema/record.schema.json). */
import type { ArchiveEntry, MediaRef } from '../archive/types.js';
import type { Article } from '../extract/types.js';

/** The record of one article, as `extract` prints it: the article and when it was fetched. */
export interface ArticleRecord extends Article {
  readonly fetchedAt: string;
}

/** What `crawl --json` and `export` add: where the file is and how it changed. */
export interface ArchiveRecord extends ArticleRecord {
  readonly aliases: readonly string[];
  readonly path: string;
  readonly firstSeenAt: string;
  readonly change?: 'new' | 'updated' | undefined;
  /** The files archived with the article (front matter `media`); absent when none. */
  readonly media?: readonly MediaRef[] | undefined;
}

/** The record of a freshly extracted article. */
export function toRecord(article: Article, fetchedAt: string): ArticleRecord {
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    dateSource: article.dateSource,
    section: article.section,
    initiatives: article.initiatives,
    markdown: article.markdown,
    text: article.text,
    contentHash: article.contentHash,
    fetchedAt,
  };
}

/** The record of an archived article; `text` is derived from the Markdown, as the extractor does. */
export function toArchiveRecord(
  entry: ArchiveEntry,
  path: string,
  text: string,
  change?: 'new' | 'updated',
): ArchiveRecord {
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    publishedAt: entry.publishedAt,
    updatedAt: entry.updatedAt,
    dateSource: entry.dateSource,
    section: entry.section,
    initiatives: entry.initiatives,
    markdown: entry.markdown,
    text,
    contentHash: entry.contentHash,
    fetchedAt: entry.fetchedAt,
    aliases: entry.aliases,
    path,
    firstSeenAt: entry.firstSeenAt,
    ...(change ? { change } : {}),
    ...(entry.media && entry.media.length > 0 ? { media: entry.media } : {}),
  };
}
