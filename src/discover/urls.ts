/**
 * URL normalisation, scope and classification for a Joomla site. Pure functions, no I/O.
 *
 * Joomla serves one article under many URLs (SITE.md): several category paths, the featured menu,
 * `index.php?option=com_content&view=article&id=N`, `/component/content/article/N-alias.html`, and
 * print or popup views. They all collapse to one article id, so one article gives one record.
 */

/**
 * Query parameters that only track the visitor or select a view of the same content. `page` is not
 * here: some components paginate with it, and dropping it would fold pages 2..N into page 1.
 */
const IGNORED_PARAMS = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|xtor|tmpl|print|layout|itemid|lang|hitcount|ml|format_html)$/i;

/** File endings that are never pages (assets and documents). */
const ASSET_EXTENSION = /\.(jpe?g|png|gif|webp|svg|ico|bmp|tiff?|pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|zip|rar|7z|gz|tgz|mp3|mp4|m4a|ogg|wav|avi|mov|webm|css|js|json|woff2?|ttf|eot|ics|vcf|csv|txt)$/i;

/**
 * Joomla components that serve forms, not content: "send to a friend" popups (one per article),
 * login and password forms, and search results (an endless space of `?searchword=` pages).
 */
const UTILITY_PATH = /^\/(?:index\.php\/)?component\/(?:mailto|users|user|search|finder)(?:\/|$)/i;
const UTILITY_OPTION = /^com_(?:mailto|users|user|search|finder)$/i;

/** `/<category path>/<id>-<alias>.html` (Joomla SEF) — the id is the leading number of the last segment. */
const SEF_ARTICLE = /\/0*(\d+)-[^/]*?(?:\.html?)?$/i;

/** `/component/content/article/3750` (Joomla 4 without an alias): the bare id. */
const COMPONENT_ARTICLE = /\/component\/content\/article\/0*(\d+)(?:\.html?)?$/i;

/** A last segment that is a date (`/agenda/2024-01-15`), not `<id>-<alias>`. */
const DATE_SEGMENT = /\/\d{4}-\d{2}(?:-\d{2})?(?:\.html?)?$/;

/** A content id of five digits or more in the last segment ("vorsatzschalung-33656", "arid,133484"). */
const CONTENT_ID = /(?:^|[^\d])\d{5,}(?:[^\d]|$)/u;
/** Words of a slug: "la-flamme_olympique" has three. */
const SLUG_SEPARATOR = /[-_+]+/u;
/** Words of a slug that an article has (a title made into a path), and a category path ("prochainement-a-beauvais") rarely does. */
const SLUG_WORDS = 4;
/** A dated path ("/2024/07/18/…"), the usual shape of a news or blog article. */
const DATED_PATH = /\/(?:19|20)\d{2}\/(?:0?[1-9]|1[0-2])\//u;
/** Listing paths: pagination, tags, categories, archives, search. */
const LISTING_PATH = /\/(?:page|tag|tags|category|categories|categorie|rubrique|archives?|search|recherche|author|auteur)(?:\/|$)/iu;

/** Sitemap file names: `sitemap.xml`, `sitemap_index.xml.gz`, `sitemap.txt` (plain-text protocol form). */
const SITEMAP_PATH = /sitemap[^/]*\.(?:xml|txt)(?:\.gz)?$/;

/** A percent escape, to be upper-cased (RFC 3986 §6.2.2.1: `%c3%a9` and `%C3%A9` are one URL). */
const PERCENT_ESCAPE = /%[0-9a-f]{2}/gi;

/** A full http(s) URL, scheme and host included, without spaces. */
const ABSOLUTE_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** What a URL of the site is, judged from the URL alone. */
export type UrlKind = 'article' | 'listing' | 'feed' | 'sitemap' | 'robots' | 'asset';

/** Whether a text is a full http(s) URL rather than a relative one (guids, Atom ids, sitemap lines). */
export function isAbsoluteUrl(text: string): boolean {
  return ABSOLUTE_URL.test(text.trim());
}

/** The distinct URLs of a list, in first-seen order, without the nulls of hrefs that were unusable. */
export function uniqueUrls(urls: readonly (string | null)[]): string[] {
  return [...new Set(urls.filter((url): url is string => url !== null))];
}

/** Parses an absolute or relative href against a base; null for unusable ones (mailto:, javascript:, garbage). */
export function parseHref(href: string, base: string | URL): URL | null {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/** The host without a leading `www.`: `www.beauvais.fr` and `beauvais.fr` are one site. */
function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/**
 * Whether a URL belongs to the site of `base`: same host (or its `www.`/bare twin), by either scheme,
 * on the same port (WHATWG URLs spell default ports as '', so http:80 and https:443 both match a
 * default-port base, and a test server's port must match exactly).
 */
export function isInScope(url: URL, base: URL): boolean {
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    bareHost(url.hostname) === bareHost(base.hostname) &&
    url.port === base.port
  );
}

/**
 * The canonical form of a site URL: the base's scheme, host and port, no fragment, no credentials,
 * no tracking or view parameters, `start=0` dropped, Joomla's `id=3750:alias` cut to `id=3750`,
 * remaining parameters sorted, path escapes upper-cased. Returns null outside the scope.
 */
export function normaliseUrl(input: string | URL, base: URL): string | null {
  const url = typeof input === 'string' ? parseHref(input, base) : input;
  if (!url || !isInScope(url, base)) return null;
  // Built as a string: each WHATWG URL setter re-parses the whole URL, and this runs for every link.
  const path = url.pathname.replace(/\/{2,}/g, '/').replace(PERCENT_ESCAPE, (escape) => escape.toUpperCase());
  const query = url.search === '' ? '' : canonicalQuery(url.searchParams);
  return `${base.protocol}//${base.host}${path}${query === '' ? '' : `?${query}`}`;
}

/** The parameters that identify the content, Joomla's `id=3750:alias` cut to its number, sorted. */
function canonicalQuery(params: URLSearchParams): string {
  const kept = [...params.entries()]
    .filter(([name]) => !IGNORED_PARAMS.test(name))
    // Joomla's `id=3750:alias` form carries the alias after a colon; the number is the identity.
    .map(([name, value]) => (name === 'id' || name === 'catid' ? [name, value.split(':')[0] ?? value] : [name, value]) as [string, string])
    .filter(([name, value]) => !(name === 'start' || name === 'limitstart') || value !== '0')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(kept).toString();
}

/** A decimal id without leading zeros, or null for "0" and non-numbers (kept as text: no float rounding). */
function toArticleId(digits: string | undefined): string | null {
  if (!digits || !/^\d+$/.test(digits)) return null;
  const id = digits.replace(/^0+/, '');
  return id === '' ? null : id;
}

/** The Joomla article id a URL carries (`/cat/3750-alias.html`, `?view=article&id=3750`), else null. */
export function articleIdFromUrl(input: string | URL): string | null {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return null;
  }
  if (isFeedUrl(url) || ASSET_EXTENSION.test(url.pathname)) return null;
  const params = url.searchParams;
  // `view=article` since Joomla 1.5; `task=view` is the Joomla 1.0 / Mambo form of old links.
  if (params.get('option') === 'com_content' && (params.get('view') === 'article' || params.get('task') === 'view')) {
    return toArticleId((params.get('id') ?? '').split(':')[0]);
  }
  const bare = COMPONENT_ARTICLE.exec(url.pathname);
  if (bare) return toArticleId(bare[1]);
  if (DATE_SEGMENT.test(url.pathname)) return null;
  return toArticleId(SEF_ARTICLE.exec(url.pathname)?.[1]);
}

/** Whether a URL is a Joomla feed (`listing.feed?type=rss`, `?format=feed&type=atom`). */
function isFeedUrl(url: URL): boolean {
  return url.pathname.endsWith('.feed') || url.searchParams.get('format') === 'feed';
}

/** Whether a URL is one of Joomla's form components (mail-a-friend, login, search): never content. */
function isUtilityUrl(url: URL): boolean {
  return UTILITY_PATH.test(url.pathname) || UTILITY_OPTION.test(url.searchParams.get('option') ?? '');
}

/**
 * What a URL of the site is, from the URL alone (the page itself may still prove otherwise).
 * 'asset' means "never a page to crawl": files, and Joomla's form components.
 */
export function classifyUrl(url: URL): UrlKind {
  const path = url.pathname.toLowerCase();
  if (path === '/robots.txt') return 'robots';
  if (isFeedUrl(url)) return 'feed';
  if (SITEMAP_PATH.test(path) || url.searchParams.get('option') === 'com_xmap' || url.searchParams.get('option') === 'com_jmap') return 'sitemap';
  if (ASSET_EXTENSION.test(path) || isUtilityUrl(url)) return 'asset';
  if (articleIdFromUrl(url)) return 'article';
  return 'listing';
}

/**
 * Whether a URL has the shape of one article's address: a Joomla article id, a dated path, or a last
 * segment made of a title's words ("/actualites/la-flamme-olympique-brillera-a-beauvais"). Evidence,
 * not proof: the extractor weighs it when it hesitates between an article and a listing.
 */
export function looksLikeArticleUrl(url: URL): boolean {
  if (LISTING_PATH.test(url.pathname) || url.searchParams.has('start') || url.searchParams.has('limitstart')) return false;
  if (articleIdFromUrl(url) !== null || DATED_PATH.test(url.pathname)) return true;
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  if (CONTENT_ID.test(last)) return true;
  const words = last.replace(/\.[a-z0-9]{2,5}$/iu, '').split(SLUG_SEPARATOR).filter((word) => /\p{L}/u.test(word));
  return words.length >= SLUG_WORDS;
}

