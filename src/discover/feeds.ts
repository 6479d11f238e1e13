/**
 * RSS 2.0 and Atom 1.0 feeds (Joomla emits both; RSS 1.0 read too): the article URLs they list.
 * Pure: the crawl fetches the feed and hands its text here.
 */
import { load } from 'cheerio/slim';
import { parseFeedDate } from './feed-dates.js';
import { classifyUrl, isAbsoluteUrl, parseHref } from './urls.js';
import { attrOf, childNode, childrenOf, childText, isNode, parseXml, textOf } from './xml.js';

/** One item of a feed. */
export interface FeedEntry {
  /** Absolute URL of the item's page (not normalised: the frontier does that). */
  readonly url: string;
  /** The title as plain text, entities decoded; null if the item has none. */
  readonly title: string | null;
  /** ISO 8601 with the offset the feed states; null if absent or unreadable. */
  readonly publishedAt: string | null;
}

/** The opening of a feed document: prolog (declaration, comments, doctype), then an rss, feed or rdf:RDF root. */
const FEED_ROOT = /^\uFEFF?\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<(?:[\w.-]+:)?(?:rss|feed|RDF)[\s>/]/;

/** Text that still holds an HTML entity after XML decoding (`&amp;eacute;` written by a double-escaping CMS). */
const LEFTOVER_ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/** Joomla's SEF suffix: with it on, the feed of `listing.html` is `listing.feed`. */
const HTML_SUFFIX = /\.html?$/i;

/** How many characters to sniff: a prolog longer than this is not a feed we know. */
const SNIFF_LENGTH = 4096;

/** Whether a text is an RSS, Atom or RDF feed document (sniffed from its root element). */
export function isFeedXml(text: string): boolean {
  return FEED_ROOT.test(text.slice(0, SNIFF_LENGTH));
}

/** The entries of an RSS or Atom feed, in feed order, without duplicates; [] for anything unreadable. */
export function parseFeed(xml: string, feedUrl: string): FeedEntry[] {
  if (!isFeedXml(xml)) return [];
  const root = parseXml(xml);
  if (!root) return [];
  const items = isNode(root.rss)
    ? childrenOf(childNode(root.rss, 'channel') ?? {}, 'item').map((item) => toRssEntry(item, feedUrl))
    : isNode(root.feed)
      ? childrenOf(root.feed, 'entry').map((entry) => toAtomEntry(entry, feedUrl))
      : isNode(root.RDF)
        ? childrenOf(root.RDF, 'item').map((item) => toRssEntry(item, feedUrl))
        : [];
  const seen = new Set<string>();
  return items.filter((entry): entry is FeedEntry => {
    if (!entry || seen.has(entry.url)) return false;
    seen.add(entry.url);
    return true;
  });
}

/** RSS: `<link>` text, else a `<guid>` that is a URL; `pubDate`, else Dublin Core `dc:date`. */
function toRssEntry(item: unknown, feedUrl: string): FeedEntry | null {
  if (!isNode(item)) return null;
  const url = toUrl(childText(item, 'link'), feedUrl) ?? toUrl(childText(item, 'guid'), feedUrl, true);
  if (!url) return null;
  return {
    url,
    title: toPlainTitle(childText(item, 'title')),
    publishedAt: parseFeedDate(childText(item, 'pubDate') ?? childText(item, 'date')),
  };
}

/** Atom: the `alternate` link (rel absent means alternate, RFC 4287 §4.2.7.2), else an `<id>` that is a URL. */
function toAtomEntry(entry: unknown, feedUrl: string): FeedEntry | null {
  if (!isNode(entry)) return null;
  const links = childrenOf(entry, 'link').filter(isNode);
  const alternates = links.filter((link) => (attrOf(link, 'rel') ?? 'alternate') === 'alternate');
  const html = alternates.find((link) => /html/i.test(attrOf(link, 'type') ?? 'text/html')) ?? alternates[0];
  const url = toUrl(html ? attrOf(html, 'href') : null, feedUrl) ?? toUrl(childText(entry, 'id'), feedUrl, true);
  if (!url) return null;
  return {
    url,
    title: atomText(entry.title),
    // `issued` and `modified` are Atom 0.3, still written by old Joomla extensions.
    publishedAt: parseFeedDate(
      childText(entry, 'published') ?? childText(entry, 'issued') ?? childText(entry, 'updated') ?? childText(entry, 'modified'),
    ),
  };
}

/** An Atom text construct (RFC 4287 §3.1): `text` as is, `html` escaped markup, `xhtml` inline elements. */
function atomText(value: unknown): string | null {
  const node = Array.isArray(value) ? value[0] : value;
  const type = isNode(node) ? attrOf(node, 'type') : null;
  const text = textOf(node);
  if (text === null) return null;
  // `html` is escaped markup, now unescaped; `xhtml` is the raw markup (a stop node in xml.ts).
  if (type === 'html' || type === 'xhtml') return htmlToText(text);
  return toPlainTitle(text);
}

/** A plain-text title, with the entities a double-escaping CMS left in it decoded (a literal `<` stays text). */
function toPlainTitle(text: string | null): string | null {
  return text !== null && LEFTOVER_ENTITY.test(text) ? htmlToText(text.replace(/</g, '&lt;')) : text;
}

/** An absolute http(s) URL from a link text; `strict` (guid, id) refuses relative ones, which are not locations. */
function toUrl(text: string | null, feedUrl: string, strict = false): string | null {
  if (text === null || (strict && !isAbsoluteUrl(text))) return null;
  return parseHref(text, feedUrl)?.href ?? null;
}

/** The text of an HTML fragment, tags dropped and entities decoded, whitespace collapsed (null if empty). */
function htmlToText(html: string): string | null {
  return textOf(load(html, null, false).root().text());
}

/**
 * Joomla's conventional feed URLs of a listing, RSS then Atom: `listing.feed?type=rss` when the
 * site writes `.html` suffixes (what Joomla's own `<link rel="alternate">` gives), else
 * `listing?format=feed&type=rss`. Pagination is dropped (a feed lists the newest items). [] for a
 * URL that is not a listing.
 */
export function feedUrlsFor(listingUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(listingUrl);
  } catch {
    return [];
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || classifyUrl(url) !== 'listing') return [];
  url.hash = '';
  for (const name of ['start', 'limitstart', 'format', 'type']) url.searchParams.delete(name);
  const suffixed = HTML_SUFFIX.test(url.pathname);
  if (suffixed) url.pathname = url.pathname.replace(HTML_SUFFIX, '.feed');
  return ['rss', 'atom'].map((type) => {
    const feed = new URL(url.href);
    if (!suffixed) feed.searchParams.set('format', 'feed');
    feed.searchParams.set('type', type);
    feed.searchParams.sort();
    return feed.href;
  });
}
