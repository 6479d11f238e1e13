/**
 * Where the article is on the page, or why there is none. Joomla's own markup first (3/4/5 item
 * page, then the 1.5-era tables), then a content-scoring fallback; listings are recognised on the way.
 */
import type { Element } from 'domhandler';
import { isChrome, linkDensity } from './chrome.js';
import { hasAncestorUntil, textOf } from './dom.js';
import { firstOfTag, queryAll, queryWithin, type ElementIndex, type Query } from './query.js';
import { findMainContent } from './scoring.js';
import {
  ANCHOR,
  ARTICLE_BODY,
  ARTICLE_CONTAINER,
  CONTAINER_NON_BODY,
  LEGACY_BODY_CELL,
  LEGACY_HEADING,
  LEGACY_NON_BODY_CELL,
  LEGACY_TABLE,
  LISTING_MARKERS,
  MARKED_BODY,
  READ_MORE,
  TEASER,
} from './selectors.js';

/** The article's place on the page. */
export interface ArticleLocation {
  /** Which markup was recognised. */
  readonly layout: 'joomla' | 'joomla-legacy' | 'generic';
  /** The elements that make up the article (title, info, text); dates are read only in here. */
  readonly scope: readonly Element[];
  /** The element holding the text. */
  readonly body: Element;
  /** Parts of `body` that are not text (its header, info block, navigation). */
  readonly exclude: Query | null;
}

/** The article's location, or the reason the page has none. */
export type Located = { readonly kind: 'found'; readonly location: ArticleLocation } | { readonly kind: 'refused'; readonly reason: string };

/** Above this link density the best block of a page is a list of links, not an article. */
const LISTING_LINK_DENSITY = 0.5;

/** Finds the article on a parsed page. */
export function locateArticle(elements: ElementIndex): Located {
  const container = queryAll(elements, ARTICLE_CONTAINER).find(outsideChrome);
  if (container) return { kind: 'found', location: joomlaLocation(container) };

  const listing = queryAll(elements, LISTING_MARKERS).filter(outsideChrome);
  if (listing.length > 0) return refused('listing page (category blog or list), no single article');

  const headings = queryAll(elements, LEGACY_HEADING).filter(outsideChrome);
  if (headings.length > 1) return refused(`listing page (${headings.length} article headings)`);
  const legacy = legacyLocation(queryAll(elements, LEGACY_TABLE).filter(outsideChrome), headings[0]);
  if (legacy) return { kind: 'found', location: legacy };

  return genericLocation(elements);
}

/** Joomla 3/4/5: the item page, its marked body or, failing that, the whole container minus its furniture. */
function joomlaLocation(container: Element): ArticleLocation {
  for (const query of ARTICLE_BODY) {
    const body = queryWithin(container, query).find((el) => !hasAncestorUntil(el, container, isChrome));
    if (body) return { layout: 'joomla', scope: [container], body, exclude: null };
  }
  return { layout: 'joomla', scope: [container], body: container, exclude: CONTAINER_NON_BODY };
}

/**
 * Joomla 1.5: a `table.contentpaneopen` for the title and another for the date and text; the text is
 * the cell holding the most of it. A lone `h1/h2.contentheading` without tables: its parent block.
 */
function legacyLocation(tables: readonly Element[], heading: Element | undefined): ArticleLocation | null {
  if (tables.length > 0) {
    let body: Element | null = null;
    let longest = -1;
    for (const table of tables) {
      for (const cell of queryWithin(table, LEGACY_BODY_CELL)) {
        const length = textOf(cell).length;
        if (length > longest) {
          body = cell;
          longest = length;
        }
      }
    }
    if (body) return { layout: 'joomla-legacy', scope: tables, body, exclude: LEGACY_NON_BODY_CELL };
  }
  const parent = heading?.parent;
  if (heading && parent && parent.type === 'tag') {
    return { layout: 'joomla-legacy', scope: [parent], body: parent, exclude: LEGACY_NON_BODY_CELL };
  }
  return null;
}

/**
 * Any other markup: a marked article body, a lone `<article>`, or the best-scoring block. A page is a
 * listing only on evidence: several comparable teasers and no block that dominates them, a main block
 * that is mostly links, or a text that is mostly "read more" stubs. One dominant text block is an
 * article, whatever teasers, sidebars or "À lire aussi" cards surround it.
 */
function genericLocation(elements: ElementIndex): Located {
  const root = firstOfTag(elements, 'body') ?? elements.all.find((el) => el.parent === elements.root && el.type === 'tag');
  if (!root) return refused('empty page');
  const marked = queryAll(elements, MARKED_BODY).filter(outsideChrome);
  const teasers = queryAll(elements, TEASER).filter(outsideChrome);
  const articles = teasers.filter((el) => el.name === 'article');
  const body = marked.length === 1 ? marked[0] : articles.length === 1 ? articles[0] : findMainContent(root);
  if (!body) return refused('no article text found');
  const listing = listingEvidence(body, teasers);
  if (listing) return refused(listing);
  const parent = body.parent;
  const scope = parent && parent.type === 'tag' && parent !== root ? parent : body;
  return { kind: 'found', location: { layout: 'generic', scope: [scope], body, exclude: null } };
}

/** A dominant block holds at least this many times the text of the longest teaser beside it. */
const DOMINANCE = 3;
/** A block holding teasers is one article only if one of them holds this share of its text. */
const DOMINANT_SHARE = 0.6;
/** Text per "read more" link below which a block is a list of stubs (a teaser is a few lines). */
const STUB_TEXT = 400;

/** Why the page around `body` is a listing rather than one article, or null when it is an article. */
function listingEvidence(body: Element, teasers: readonly Element[]): string | null {
  const bodyLength = textOf(body).length;
  const inside = teasers.filter((el) => el !== body && contains(body, el));
  if (inside.length >= 3 && longest(inside) < DOMINANT_SHARE * bodyLength) return `listing page (${inside.length} article teasers)`;
  const beside = teasers.filter((el) => !contains(el, body) && !contains(body, el));
  if (beside.length >= 3 && longest(beside) * DOMINANCE > bodyLength) return `listing page (${beside.length} article teasers, none dominant)`;
  if (linkDensity(body) > LISTING_LINK_DENSITY) return 'listing page (its main block is mostly links)';
  const readMore = queryWithin(body, ANCHOR).filter((a) => READ_MORE.test(textOf(a))).length;
  if (readMore >= 3 && bodyLength / readMore < STUB_TEXT) return `listing page (${readMore} "read more" links)`;
  return null;
}

/** The text length of the longest of some blocks. */
function longest(blocks: readonly Element[]): number {
  let max = 0;
  for (const block of blocks) max = Math.max(max, textOf(block).length);
  return max;
}

/** Whether `inner` is `outer` or lies inside it. */
function contains(outer: Element, inner: Element): boolean {
  return hasAncestorUntil(inner, null, (el) => el === outer);
}

/** Whether no ancestor of an element (itself included) is site chrome. */
function outsideChrome(el: Element): boolean {
  return !hasAncestorUntil(el, null, isChrome);
}

function refused(reason: string): Located {
  return { kind: 'refused', reason };
}
