/**
 * The page's `<head>`, read once: meta tags by name or property, the canonical link, `<base>` and
 * `<title>`. One walk over the head instead of one selector query over the whole document per meta
 * tag (each query visits every element of the page).
 */
import type { AnyNode, Element } from 'domhandler';
import { descendants, isElement, textOf } from './dom.js';
import { CANONICAL_LINK } from './selectors.js';

/** What the head says. */
export interface HeadIndex {
  /** The `content` of the first meta tag with one of these names or properties (case-insensitive). */
  meta(...keys: readonly string[]): string | undefined;
  /** The `href` of the first `<link rel=canonical>`. */
  readonly canonical: string | undefined;
  /** The `href` of the first `<base>`. */
  readonly base: string | undefined;
  /** The text of `<title>`. */
  readonly title: string | undefined;
}

/**
 * Indexes the head of a parsed page (the whole document when it has no `<head>`). `pageMetas`, when
 * given, are the page's meta tags wherever they are, in document order (the head's first, so they
 * win): templates print some in the body, and htmlparser2 leaves them there.
 */
export function indexHead(root: AnyNode, pageMetas?: readonly Element[]): HeadIndex {
  const metas = new Map<string, string>();
  const addMeta = (el: Element) => {
    const content = el.attribs['content'];
    if (content === undefined) return;
    for (const key of [el.attribs['property'], el.attribs['name']]) {
      const normalised = key?.trim().toLowerCase();
      if (normalised && !metas.has(normalised)) metas.set(normalised, content);
    }
  };
  let canonical: string | undefined;
  let base: string | undefined;
  let title: string | undefined;
  for (const el of descendants(findHead(root))) {
    if (el.name === 'meta') {
      if (!pageMetas) addMeta(el);
    } else if (el.name === 'link' && canonical === undefined && CANONICAL_LINK.matches(el)) {
      canonical = el.attribs['href'];
    } else if (el.name === 'base' && base === undefined) {
      base = el.attribs['href'];
    } else if (el.name === 'title' && title === undefined) {
      title = textOf(el);
    }
  }
  for (const el of pageMetas ?? []) addMeta(el);
  return {
    meta: (...keys) => keys.map((key) => metas.get(key.toLowerCase())).find((value) => value !== undefined),
    canonical,
    base,
    title,
  };
}

/** `<head>`, found by walking down from the root (html > head) rather than by searching every element. */
function findHead(root: AnyNode): AnyNode {
  const html = childNamed(root, 'html');
  const head = html ? childNamed(html, 'head') : childNamed(root, 'head');
  return head ?? html ?? root;
}

function childNamed(node: AnyNode, name: string): Element | undefined {
  if (!('children' in node)) return undefined;
  return node.children.find((child): child is Element => isElement(child) && child.name === name);
}
