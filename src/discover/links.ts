/**
 * The links of a page that the crawl may follow: in-site pages, advertised feeds, and the listing's
 * next page. Pure: reads the page's element index, never changes the page.
 */
import type { Element } from 'domhandler';
import { hasAncestorUntil, textOf } from '../extract/dom.js';
import { compileQuery, queryAll, queryWithin } from '../extract/query.js';
import type { Page } from '../extract/types.js';
import { toMediaType } from '../http/content-type.js';
import { classifyUrl, normaliseUrl, parseHref, uniqueUrls } from './urls.js';

/** What a page links to, each list normalised, in scope and deduplicated, in document order. */
export interface PageLinks {
  /** Every followable page link (`a[href]`, `area[href]`), assets excluded. `rel=nofollow` is followed: same site. */
  readonly links: string[];
  /** Feeds advertised with `<link rel="alternate" type="application/rss+xml|application/atom+xml">`. */
  readonly feeds: string[];
  /** The next page of a listing, or null. */
  readonly next: string | null;
}

const LINK = compileQuery('a[href], area[href]');
const FEED_LINK = compileQuery('link[rel~="alternate" i][href]');
const FEED_TYPES: ReadonlySet<string> = new Set(['application/rss+xml', 'application/atom+xml']);

/** An explicit next page: `<link rel="next">` in the head (SEO plugins), then `<a rel="next">`. */
const REL_NEXT = compileQuery('link[rel~="next" i][href], a[rel~="next" i][href]');

/**
 * Pagination links: Joomla 3 `div.pagination ul.pagination-list`, Joomla 4 `ul.pagination`,
 * `nav.pagination__wrapper`, Joomla 1.5/2.5 `li.pagination-next` and `a.pagenav`.
 */
const PAGINATION = compileQuery('[class*="pagination"] a[href], a.pagenav[href]');

/**
 * The previous/next *article* navigation of an article page (pagenavigation plugin): Joomla 3
 * `ul.pager.pagenav`, Joomla 4 `nav.pagenavigation` (whose inner span is even classed
 * `pagination`), Joomla 1.5 `table.pagenav`. Its "Suivant" and rel=next lead to another article,
 * not to the next page of a listing.
 */
const ARTICLE_NAVIGATION = compileQuery('.pagenav, .pagenavigation');

/** "Suivant", "Page suivante", "Aller à la page suivante" (Joomla 4 aria-label), "Next", "Go to next page". */
const NEXT_WORD = /(?:^|[^\p{L}])(?:suivante?|next)(?:$|[^\p{L}])/iu;

/** Next-page icons: Joomla 3 `icon-next`, Joomla 4 `icon-angle-right`, Bootstrap `icon-chevron-right`. */
const NEXT_ICON = compileQuery('[class~="icon-next"], [class~="icon-angle-right"], [class~="icon-chevron-right"]');

/** Arrow glyphs, best first: "›" is next where "»" is last; alone, "»" and ">" mean next. */
const NEXT_GLYPHS = ['›', '→', '»', '>'];

/** A pagination or rel=next link, read once from the DOM. */
interface NextCandidate {
  readonly href: string | undefined;
  /** title, aria-label and text together. */
  readonly label: string;
  readonly text: string;
  readonly hasNextIcon: boolean;
  readonly inArticleNavigation: boolean;
}

/** The links, advertised feeds and next page of a page, each in the scope of `base`. */
export function extractLinks(page: Page, base: URL): PageLinks {
  const { elements } = page;
  // Parsed once: a string base would be parsed again by every `new URL(href, base)`.
  const pageBase = new URL(page.baseUrl);
  const toSiteUrl = (href: string | undefined): string | null => {
    const url = href === undefined ? null : parseHref(href, pageBase);
    return url ? normaliseUrl(url, base) : null;
  };
  // Menus and sidebars repeat the same hrefs: each distinct one is resolved once per page.
  const followable = new Map<string, string | null>();
  const toFollowable = (href: string | undefined): string | null => {
    if (href === undefined) return null;
    let url = followable.get(href);
    if (url === undefined) {
      const resolved = toSiteUrl(href);
      url = resolved !== null && !isAsset(resolved) ? resolved : null;
      followable.set(href, url);
    }
    return url;
  };
  const links = uniqueUrls(queryAll(elements, LINK).map((el) => toFollowable(el.attribs['href'])));
  const feeds = uniqueUrls(
    queryAll(elements, FEED_LINK)
      .filter((el) => FEED_TYPES.has(toMediaType(el.attribs['type'])))
      .map((el) => toSiteUrl(el.attribs['href'])),
  );
  const read = (link: Element): NextCandidate => {
    const text = textOf(link);
    return {
      href: link.attribs['href'],
      label: [link.attribs['title'], link.attribs['aria-label'], text].join(' '),
      text,
      hasNextIcon: queryWithin(link, NEXT_ICON).length > 0,
      inArticleNavigation: hasAncestorUntil(link.parent, null, ARTICLE_NAVIGATION.matches),
    };
  };
  const self = normaliseUrl(page.url, base);
  const usable = (candidate: NextCandidate): string | null => {
    if (candidate.inArticleNavigation) return null;
    // Pagination links are page links too: their resolution is already cached.
    const url = toFollowable(candidate.href);
    return url !== self ? url : null;
  };
  return { links, feeds, next: findNext(queryAll(elements, REL_NEXT).map(read), queryAll(elements, PAGINATION).map(read), usable) };
}

/** The next page: the first usable rel=next, else the pagination link that most clearly says "next". */
function findNext(
  relNext: readonly NextCandidate[],
  pagination: readonly NextCandidate[],
  usable: (candidate: NextCandidate) => string | null,
): string | null {
  for (const candidate of relNext) {
    const url = usable(candidate);
    if (url) return url;
  }
  let best: { url: string; rank: number } | null = null;
  for (const candidate of pagination) {
    const rank = nextRank(candidate);
    if (rank === null || (best && best.rank <= rank)) continue;
    const url = usable(candidate);
    if (url) best = { url, rank };
  }
  return best?.url ?? null;
}

/** How clearly a pagination link says "next page" (0 is clearest), or null if it does not. */
function nextRank(candidate: NextCandidate): number | null {
  if (NEXT_WORD.test(candidate.label)) return 0;
  if (candidate.hasNextIcon) return 1;
  const glyph = NEXT_GLYPHS.indexOf(candidate.text);
  return glyph === -1 ? null : 2 + glyph;
}

function isAsset(url: string): boolean {
  return classifyUrl(new URL(url)) === 'asset';
}
