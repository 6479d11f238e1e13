/**
 * Every bullet list of the body with the sentence or heading that introduces it, whatever its words
 * ("Parmi les dernières initiatives :", "Au programme :"). Read from the cleaned body, where legacy
 * dash lines are already real lists.
 */
import { cleanElements, cleanTreeText, isCleanElement, type CleanElement, type CleanNode } from './clean-tree.js';
import { LEGACY_BULLET } from './selectors.js';
import type { Initiative } from './types.js';

const LISTS = new Set(['ul', 'ol']);
/** Elements whose text can introduce a list. */
const INTRODUCERS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'dt', 'blockquote']);
/** Wrappers through which the introduction is looked for one level up. */
const WRAPPERS = new Set(['div', 'blockquote', 'dd', 'td', 'th', 'figure']);
/** What ends an item and is not part of it: ";", ".", ",", ", et", "; et", whitespace. */
const ITEM_END = /(?:\s|[;,.]|[,;]\s*et)+$/u;

/** The initiatives of a cleaned body, in document order. */
export function extractInitiatives(root: CleanElement): Initiative[] {
  const parents = new Map<CleanElement, CleanElement>();
  const lists: CleanElement[] = [];
  for (const el of cleanElements(root)) {
    for (const child of el.children) if (isCleanElement(child)) parents.set(child, el);
    if (LISTS.has(el.name) && !insideListItem(el, parents)) lists.push(el);
  }
  return lists
    .map((list) => ({ heading: introductionOf(list, parents), items: itemsOf(list) }))
    .filter((initiative) => initiative.items.length > 0);
}

/** Whether a list is nested in an item of another list (it then belongs to that item). */
function insideListItem(el: CleanElement, parents: ReadonlyMap<CleanElement, CleanElement>): boolean {
  for (let node = parents.get(el); node; node = parents.get(node)) if (node.name === 'li') return true;
  return false;
}

/** The text that introduces a list: the block just before it (or before its wrapper), last sentence, no colon. */
function introductionOf(list: CleanElement, parents: ReadonlyMap<CleanElement, CleanElement>): string {
  let node: CleanElement = list;
  for (let level = 0; level < 2; level++) {
    const parent = parents.get(node);
    if (!parent) return '';
    const previous = previousMeaningful(parent.children, node);
    if (previous !== undefined) return toHeading(previous);
    if (!WRAPPERS.has(parent.name)) return '';
    node = parent;
  }
  return '';
}

/** The closest sibling before `node` that is not whitespace. */
function previousMeaningful(siblings: readonly CleanNode[], node: CleanElement): CleanNode | undefined {
  for (let i = siblings.indexOf(node) - 1; i >= 0; i--) {
    const sibling = siblings[i] as CleanNode;
    if (typeof sibling !== 'string' || sibling.trim() !== '') return sibling;
  }
  return undefined;
}

/** The heading an introducing node gives: its last sentence, without the trailing colon. */
function toHeading(node: CleanNode): string {
  if (typeof node !== 'string' && !INTRODUCERS.has(node.name)) return '';
  const text = typeof node === 'string' ? node.replace(/\s+/gu, ' ').trim() : cleanTreeText(node);
  const sentences = text.split(/(?<=[.!?…])\s+(?=\p{Lu}|\d)/u);
  return (sentences[sentences.length - 1] ?? '').replace(/[\s:：]+$/u, '');
}

/** The items of a list; an item with a nested list reads "parent : child 1 ; child 2". */
function itemsOf(list: CleanElement): string[] {
  const items: string[] = [];
  for (const child of list.children) {
    if (!isCleanElement(child) || child.name !== 'li') continue;
    const own = cleanItem(cleanTreeText({ ...child, children: child.children.filter((c) => !isCleanElement(c) || !LISTS.has(c.name)) }));
    const nested = child.children.filter((c): c is CleanElement => isCleanElement(c) && LISTS.has(c.name)).flatMap(itemsOf);
    const stem = own.replace(/[\s:：]+$/u, '');
    const item = nested.length === 0 ? own : stem === '' ? nested.join(' ; ') : `${stem} : ${nested.join(' ; ')}`;
    if (item !== '') items.push(item);
  }
  return items;
}

/** An item as clean text: no bullet, no trailing ";" / "." / ", et". */
function cleanItem(text: string): string {
  return text.replace(LEGACY_BULLET, '').replace(ITEM_END, '').trim();
}
