/**
 * The crawl frontier: an in-memory, bounded, deduplicating queue of site URLs. One per crawl,
 * created by the crawl command; nothing here is shared between crawls.
 *
 * Deduplication is by normalised URL and by Joomla article id: the same article reached through
 * another category path, the featured menu or `index.php?…&id=N` is an alias, recorded (its URLs
 * join the article's record) but not fetched again.
 */
import { articleIdFromUrl, classifyUrl, normaliseUrl, type UrlKind } from './urls.js';

/** What `add` did with a URL. */
export type AddResult =
  /** New: queued for fetching. */
  | 'queued'
  /** Already known (queued, fetched, or an alias). */
  | 'seen'
  /** A new URL of an article id already known: recorded, not queued. */
  | 'alias'
  /** Not a URL of the site (another host or port, not http(s), unparseable). */
  | 'outside'
  /** A file or a form, never crawled. */
  | 'asset'
  /** The queue is at its bound; the URL is not recorded and may be added again later. */
  | 'full';

/** One URL to fetch. */
export interface FrontierItem {
  /** The normalised URL. */
  readonly url: string;
  readonly kind: UrlKind;
  /** The Joomla article id the URL carries, when it is an article candidate. */
  readonly articleId: string | null;
}

export interface FrontierOptions {
  /** The site: URLs outside it are refused, URLs inside it take its scheme and host. */
  readonly base: URL;
  /** Most URLs waiting at once (default 200,000); beyond, `add` answers 'full'. */
  readonly maxQueued?: number;
}

/** The frontier of one crawl. */
export interface Frontier {
  /** Adds a URL; `kind` (from a feed, a sitemap, a pagination link) overrides what the URL alone suggests. */
  add(url: string, kind?: UrlKind): AddResult;
  /** The next URL to fetch: robots, sitemaps and feeds first, then articles, then listings; FIFO within a kind. */
  next(): FrontierItem | undefined;
  /** Gives a URL taken by `next` one more turn (a transient failure); false if unknown, queued, or already retried. */
  requeue(url: string): boolean;
  /** Whether a URL (normalised) is known: queued, taken or an alias. */
  has(url: string): boolean;
  /** The kind a known URL was queued as, or undefined. */
  kindOf(url: string): UrlKind | undefined;
  /** Every URL seen for an article id, sorted ([] if unknown). */
  aliasesOf(articleId: string): string[];
  /** Every article id reached through more than one URL, with its URLs sorted. */
  aliasGroups(): Array<[string, string[]]>;
  /** URLs waiting. */
  readonly size: number;
  /** Distinct normalised URLs recorded (queued, taken and aliases). */
  readonly seenCount: number;
}

/** Fetch order: what lists many URLs cheaply first, so a `--max-pages N` run archives before wandering. */
const PRIORITY: readonly UrlKind[] = ['robots', 'sitemap', 'feed', 'article', 'listing'];

/** URL kinds proven by the URL itself: a hint from a list does not make a feed an article. */
const KINDS_FROM_URL: ReadonlySet<UrlKind> = new Set(['robots', 'sitemap', 'feed']);

const DEFAULT_MAX_QUEUED = 200_000;

/** Compact a queue once this many taken slots sit in front of it (and they are at least half of it). */
const COMPACT_AFTER = 1024;

interface Entry {
  readonly kind: UrlKind;
  readonly articleId: string | null;
  state: 'queued' | 'taken' | 'alias';
  retried: boolean;
}

/** A FIFO queue with O(1) amortised take: a head index instead of `Array.shift`, compacted now and then. */
interface Queue {
  items: string[];
  head: number;
}

/** Creates an empty frontier for the site of `options.base`. */
export function createFrontier(options: FrontierOptions): Frontier {
  const { base } = options;
  const maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
  const entries = new Map<string, Entry>();
  const urlsById = new Map<string, string[]>();
  const queues = new Map<UrlKind, Queue>(PRIORITY.map((kind) => [kind, { items: [], head: 0 }]));
  let queued = 0;

  const enqueue = (url: string, kind: UrlKind): void => {
    queues.get(kind)?.items.push(url);
    queued += 1;
  };

  return {
    add(input, hint) {
      // Most calls repeat a URL already known in its normal form (menus, sidebars): skip the parse.
      if (entries.has(input)) return 'seen';
      const url = normaliseUrl(input, base);
      if (url === null) return 'outside';
      if (entries.has(url)) return 'seen';
      // Classified from the normal form, parsed once for both questions.
      const parsed = new URL(url);
      const kind = resolveKind(classifyUrl(parsed), hint);
      if (kind === 'asset') return 'asset';
      const articleId = kind === 'article' ? articleIdFromUrl(parsed) : null;
      const known = articleId === null ? undefined : urlsById.get(articleId);
      if (known) {
        known.push(url);
        entries.set(url, { kind, articleId, state: 'alias', retried: false });
        return 'alias';
      }
      if (queued >= maxQueued) return 'full';
      entries.set(url, { kind, articleId, state: 'queued', retried: false });
      if (articleId !== null) urlsById.set(articleId, [url]);
      enqueue(url, kind);
      return 'queued';
    },

    next() {
      for (const kind of PRIORITY) {
        const queue = queues.get(kind);
        const url = queue ? take(queue) : undefined;
        if (url === undefined) continue;
        queued -= 1;
        const entry = entries.get(url);
        if (entry) entry.state = 'taken';
        return { url, kind, articleId: entry?.articleId ?? null };
      }
      return undefined;
    },

    requeue(input) {
      const url = normaliseUrl(input, base);
      const entry = url === null ? undefined : entries.get(url);
      if (url === null || !entry || entry.state !== 'taken' || entry.retried || queued >= maxQueued) return false;
      entry.state = 'queued';
      entry.retried = true;
      enqueue(url, entry.kind);
      return true;
    },

    has(input) {
      const url = normaliseUrl(input, base);
      return url !== null && entries.has(url);
    },

    kindOf(input) {
      const url = normaliseUrl(input, base);
      return url === null ? undefined : entries.get(url)?.kind;
    },

    aliasesOf(articleId) {
      return [...(urlsById.get(articleId) ?? [])].sort();
    },

    aliasGroups() {
      return [...urlsById]
        .filter(([, urls]) => urls.length > 1)
        .map(([id, urls]): [string, string[]] => [id, [...urls].sort()]);
    },

    get size() {
      return queued;
    },

    get seenCount() {
      return entries.size;
    },
  };
}

/** The kind to queue a URL as: the caller's hint, unless the URL itself is an asset, robots.txt, a sitemap or a feed. */
function resolveKind(fromUrl: UrlKind, hint: UrlKind | undefined): UrlKind {
  if (hint === undefined || fromUrl === 'asset' || KINDS_FROM_URL.has(fromUrl)) return fromUrl;
  return hint;
}

/** Takes the oldest item, or undefined when the queue is empty. */
function take(queue: Queue): string | undefined {
  if (queue.head >= queue.items.length) return undefined;
  const url = queue.items[queue.head];
  queue.head += 1;
  if (queue.head >= COMPACT_AFTER && queue.head * 2 >= queue.items.length) {
    queue.items = queue.items.slice(queue.head);
    queue.head = 0;
  }
  return url;
}
