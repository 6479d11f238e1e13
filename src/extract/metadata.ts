/** The article's identity and place on the site: canonical URL, id, section. */
import { createHash } from 'node:crypto';
import type { Element } from 'domhandler';
import { articleIdFromUrl, isInScope, normaliseUrl, parseHref } from '../discover/urls.js';
import { cleanText, isElement, textOf } from './dom.js';
import type { JsonLdArticle } from './json-ld.js';
import type { HeadIndex } from './head.js';
import { queryFirst, queryWithin, type ElementIndex } from './query.js';
import { ANCHOR, BREADCRUMB, BREADCRUMB_ITEM, CATEGORY, META_OG_URL, META_SECTION, SECTION_LABEL } from './selectors.js';
import { comparable } from './title.js';
import type { Page } from './types.js';

/**
 * The canonical URL: `<link rel=canonical>`, then og:url, each only when it stays on the site (a
 * canonical to another host is a syndication or an injection, not this article), normalised; else
 * the normalised page URL.
 */
export function extractCanonicalUrl(page: Page): string {
  const pageUrl = new URL(page.url);
  for (const href of [page.head.canonical, page.head.meta(...META_OG_URL)]) {
    const url = href === undefined ? null : parseHref(href, page.baseUrl);
    if (url && isInScope(url, pageUrl)) {
      const normalised = normaliseUrl(url, pageUrl);
      if (normalised) return normalised;
    }
  }
  return normaliseUrl(pageUrl, pageUrl) ?? pageUrl.href;
}

/** The Joomla id of the canonical or the page URL; else "u-" and 12 hex digits of the canonical URL's SHA-256. */
export function toArticleId(canonicalUrl: string, pageUrl: string): string {
  return articleIdFromUrl(canonicalUrl) ?? articleIdFromUrl(pageUrl) ?? `u-${createHash('sha256').update(canonicalUrl).digest('hex').slice(0, 12)}`;
}

/** Labels Joomla prints before a category, and breadcrumb parts that are not sections. */
const CATEGORY_LABEL = /^\s*cat[ée]gorie\s*:?\s*/iu;
const NOT_A_SECTION = /^(?:vous\s+[êe]tes\s+ici\s*:?|accueil|home|page\s+d[’']accueil)$/iu;
/** Separators some breadcrumbs write as text between their parts. */
const CRUMB_SEPARATOR = /\s*(?:[»›>/|]|&gt;|::)\s*/u;

/**
 * The section: the category (Joomla's info block, JSON-LD articleSection, article:section), else the
 * breadcrumb without "Vous êtes ici", "Accueil" and the article's own title; parts joined by " › ".
 */
export function extractSection(elements: ElementIndex, head: HeadIndex, scope: readonly Element[], jsonLd: JsonLdArticle | null, title: string): string | null {
  for (const part of scope) {
    const category = queryWithin(part, CATEGORY)[0];
    if (category) {
      const link = queryWithin(category, ANCHOR)[0];
      const name = cleanText((link ? textOf(link) : textOf(category)).replace(CATEGORY_LABEL, ''));
      if (name) return name;
    }
  }
  if (jsonLd?.articleSection) return cleanText(jsonLd.articleSection);
  const meta = cleanText(head.meta(...META_SECTION) ?? '');
  if (meta) return meta;
  return breadcrumbSection(elements, title) ?? labelSection(scope);
}

/** A section label is a few words, not a sentence or a list of tags. */
const SECTION_LABEL_MAX = 60;

/** The section label a template of its own prints near the title ("Culture" above the headline). */
function labelSection(scope: readonly Element[]): string | null {
  for (const part of scope) {
    for (const label of queryWithin(part, SECTION_LABEL)) {
      const name = cleanText(textOf(label).replace(CATEGORY_LABEL, ''));
      if (name.length >= 2 && name.length <= SECTION_LABEL_MAX && !/\d{4}/u.test(name)) return name;
    }
  }
  return null;
}

/** The breadcrumb's parts between the home page and the article. */
function breadcrumbSection(elements: ElementIndex, title: string): string | null {
  const crumb = queryFirst(elements, BREADCRUMB);
  if (!crumb) return null;
  const items = queryWithin(crumb, BREADCRUMB_ITEM);
  const raw = items.length > 0 ? items.map((li) => textOf(li)) : crumbParts(crumb);
  const titleKey = comparable(title);
  const parts = raw
    .flatMap((text) => text.split(CRUMB_SEPARATOR))
    .map((text) => cleanText(text.replace(/^\s*vous\s+[êe]tes\s+ici\s*:?/iu, '')))
    .filter((text) => text !== '' && !NOT_A_SECTION.test(text) && comparable(text) !== titleKey);
  return parts.length > 0 ? parts.join(' › ') : null;
}

/** Parts of a breadcrumb written as links and text separated by images or characters (Joomla 1.5 pathway). */
function crumbParts(crumb: Element): string[] {
  const parts: string[] = [];
  for (const child of crumb.children) {
    if (child.type === 'text') parts.push(child.data);
    else if (isElement(child) && child.name !== 'img') parts.push(textOf(child));
  }
  return parts.map(cleanText).filter((text) => text !== '');
}
