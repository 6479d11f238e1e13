/**
 * CSS selector queries compiled once and answered from an index of the page's elements. A cheerio
 * query compiles its selector again on every call and walks every element of the document; a page
 * is queried a dozen times (links, pagination, feeds, container, JSON-LD…), which cost as much as
 * parsing it. Here a selector is compiled where it is defined, the document is walked once, and a
 * query whose alternatives all name their tag (`a[href]`, `div.item-page`) tests only those tags.
 */
import { compile } from 'css-select';
import { isTraversal, parse, SelectorType } from 'css-what';
import type { AnyNode, Element } from 'domhandler';
import { descendants, isElement } from './dom.js';

/** A compiled selector. */
export interface Query {
  readonly selector: string;
  /** The tag names a matching element can have; null when some alternative matches any tag. */
  readonly tags: ReadonlySet<string> | null;
  /** Whether an element matches (ancestors and siblings are read where the selector asks). */
  readonly matches: (el: Element) => boolean;
}

/** Every element of a document in document order, and by tag name. */
export interface ElementIndex {
  /** The document node. */
  readonly root: AnyNode;
  readonly all: readonly Element[];
  readonly byTag: ReadonlyMap<string, readonly Element[]>;
}

/** Compiles a selector (throws on invalid syntax, at load time for the module-level constants). */
export function compileQuery(selector: string): Query {
  const tags = new Set<string>();
  let anyTag = false;
  for (const alternative of parse(selector)) {
    // The subject is the last compound: the part after the last combinator.
    let subject: string | null = null;
    for (const token of alternative) {
      if (isTraversal(token)) subject = null;
      else if (token.type === SelectorType.Tag) subject = token.name;
    }
    if (subject === null) anyTag = true;
    else tags.add(subject);
  }
  return { selector, tags: anyTag ? null : tags, matches: compile<AnyNode, Element>(selector) };
}

/** Walks a parsed document once (an explicit stack: hostile pages nest deeply). */
export function indexElements(root: AnyNode): ElementIndex {
  const all: Element[] = [];
  const byTag = new Map<string, Element[]>();
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isElement(node)) {
      all.push(node);
      const list = byTag.get(node.name);
      if (list) list.push(node);
      else byTag.set(node.name, [node]);
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  return { root, all, byTag };
}

/** The elements of the document matching `query`, in document order. */
export function queryAll(index: ElementIndex, query: Query): Element[] {
  return candidates(index, query).filter((el) => canMatch(el, query) && query.matches(el));
}

/** The first element of the document matching `query`. */
export function queryFirst(index: ElementIndex, query: Query): Element | undefined {
  return candidates(index, query).find((el) => canMatch(el, query) && query.matches(el));
}

/** The descendants of `root` (not `root` itself) matching `query`, in document order. */
export function queryWithin(root: Element, query: Query): Element[] {
  const found: Element[] = [];
  for (const el of descendants(root)) if (canMatch(el, query) && query.matches(el)) found.push(el);
  return found;
}

/** `root` itself when it matches, then its descendants matching `query`, in document order. */
export function querySubtree(root: Element, query: Query): Element[] {
  const found = queryWithin(root, query);
  return canMatch(root, query) && query.matches(root) ? [root, ...found] : found;
}

/** The elements worth testing: those of the query's one tag, else every element. */
function candidates(index: ElementIndex, query: Query): readonly Element[] {
  const { tags } = query;
  return tags !== null && tags.size === 1 ? (index.byTag.get([...tags][0] as string) ?? []) : index.all;
}

/** The cheap test before the compiled one: whether the element's tag is one the query can match. */
function canMatch(el: Element, query: Query): boolean {
  return query.tags === null || query.tags.has(el.name);
}

/** The first element of the document with this tag name. */
export function firstOfTag(index: ElementIndex, tag: string): Element | undefined {
  return index.byTag.get(tag)?.[0];
}
