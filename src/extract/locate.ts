/**
 * Where the article is on the page, or why there is none. Joomla's own markup first (3/4/5 item
 * page, then the 1.5-era tables), then a content-scoring fallback; listings are recognised on the way.
 */
import type { Element } from 'domhandler';
import { isChrome } from './chrome.js';
import { hasAncestorUntil, textOf } from './dom.js';
import { firstOfTag, queryAll, queryWithin, type ElementIndex, type Query } from './query.js';
import { findMainContent } from './scoring.js';
import {
  ARTICLE_BODY,
  ARTICLE_CONTAINER,
  CONTAINER_NON_BODY,
  LEGACY_BODY_CELL,
  LEGACY_HEADING,
  LEGACY_NON_BODY_CELL,
  LEGACY_TABLE,
  LISTING_MARKERS,
  MARKED_BODY,
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
  /** Generic layout: the teasers of the page (articles, blog posts), evidence of a listing. */
  readonly teasers?: readonly Element[];
  /** Generic layout: false when no block scored and `body` is the page's `<body>`. */
  readonly scored?: boolean;
}

/** The article's location, or the reason the page has none. */
export type Located = { readonly kind: 'found'; readonly location: ArticleLocation } | { readonly kind: 'refused'; readonly reason: string };

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
 * Any other markup: a marked article body, a lone `<article>`, or the best-scoring block (the page's
 * `<body>` when nothing scores). Whether it is one article or a listing is decided once the body is
 * chosen (listing.ts), from the teasers found here.
 */
function genericLocation(elements: ElementIndex): Located {
  const root = firstOfTag(elements, 'body') ?? elements.all.find((el) => el.parent === elements.root && el.type === 'tag');
  if (!root) return refused('empty page');
  const marked = queryAll(elements, MARKED_BODY).filter(outsideChrome);
  const teasers = queryAll(elements, TEASER).filter(outsideChrome);
  const articles = teasers.filter((el) => el.name === 'article');
  const body = (marked.length === 1 ? marked[0] : articles.length === 1 ? articles[0] : findMainContent(root)) ?? null;
  const parent = body?.parent;
  const scope = body && parent && parent.type === 'tag' && parent !== root ? parent : body ?? root;
  return { kind: 'found', location: { layout: 'generic', scope: [scope], body: body ?? root, exclude: null, teasers, scored: body !== null } };
}

/** Whether no ancestor of an element (itself included) is site chrome. */
function outsideChrome(el: Element): boolean {
  return !hasAncestorUntil(el, null, isChrome);
}

function refused(reason: string): Located {
  return { kind: 'refused', reason };
}
