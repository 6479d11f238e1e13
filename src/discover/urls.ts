/**
 * URL normalisation, scope and classification for a Joomla site. Pure functions, no I/O.
 *
 * Joomla serves one article under many URLs (SITE.md): several category paths, the featured menu,
 * `index.php?option=com_content&view=article&id=N`, `/component/content/article/N-alias.html`, and
 * print or popup views. They all collapse to one article id, so one article gives one record.
 */

/** Query parameters that only track the visitor or select a view of the same content. */
const IGNORED_PARAMS = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|xtor|tmpl|print|page|layout|itemid|lang|hitcount|ml|format_html)$/i;

/** File endings that are never pages (assets and documents). */
const ASSET_EXTENSION = /\.(jpe?g|png|gif|webp|svg|ico|bmp|tiff?|pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|zip|rar|7z|gz|tgz|mp3|mp4|m4a|ogg|wav|avi|mov|webm|css|js|json|woff2?|ttf|eot|ics|vcf|csv|txt)$/i;

/** `/<category path>/<id>-<alias>.html` (Joomla SEF) — the id is the leading number of the last segment. */
const SEF_ARTICLE = /\/(\d+)-[^/]*?(?:\.html?)?$/i;

/** What a URL of the site is, judged from the URL alone. */
export type UrlKind = 'article' | 'listing' | 'feed' | 'sitemap' | 'robots' | 'asset';

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
 * The canonical form of a site URL: the base's scheme, host and port, no fragment, no tracking or
 * view parameters, remaining parameters sorted; Joomla article views collapse to their SEF-less id
 * form only when the URL carries no better path. Returns null outside the scope.
 */
export function normaliseUrl(input: string | URL, base: URL): string | null {
  const url = typeof input === 'string' ? parseHref(input, base) : new URL(input.href);
  if (!url || !isInScope(url, base)) return null;
  url.protocol = base.protocol;
  url.hostname = base.hostname;
  url.port = base.port;
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams.entries()]
    .filter(([name]) => !IGNORED_PARAMS.test(name))
    // Joomla's `id=3750:alias` form carries the alias after a colon; the number is the identity.
    .map(([name, value]) => (name === 'id' || name === 'catid' ? [name, value.split(':')[0] ?? value] : [name, value]) as [string, string])
    .filter(([name, value]) => !(name === 'start' || name === 'limitstart') || value !== '0')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  url.pathname = url.pathname.replace(/\/{2,}/g, '/');
  return url.href;
}

/** The Joomla article id a URL carries (`/cat/3750-alias.html`, `?view=article&id=3750`), else null. */
export function articleIdFromUrl(input: string | URL): string | null {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return null;
  }
  const params = url.searchParams;
  if (params.get('option') === 'com_content' && params.get('view') === 'article') {
    const id = (params.get('id') ?? '').split(':')[0] ?? '';
    return /^\d+$/.test(id) ? String(Number(id)) : null;
  }
  if (isFeedUrl(url) || ASSET_EXTENSION.test(url.pathname)) return null;
  const match = SEF_ARTICLE.exec(url.pathname);
  return match?.[1] ? String(Number(match[1])) : null;
}

/** Whether a URL is a Joomla feed (`listing.feed?type=rss`, `?format=feed&type=atom`). */
export function isFeedUrl(url: URL): boolean {
  return url.pathname.endsWith('.feed') || url.searchParams.get('format') === 'feed';
}

/** What a URL of the site is, from the URL alone (the page itself may still prove otherwise). */
export function classifyUrl(url: URL): UrlKind {
  const path = url.pathname.toLowerCase();
  if (path === '/robots.txt') return 'robots';
  if (isFeedUrl(url)) return 'feed';
  if (/sitemap[^/]*\.xml(\.gz)?$/.test(path) || url.searchParams.get('option') === 'com_xmap' || url.searchParams.get('option') === 'com_jmap') return 'sitemap';
  if (ASSET_EXTENSION.test(path)) return 'asset';
  if (articleIdFromUrl(url)) return 'article';
  return 'listing';
}
