/**
 * Types of generate-site.js: a deterministic, lazily rendered Joomla 3 site of the city hall of
 * Beauvais, shared by the benchmark (plain Node) and the test suites (TypeScript).
 */

export interface SiteOptions {
  /** Number of news articles (default 200). Article `i` keeps its id, title, category and date whatever the count. */
  readonly articles?: number;
  /** Seed of every random draw (default "beauvais"): one seed, one site, byte for byte. */
  readonly seed?: string | number;
  /** Size range of an article page in bytes, chrome included (default [40_000, 80_000]); padded with agenda entries. */
  readonly pageBytes?: readonly [number, number];
  /** Teasers per listing page; listings paginate with `?start=N` (default 20). */
  readonly perListingPage?: number;
  /** Joomla id of the oldest article (default 1000); ids are consecutive. */
  readonly firstId?: number;
  /** Share of articles whose page shows no date (default 0), as the real seed page. */
  readonly undatedShare?: number;
  /**
   * The site's template (default "joomla3"): "agency" renders articles and listings as a web agency's
   * HTML5 template would (no Joomla classes, no structured data, "À lire aussi" cards); "script-only"
   * renders articles in the browser from JSON, so their HTML holds no text (listings as "agency").
   */
  readonly template?: 'joomla3' | 'agency' | 'script-only';
  /** Versions per article id (default all 0): recreates a mutated site in another process (see `Site.versions()`). */
  readonly versions?: Readonly<Record<string, number>>;
}

/** One block of an article body. */
export type Block =
  | { readonly type: 'p'; readonly text: string }
  | { readonly type: 'h3'; readonly text: string }
  | { readonly type: 'img'; readonly src: string; readonly alt: string }
  /** "Renseignements : <text> – <a>horaires…</a>" */
  | { readonly type: 'info'; readonly text: string }
  /** "<heading> :" then the items, as `<ul>` or as "- item ;" lines joined by `<br />` (the last ends with "."). */
  | { readonly type: 'initiatives'; readonly style: 'ul' | 'dashes'; readonly heading: string; readonly items: readonly string[] };

/** What an article page shows, i.e. what an extractor should find in it. */
export interface ArticleModel {
  /** The Joomla id, as a string ("1000"). */
  readonly id: string;
  readonly index: number;
  readonly title: string;
  readonly alias: string;
  readonly category: { readonly alias: string; readonly title: string };
  readonly categoryIndex: number;
  /** `/actualites/<category>/<id>-<alias>.html` */
  readonly path: string;
  /** Publication instant, epoch milliseconds. */
  readonly publishedAt: number;
  /** "2017-12-08T10:30:00+01:00" (Europe/Paris), as in `time[datetime]`. */
  readonly publishedIso: string;
  /** The Paris calendar date, "2017-12-08". */
  readonly publishedDate: string;
  /** "8 décembre 2017", as printed after "Publication : ". */
  readonly publishedFrench: string;
  /** Whether the page shows the date at all (see `undatedShare`). */
  readonly dated: boolean;
  /** Last change, epoch ms: the Last-Modified header. Equals `publishedAt` until mutated. */
  readonly modifiedAt: number;
  /** 0, plus one per `mutate()`; a new version adds a first paragraph "Mise à jour (version N) : …" and redraws the body. */
  readonly version: number;
  readonly blocks: readonly Block[];
  /** The list of the body, if any: heading without its colon, items without bullet or final punctuation. */
  readonly initiatives: { readonly heading: string; readonly items: readonly string[] } | null;
  /** The first paragraph (the teaser text of listings and the feed). */
  readonly intro: string;
}

/** A response as the web server would send it. `body` is empty for 304. */
export interface SiteResponse {
  readonly status: 200 | 304;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/**
 * The routes: `/` (home), `/actualites.html[?start=N]` (all news, newest first, "Suivant" links),
 * `/actualites/<category>.html[?start=N]`, `/actualites/<category>/<id>-<alias>.html` (exact path
 * only), `/actualites.feed?type=rss` (newest `perListingPage`), `/sitemap.xml` (every article),
 * `/robots.txt` (Joomla's, Disallow /administrator/), static menu pages (`/<section>.html`,
 * `/<section>/<page>.html`, `/agenda.html`, `/plan-du-site.html`) and `/administrator/`
 * (linked from the footer, disallowed by robots.txt). `?start` past the end, or any other path: null.
 */
export interface Site {
  readonly articleCount: number;
  readonly seed: string;
  /** The model of an article by Joomla id, at its current version. */
  article(id: string | number): ArticleModel | undefined;
  /** The model of the `index`-th oldest article (0-based). */
  articleAt(index: number): ArticleModel;
  /** Every article, oldest first, built one at a time. */
  articles(): Generator<ArticleModel>;
  /** Every article path, oldest first. */
  articlePaths(): string[];
  /** Whether a request path (query allowed) has the form of an article page. */
  isArticlePath(path: string): boolean;
  /** Number of pages of `/actualites.html`. */
  listingPages(): number;
  /** Gives the articles a new version: new body, new ETag, later Last-Modified. Listings change with them. */
  mutate(ids: Iterable<string | number>): void;
  /** The current versions of mutated articles, for `SiteOptions.versions`. */
  versions(): Record<string, number>;
  /**
   * Answers a GET: 200 with content-type, a strong ETag (hash of the body) and Last-Modified, or 304
   * when If-None-Match matches (or, without it, If-Modified-Since is not older: RFC 9110 §13.2.2);
   * null for an unknown path. Absolute URLs (feed, sitemap, robots.txt) use the `host` header.
   */
  route(pathAndQuery: string, requestHeaders?: Readonly<Record<string, string | string[] | undefined>>): SiteResponse | null;
}

/** Builds the site model (nothing is rendered until `route` asks). */
export function generateSite(options?: SiteOptions): Site;
