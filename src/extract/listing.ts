/**
 * Is the block found the article of the page, or one teaser among many? A decision by evidence, not by
 * one count of one tag: a listing shows several comparable teasers and no block that dominates them,
 * or its main block is mostly links, or mostly "read more" stubs. A news page with three "À lire aussi"
 * cards under a long text is an article. The block may come from another tree than the teasers
 * (Readability's reading), so teasers are matched by their text, never by node identity.
 */
import type { Element } from 'domhandler';
import { linkDensity } from './chrome.js';
import { textOf } from './dom.js';
import { queryWithin } from './query.js';
import { classifyUrl, isInScope, parseHref, looksLikeArticleUrl } from '../discover/urls.js';
import { ANCHOR, HEADING_LINK, READ_MORE } from './selectors.js';

/** Above this link density the main block of a page is a list of links, not an article. */
const LISTING_LINK_DENSITY = 0.5;
/** A dominant block holds this many times the text of the longest teaser beside it… */
const DOMINANCE = 3;
/** …or, at an article's address and when the block is itself a stub, this many times. */
const DOMINANCE_AT_ARTICLE_URL = 1.5;
/** A block is a listing when teasers hold this share of its text and none of them dominates it. */
const TEASERS_SHARE = 0.5;
const DOMINANT_SHARE = 0.6;
/** Text per "read more" link below which a block is a list of stubs (a teaser is a few lines). */
const STUB_TEXT = 400;
/** A teaser is recognised inside a block by this much of its text. */
const TEASER_PROBE = 80;
/** A teaser holding this share of the block's text, and overlapping it, is the block itself. */
const AROUND_SHARE = 0.8;
/** Teasers shorter than this (an empty card, a picture) say nothing either way. */
const MIN_TEASER = 20;

/** A teaser of the page, read once for every reading it is weighed against. */
export interface Teaser {
  readonly element: Element;
  readonly text: string;
  /**
   * A teaser card links to its article: a block named "article" that links to no other page of the
   * site is a part of the page's own text (its sections, a listicle's entries).
   */
  readonly linksWithinSite: boolean;
}

/** The page's teasers with their text, those too short to say anything left out. */
export function readTeasers(teasers: readonly Element[], pageUrl: URL): Teaser[] {
  return teasers
    .map((element) => ({ element, text: textOf(element) }))
    .filter(({ text }) => text.length >= MIN_TEASER)
    .map((teaser) => ({ ...teaser, linksWithinSite: linksWithinSite(teaser.element, pageUrl) }));
}

/** Why the page is a listing rather than one article in `body` (whose text is `text`), or null when it is an article. */
export function listingEvidence(body: Element, text: string, teasers: readonly Teaser[], pageUrl: URL): string | null {
  const articleUrl = looksLikeArticleUrl(pageUrl);
  const inside: number[] = [];
  const beside: number[] = [];
  let around = false;
  for (const { element: teaser, text: teaserText, linksWithinSite: linked } of teasers) {
    const overlaps = teaserText.includes(text.slice(0, TEASER_PROBE)) || text.includes(teaserText.slice(0, TEASER_PROBE));
    // The one teaser that is the block itself (or holds it whole) is the article around it.
    if (!around && overlaps && teaserText.length >= AROUND_SHARE * text.length) {
      around = true;
      // A listing of one: at a listing's address, a short card whose heading links to another page.
      if (!articleUrl && teaserText.length < STUB_TEXT && headsAnotherPage(teaser, pageUrl)) return 'listing page (1 article teaser)';
      continue;
    }
    if (!linked) continue;
    // A teaser can only be inside a block longer than itself.
    if (teaserText.length >= text.length) {
      beside.push(teaserText.length);
      continue;
    }
    (text.includes(teaserText.slice(0, TEASER_PROBE)) ? inside : beside).push(teaserText.length);
  }
  // Two comparable cards already make a listing, unless the URL is an article's.
  const fewest = articleUrl ? 3 : 2;
  const insideText = inside.reduce((sum, length) => sum + length, 0);
  if (inside.length >= fewest && insideText >= TEASERS_SHARE * text.length && Math.max(...inside) < DOMINANT_SHARE * text.length) return `listing page (${inside.length} article teasers)`;
  // At an article's address, teasers beside the block are its related articles, unless the block is
  // itself a stub among them (a few lines, a "read more" link).
  const readMore = readMoreLinks(body);
  const dominance = !articleUrl ? DOMINANCE : around && isStub(text, readMore) ? DOMINANCE_AT_ARTICLE_URL : 0;
  if (beside.length >= fewest && Math.max(...beside) * dominance > text.length) return `listing page (${beside.length} article teasers, none dominant)`;
  if (linkDensity(body) > LISTING_LINK_DENSITY) return 'listing page (its main block is mostly links)';
  if (readMore >= 3 && text.length / readMore < STUB_TEXT) return `listing page (${readMore} "read more" links)`;
  return null;
}

/** Whether a teaser's heading links to a page other than `pageUrl` (the card of another article). */
function headsAnotherPage(teaser: Element, pageUrl: URL): boolean {
  return queryWithin(teaser, HEADING_LINK).some((a) => {
    const target = parseHref(a.attribs['href'] ?? '', pageUrl);
    return target !== null && target.pathname !== pageUrl.pathname;
  });
}

/** Whether a block links to another page of the site the page belongs to. */
function linksWithinSite(block: Element, pageUrl: URL): boolean {
  return queryWithin(block, ANCHOR).some((a) => {
    const target = parseHref(a.attribs['href'] ?? '', pageUrl);
    return target !== null && isInScope(target, pageUrl) && target.pathname !== pageUrl.pathname && classifyUrl(target) !== 'asset';
  });
}

/** How many "read more" links a block holds. */
function readMoreLinks(block: Element): number {
  return queryWithin(block, ANCHOR).filter((a) => READ_MORE.test(textOf(a))).length;
}

/** Whether a block is a teaser's stub: a few lines, or a text ending on a "read more" link. */
function isStub(text: string, readMore: number): boolean {
  return text.length < STUB_TEXT || readMore > 0;
}
