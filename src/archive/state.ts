/**
 * The crawl state, in memory: what is known of each URL (validators, the article it gave, its last
 * failure) and of each archived article (file, content hash, dates, aliases, history), with two
 * indexes: content hash → id (the same text under another id is a duplicate) and path → id (two
 * titles that slug alike on one day must not share a file).
 *
 * It changes only through events, and applying an event SETS a value rather than adding to one, so
 * replaying a journal over a snapshot that already contains it changes nothing (a crash between
 * writing the snapshot and emptying the journal loses nothing and duplicates nothing).
 */
import type { MediaState, UrlState } from './types.js';

/** What the store remembers of one archived article. */
export interface ArticleFacts {
  /** The archive file, relative to `<out>` (POSIX). */
  readonly path: string;
  /** The canonical URL of the archived version. */
  readonly url: string;
  readonly contentHash: string;
  /** When the archived version was fetched (names its history file once it is replaced). */
  readonly fetchedAt: string;
  readonly firstSeenAt: string;
  readonly aliases: readonly string[];
  readonly history: readonly string[];
  /** The archived version's media, as "<sha256> <url>" (what tells a change of media from none). */
  readonly media?: readonly string[] | undefined;
}

/** One change of the state; a journal line. */
export type StateEvent =
  | { readonly type: 'url'; readonly url: string; readonly state: UrlState }
  | { readonly type: 'article'; readonly id: string; readonly facts: ArticleFacts }
  | { readonly type: 'media'; readonly url: string; readonly state: MediaState };

/** The state and its indexes. Mutated only by `applyEvent`. */
export interface CrawlState {
  readonly urls: Map<string, UrlState>;
  readonly articles: Map<string, ArticleFacts>;
  /** Content hash → the id that first archived that text. */
  readonly byHash: Map<string, string>;
  /** Archive file → the id it belongs to. */
  readonly byPath: Map<string, string>;
  /** Media URL → the file it last gave and its validators (never revisited as a page). */
  readonly media: Map<string, MediaState>;
}

/** The JSON form of the state (`<out>/.state/snapshot.json`). */
export interface Snapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: 1;
  readonly urls: Record<string, UrlState>;
  readonly articles: Record<string, ArticleFacts>;
  /** Absent in snapshots written before media were archived. */
  readonly media?: Record<string, MediaState>;
}

/** The `format` field of a snapshot: a JSON file that is not ours is not mistaken for one. */
export const SNAPSHOT_FORMAT = 'beauvais-archive-state';

/** A state with nothing in it. */
export function emptyState(): CrawlState {
  return { urls: new Map(), articles: new Map(), byHash: new Map(), byPath: new Map(), media: new Map() };
}

/** Applies one event (idempotent: applying it twice leaves the same state). */
export function applyEvent(state: CrawlState, event: StateEvent): void {
  if (event.type === 'url') {
    state.urls.set(event.url, event.state);
    return;
  }
  if (event.type === 'media') {
    state.media.set(event.url, event.state);
    return;
  }
  const previous = state.articles.get(event.id);
  if (previous) {
    if (state.byPath.get(previous.path) === event.id) state.byPath.delete(previous.path);
    if (state.byHash.get(previous.contentHash) === event.id) state.byHash.delete(previous.contentHash);
  }
  state.articles.set(event.id, event.facts);
  state.byPath.set(event.facts.path, event.id);
  if (!state.byHash.has(event.facts.contentHash)) state.byHash.set(event.facts.contentHash, event.id);
}

/** What the state holds now where `event` would set a value (undefined: nothing yet). */
export function currentValue(state: CrawlState, event: StateEvent): unknown {
  if (event.type === 'url') return state.urls.get(event.url);
  return event.type === 'media' ? state.media.get(event.url) : state.articles.get(event.id);
}

/** The snapshot of a state, keys sorted so that two equal states give the same file. */
export function toSnapshot(state: CrawlState): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    version: 1,
    urls: Object.fromEntries([...state.urls].sort(byKey)),
    articles: Object.fromEntries([...state.articles].sort(byKey)),
    ...(state.media.size > 0 ? { media: Object.fromEntries([...state.media].sort(byKey)) } : {}),
  };
}

/** The state a snapshot text holds; throws an Error saying what is wrong with it. */
export function parseSnapshot(text: string): CrawlState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message})`);
  }
  if (!isRecord(data) || data['format'] !== SNAPSHOT_FORMAT || data['version'] !== 1) {
    throw new Error(`not a version 1 ${SNAPSHOT_FORMAT} snapshot`);
  }
  const urls = data['urls'];
  const articles = data['articles'];
  if (!isRecord(urls) || !isRecord(articles)) throw new Error('"urls" and "articles" must be objects');
  const state = emptyState();
  for (const [url, value] of Object.entries(urls)) {
    if (!isUrlState(value)) throw new Error(`invalid state for URL ${url}`);
    applyEvent(state, { type: 'url', url, state: value });
  }
  for (const [id, value] of Object.entries(articles)) {
    if (!isArticleFacts(value)) throw new Error(`invalid facts for article ${id}`);
    applyEvent(state, { type: 'article', id, facts: value });
  }
  const media = data['media'] ?? {};
  if (!isRecord(media)) throw new Error('"media" must be an object');
  for (const [url, value] of Object.entries(media)) {
    if (!isMediaState(value)) throw new Error(`invalid state for media ${url}`);
    applyEvent(state, { type: 'media', url, state: value });
  }
  return state;
}

/** The event a journal line holds; throws if the line is not one. */
export function parseEvent(line: string): StateEvent {
  const data: unknown = JSON.parse(line);
  if (isRecord(data) && data['type'] === 'url' && typeof data['url'] === 'string' && isUrlState(data['state'])) {
    return data as unknown as StateEvent;
  }
  if (isRecord(data) && data['type'] === 'article' && typeof data['id'] === 'string' && isArticleFacts(data['facts'])) {
    return data as unknown as StateEvent;
  }
  if (isRecord(data) && data['type'] === 'media' && typeof data['url'] === 'string' && isMediaState(data['state'])) {
    return data as unknown as StateEvent;
  }
  throw new Error('not a state event');
}

/** A UrlState without undefined fields, so that equal states serialise equally. */
export function toUrlState(state: UrlState): UrlState {
  const validators = state.validators && {
    ...(state.validators.etag !== undefined ? { etag: state.validators.etag } : {}),
    ...(state.validators.lastModified !== undefined ? { lastModified: state.validators.lastModified } : {}),
  };
  return {
    ...(validators && Object.keys(validators).length > 0 ? { validators } : {}),
    ...(state.articleId !== undefined ? { articleId: state.articleId } : {}),
    ...(state.failed !== undefined ? { failed: { reason: state.failed.reason, at: state.failed.at } } : {}),
    ...(state.goneAt !== undefined ? { goneAt: state.goneAt } : {}),
  };
}

/** Whether two JSON-like values are equal (same keys in the same order, as events are built). */
export function isSameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isUrlState(value: unknown): value is UrlState {
  if (!isRecord(value)) return false;
  const { validators, articleId, failed, goneAt } = value;
  if (!isOptionalValidators(validators)) return false;
  if (!optionalString(articleId) || !optionalString(goneAt)) return false;
  return failed === undefined || (isRecord(failed) && typeof failed['reason'] === 'string' && typeof failed['at'] === 'string');
}

function isMediaState(value: unknown): value is MediaState {
  if (!isRecord(value) || !isRecord(value['file']) || !isOptionalValidators(value['validators'])) return false;
  const file = value['file'];
  return ['path', 'sha256', 'type'].every((key) => typeof file[key] === 'string') && typeof file['bytes'] === 'number';
}

function isArticleFacts(value: unknown): value is ArticleFacts {
  return (
    isRecord(value) &&
    ['path', 'url', 'contentHash', 'fetchedAt', 'firstSeenAt'].every((key) => typeof value[key] === 'string') &&
    isStringArray(value['aliases']) &&
    isStringArray(value['history'])
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isOptionalValidators(value: unknown): boolean {
  return value === undefined || (isRecord(value) && optionalString(value['etag']) && optionalString(value['lastModified']));
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function byKey<T>([a]: [string, T], [b]: [string, T]): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
