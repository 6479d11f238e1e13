/**
 * What saving an article means, decided from the state alone (pure, no I/O): the change, the entry,
 * the file, and what to keep as history. The store carries the plan out, or with --dry-run only
 * reports it, so a dry run and a real run can never disagree.
 */
import { NotAnArticleError } from '../errors.js';
import { archivePathFor, historyPathFor, toArchiveEntry } from './entry.js';
import { toIdSegment, toSlug } from './slug.js';
import { isSameValue, type ArticleFacts, type CrawlState } from './state.js';
import { linkMedia } from '../media/link.js';
import type { ArchiveEntry, MediaRef, SaveInput, SaveResult } from './types.js';

/** A decided save: its result, and for a new or changed text what to write. */
export interface SavePlan {
  readonly result: SaveResult;
  /** Updated only: the previous file and where its content is kept. */
  readonly history?: { readonly from: string; readonly to: string } | undefined;
  /** Updated only: the previous file, when the new one goes elsewhere (the date or title changed). */
  readonly removePath?: string | undefined;
}

/** The plan for saving `input` given what the archive already holds. */
export function planSave(state: CrawlState, input: SaveInput): SavePlan {
  const { article } = input;
  // An empty extraction is a broken page or template, never a new version of an article.
  if (article.markdown.trim() === '') {
    throw new NotAnArticleError(article.url, 'the extracted body is empty; refusing to archive it');
  }
  const known = state.articles.get(article.id);

  // Same text and, when this run archived media, the same media: nothing to write.
  if (known && known.contentHash === article.contentHash && (input.media === undefined || isSameValue(known.media ?? [], toMediaKeys(input.media)))) {
    const entry = toArchiveEntry(article, {
      fetchedAt: known.fetchedAt,
      firstSeenAt: known.firstSeenAt,
      aliases: known.aliases,
      history: known.history,
      media: input.media,
    });
    // What is written again if the file was deleted by hand.
    return { result: { change: 'unchanged', entry: withMediaLinked(entry, known.path), path: known.path } };
  }

  const holder = state.byHash.get(article.contentHash);
  const holderFacts = holder === undefined ? undefined : state.articles.get(holder);
  // Only a new id can be a duplicate: an archived article whose text changes is updated, even to
  // the text of another article, or its file would keep a version the site no longer shows.
  if (!known && holder !== undefined && holder !== article.id && holderFacts) {
    const entry = toArchiveEntry(article, {
      fetchedAt: input.fetchedAt,
      firstSeenAt: input.fetchedAt,
      aliases: input.aliases,
      history: [],
      warc: input.warc,
    });
    return { result: { change: 'duplicate', entry, path: holderFacts.path, duplicateOf: holder } };
  }

  const historyPath = known ? historyPathFor(article.id, known.fetchedAt) : undefined;
  const entry = toArchiveEntry(article, {
    fetchedAt: input.fetchedAt,
    firstSeenAt: known?.firstSeenAt ?? input.fetchedAt,
    aliases: known ? [...known.aliases, known.url, ...input.aliases] : input.aliases,
    history: known && historyPath ? unique([...known.history, historyPath]) : [],
    warc: input.warc,
    media: input.media,
  });
  const path = choosePath(state, entry);
  return {
    result: { change: known ? 'updated' : 'new', entry: withMediaLinked(entry, path), path },
    history: known && historyPath ? { from: known.path, to: historyPath } : undefined,
    removePath: known && known.path !== path ? known.path : undefined,
  };
}

/** The facts the state keeps of an archived entry. */
export function toFacts(entry: ArchiveEntry, path: string): ArticleFacts {
  return {
    path,
    url: entry.url,
    contentHash: entry.contentHash,
    fetchedAt: entry.fetchedAt,
    firstSeenAt: entry.firstSeenAt,
    aliases: entry.aliases,
    history: entry.history,
    ...(entry.media && entry.media.length > 0 ? { media: toMediaKeys(entry.media) } : {}),
  };
}

/** The entry as its file at `path` holds it: the body's links to archived media point at their copies. */
function withMediaLinked(entry: ArchiveEntry, path: string): ArchiveEntry {
  return entry.media ? { ...entry, markdown: linkMedia(entry.markdown, entry.media, path) } : entry;
}

/** What tells one version's media from another's: each file's hash and URL. */
export function toMediaKeys(media: readonly MediaRef[]): string[] {
  return media.map((m) => `${m.sha256} ${m.url}`);
}

/** Whether a stored file already holds `entry`'s version: the same text and the same media. */
export function isSameVersion(stored: ArchiveEntry | undefined, entry: ArchiveEntry): boolean {
  return stored?.contentHash === entry.contentHash && isSameValue(toMediaKeys(stored.media ?? []), toMediaKeys(entry.media ?? []));
}

/**
 * The file of an entry: `YYYY/MM/YYYY-MM-DD-<slug>.md`, or with `-<id>` when another article already
 * has that name. The id is unique, so the name does not depend on a counter; a name that is still
 * taken (another title that happens to end in the id) gets the id again until it is free.
 */
function choosePath(state: CrawlState, entry: ArchiveEntry): string {
  const slug = toSlug(entry.title);
  const idSegment = toIdSegment(entry.id);
  let path = archivePathFor(entry, slug);
  let suffix = idSegment;
  while (isTakenByAnother(state, path, entry.id)) {
    path = archivePathFor(entry, slug, suffix);
    suffix = `${suffix}-${idSegment}`;
  }
  return path;
}

function isTakenByAnother(state: CrawlState, path: string, id: string): boolean {
  const owner = state.byPath.get(path);
  return owner !== undefined && owner !== id;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
