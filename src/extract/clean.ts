/**
 * From the article's body element to a cleaned copy: chrome, scripts, forms and furniture left out,
 * links and images made absolute, presentational tags unwrapped, nesting flattened. One iterative
 * walk over the body, writing a new tree (the parsed page is never changed).
 */
import type { AnyNode, Element } from 'domhandler';
import { parseHref } from '../discover/urls.js';
import { findTitledChrome, isChrome, isFrameOfPage, isFurniture, isNamedChromeBlock } from './chrome.js';
import { isElement, isHidden, textOf } from './dom.js';
import { element, type CleanElement } from './clean-tree.js';
import { bestImageSource } from './image-source.js';
import { BANNER_IMAGE, BANNER_PATH, EMAIL_CLOAK_ID, EMAIL_CLOAK_TEXT, REMOVED_TAGS } from './selectors.js';

/** How the body is cleaned. */
export interface CleanOptions {
  /** Links and images resolve against this URL (the page's in-scope `<base href>` or its URL). */
  readonly baseUrl: string;
  /** Elements of the body that are not text (a Joomla container's header and info block…). */
  readonly exclude?: ((el: Element) => boolean) | undefined;
  /**
   * Whether chrome is also told by class and id words (chrome.ts, written for Joomla's module names:
   * "mod", "moduletable"); default true. Off where `exclude` prunes by a vocabulary of its own.
   */
  readonly chromeByName?: boolean | undefined;
}

/** Tags kept as they are. */
const KEPT = new Set([
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'sup', 'sub', 'code',
  'pre', 'blockquote', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'div',
  'dl', 'dt', 'dd',
]);
/** Tags renamed to their Markdown-expressible twin. */
const RENAMED: Readonly<Record<string, string>> = {
  b: 'strong', i: 'em', s: 'del', strike: 'del', section: 'div', article: 'div', main: 'div', center: 'div',
  address: 'div', tt: 'code', kbd: 'code', samp: 'code', var: 'em', dfn: 'em', cite: 'em',
};
/** Inside these, whitespace between children is layout, not text (and breaks GFM column counts). */
const STRUCTURAL = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol', 'dl']);
/** Deeper than this, elements are unwrapped (their content kept): Turndown's parser recurses. */
const MAX_DEPTH = 64;

/** A cleaned copy of `body`. */
export function toCleanTree(body: Element, options: CleanOptions): CleanElement {
  const root = element('div');
  const titled = findTitledChrome(body);
  const stack: [AnyNode, CleanElement, number][] = [];
  const pushChildren = (el: Element, target: CleanElement, depth: number) => {
    for (let i = el.children.length - 1; i >= 0; i--) stack.push([el.children[i] as AnyNode, target, depth]);
  };
  pushChildren(body, root, 0);
  while (stack.length > 0) {
    const [node, target, depth] = stack.pop() as [AnyNode, CleanElement, number];
    if (node.type === 'text') {
      if (STRUCTURAL.has(target.name) && node.data.trim() === '') continue;
      if (EMAIL_CLOAK_TEXT.test(node.data)) continue;
      target.children.push(node.data);
      continue;
    }
    if (!isElement(node) || isLeftOut(node, titled, options)) continue;
    const name = RENAMED[node.name] ?? node.name;
    if (name === 'img') {
      appendImage(node, target, options.baseUrl);
      continue;
    }
    if (name === 'a') {
      const href = resolveLink(node.attribs['href'], options.baseUrl);
      if (href && depth < MAX_DEPTH) {
        const link = element('a', { href });
        target.children.push(link);
        pushChildren(node, link, depth + 1);
      } else {
        // javascript:, in-page anchors and unusable hrefs: the text stays, the link goes.
        pushChildren(node, target, depth);
      }
      continue;
    }
    if (!KEPT.has(name) || depth >= MAX_DEPTH) {
      if (name === 'br' || name === 'hr') target.children.push(element(name));
      else pushChildren(node, target, depth);
      continue;
    }
    const copy = element(name, keptAttributes(node, name));
    target.children.push(copy);
    pushChildren(node, copy, depth + 1);
  }
  return root;
}

/** Whether an element and its content stay out of the body. */
function isLeftOut(el: Element, titled: ReadonlySet<Element>, options: CleanOptions): boolean {
  if ((REMOVED_TAGS.has(el.name) && !isTextHeader(el)) || titled.has(el)) return true;
  if (options.chromeByName === false ? isFrameOfPage(el) : isChrome(el) || isFurniture(el) || isNamedChromeBlock(el)) return true;
  if (options.exclude?.(el)) return true;
  if (isHidden(el)) return true;
  return EMAIL_CLOAK_ID.test(el.attribs['id'] ?? '') && el.name === 'span';
}

/** Text outside headings from which a `<header>` holds text, not a title and a byline. */
const HEADER_TEXT = 400;

/**
 * Whether a `<header>` holds the text itself: some themes wrap each section of an article, heading and
 * paragraphs, in one. An article's header (title, date, lead) is short beside it.
 */
function isTextHeader(el: Element): boolean {
  if (el.name !== 'header') return false;
  let headings = 0;
  for (const child of el.children) if (isElement(child) && /^h[1-6]$/u.test(child.name)) headings += textOf(child).length;
  return textOf(el).length - headings >= HEADER_TEXT;
}

/** The attributes Markdown can express: list start, table spans. */
function keptAttributes(el: Element, name: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (name === 'ol' && /^\d+$/u.test(el.attribs['start'] ?? '')) attrs['start'] = el.attribs['start'] as string;
  if ((name === 'td' || name === 'th') && /^[2-9]$/u.test(el.attribs['colspan'] ?? '')) attrs['colspan'] = el.attribs['colspan'] as string;
  if ((name === 'td' || name === 'th') && /^(?:left|right|center)$/iu.test(el.attribs['align'] ?? '')) attrs['align'] = (el.attribs['align'] as string).toLowerCase();
  return attrs;
}

/** An absolute http(s) link, or a mailto:/tel: one; null for javascript:, anchors and garbage. */
function resolveLink(href: string | undefined, baseUrl: string): string | null {
  if (href === undefined) return null;
  const trimmed = href.trim();
  if (/^(?:mailto|tel):[^\s"<>]+$/iu.test(trimmed)) return trimmed;
  return parseHref(trimmed, baseUrl)?.href ?? null;
}

/**
 * Images with an absolute source and their alt text; header banners ("Entete Mairie") left out.
 * Joomla's `img.caption[title]` (its caption script turns the title into a caption) becomes a figure.
 */
function appendImage(el: Element, target: CleanElement, baseUrl: string): void {
  const alt = (el.attribs['alt'] ?? '').replace(/\s+/gu, ' ').trim();
  if (BANNER_IMAGE.test(alt)) return;
  const src = parseHref(bestImageSource(el), baseUrl);
  if (!src || BANNER_PATH.test(src.pathname)) return;
  const image = element('img', { src: src.href, alt });
  const caption = (el.attribs['title'] ?? '').trim();
  if (/(?:^|\s)caption(?:\s|$)/u.test(el.attribs['class'] ?? '') && caption !== '') {
    target.children.push(element('figure', {}, [image, element('figcaption', {}, [caption])]));
  } else {
    target.children.push(image);
  }
}
