/**
 * The containers a theme names as its article's text ("entry-content", "article-body", `<article>`,
 * "story", "main-content"…), in trafilatura's order of trust: a reading of the page that needs no
 * scoring, and is right on most themes built on WordPress, Drupal or a CMS of their own.
 */
import type { Element } from 'domhandler';
import type { ElementIndex } from './query.js';
import { CONTENT_CONTAINERS } from './selectors.js';

/** The first element of each kind of content container, most trusted kind first (at most one per kind). */
export function contentContainers(elements: ElementIndex): Element[] {
  const found: Element[] = [];
  for (const kind of CONTENT_CONTAINERS) {
    const match = elements.all.find((el) => kind.tags.has(el.name) && isOfKind(el, kind));
    if (match && !found.includes(match)) found.push(match);
  }
  return found;
}

function isOfKind(el: Element, kind: (typeof CONTENT_CONTAINERS)[number]): boolean {
  if (!kind.exact && !kind.id && !kind.className) return true;
  const id = el.attribs['id'] ?? '';
  const className = el.attribs['class'] ?? '';
  if (kind.exact && Object.entries(kind.exact).some(([attribute, values]) => values.includes(el.attribs[attribute] ?? '\u0000'))) return true;
  return (kind.id?.test(id) ?? false) || (kind.className?.test(className) ?? false);
}
