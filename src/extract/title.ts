/**
 * The article's own title. Precedence: JSON-LD headline, Joomla's headline markup inside the article,
 * og:title, then `<title>` without the site name. Never the site name ("BEAUVAIS - Capitale de
 * l'Oise") and never a menu "page heading" (Joomla's optional `h1` that repeats the menu item's name
 * above the article's own `h2`).
 */
import type { Element } from 'domhandler';
import { isChrome } from './chrome.js';
import { cleanText, hasAncestorUntil, textOf } from './dom.js';
import type { HeadIndex } from './head.js';
import type { JsonLdArticle } from './json-ld.js';
import { LIST_ITEM } from './plain-text.js';
import { queryAll, querySubtree, type ElementIndex, type Query } from './query.js';
import {
  ACTIVE_MENU_ITEM,
  LEADING_SITE_NAME,
  MAIN_HEADING,
  META_OG_TITLE,
  META_SITE_NAME,
  SITE_NAME,
  TITLE_IN_CONTAINER,
  TITLE_SEPARATORS,
  TRAILING_SITE_NAME,
} from './selectors.js';

/** Finds the title of the article whose parts are `scope`; "" when there is none worth the name. */
export function extractTitle(elements: ElementIndex, head: HeadIndex, scope: readonly Element[], jsonLd: JsonLdArticle | null): string {
  const siteNames = META_SITE_NAME.map((key) => comparable(head.meta(key) ?? '')).filter((name) => name !== '');
  let menuLabels: string[] | null = null;
  const accept = (raw: string | null | undefined, rejectMenuLabels = false): string | null => {
    const title = cleanText(raw ?? '');
    if (title === '' || siteNames.includes(comparable(title))) return null;
    // Joomla's menu "page heading" is an h1 in a .page-header that repeats the active menu entry.
    if (rejectMenuLabels && (menuLabels ??= listed(elements, ACTIVE_MENU_ITEM)).includes(comparable(title))) return null;
    return SITE_NAME.test(title) && comparable(title.replace(SITE_NAME, '')) === '' ? null : title;
  };
  const fromJsonLd = accept(jsonLd?.headline);
  if (fromJsonLd) return fromJsonLd;
  for (const query of TITLE_IN_CONTAINER) {
    for (const part of scope) {
      for (const el of querySubtree(part, query)) {
        if (hasAncestorUntil(el, part, isChrome)) continue;
        const title = accept(textOf(el), query.selector.endsWith('h1'));
        if (title) return title;
      }
    }
  }
  const fromOpenGraph = accept(stripSiteName(head.meta(...META_OG_TITLE) ?? '', siteNames));
  if (fromOpenGraph) return fromOpenGraph;
  // The article's main heading (one `h1` in its scope) is `<title>` without a site name no rule knows
  // ("Titre | Ville de Beauvais"): preferred when `<title>` holds it, used alone when there is no `<title>`.
  const headings = scope.flatMap((part) => querySubtree(part, MAIN_HEADING).filter((el) => !hasAncestorUntil(el, part, isChrome)));
  const heading = headings.length === 1 && headings[0] ? accept(textOf(headings[0]), true) : null;
  const fromTitle = accept(stripSiteName(head.title ?? '', siteNames));
  if (heading && (!fromTitle || comparable(fromTitle).includes(comparable(heading)))) return heading;
  return fromTitle ?? heading ?? '';
}

/** The comparable texts of the elements a query finds. */
function listed(elements: ElementIndex, query: Query): string[] {
  return queryAll(elements, query).map((el) => comparable(textOf(el))).filter((name) => name !== '');
}

/**
 * "Titre - BEAUVAIS - Capitale de l'Oise" and "BEAUVAIS - Capitale de l'Oise | Titre" to "Titre";
 * `siteNames` (comparable forms) are other names to strip from either end.
 */
function stripSiteName(title: string, siteNames: readonly string[] = []): string {
  let text = cleanText(title).replace(LEADING_SITE_NAME, '').replace(TRAILING_SITE_NAME, '');
  const separators = [...text.matchAll(TITLE_SEPARATORS)];
  const first = separators[0];
  const last = separators[separators.length - 1];
  if (last?.index !== undefined && siteNames.includes(comparable(text.slice(last.index + last[0].length)))) {
    text = text.slice(0, last.index);
  } else if (first?.index !== undefined && siteNames.includes(comparable(text.slice(0, first.index)))) {
    text = text.slice(first.index + first[0].length);
  }
  return cleanText(text);
}

/** Lower case, no accents, no punctuation: for comparing labels. */
export function comparable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A title made from a text's first line is cut to about this many characters, at a word. */
const TEXT_TITLE_MAX = 100;

/**
 * A title for a page that names none (no `<title>`, heading or metadata) but holds an article on
 * markup no site rule knows: its first line of text, cut at a word, so the article is archived under
 * its own opening words rather than lost.
 */
export function titleFromText(text: string): string {
  const lines = text.split('\n').map((line) => cleanText(line.replace(LIST_ITEM, '')));
  const first = lines.find((line) => line !== '') ?? '';
  if (first.length <= TEXT_TITLE_MAX) return first;
  const cut = first.slice(0, TEXT_TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > TEXT_TITLE_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/u, '')}…`;
}
