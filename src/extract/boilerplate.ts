/**
 * Boilerplate inside a text block found on markup no site rule knows, after trafilatura's pruning:
 * blocks named as share bars, bylines, tags, related stories, widgets or meta lines, hidden blocks,
 * and paragraphs, lists and divisions made of links. Used only on the generic path: Joomla's blocks are
 * known by their markup (locate.ts) and keep the stricter rules of chrome.ts.
 */
import type { Element } from 'domhandler';
import { isElement, nextElement, textOf } from './dom.js';
import { queryWithin } from './query.js';
import { ANCHOR, BOILERPLATE_IN_CLASS, BOILERPLATE_IN_ID, HIDDEN_ID, HIDDEN_NAME, NAVIGATION_ROLE, RELATED_LINK_LABEL, TEASER_NAME } from './selectors.js';

/** Blocks judged by their class and id; a link, a picture or a heading never is. */
const NAMED_BLOCKS = new Set(['div', 'section', 'p', 'span', 'ul', 'ol', 'dl', 'li']);

/** Whether an element of a generic text block is boilerplate, by its name or its links. */
export function isBoilerplate(el: Element): boolean {
  if (isNamedBoilerplate(el)) return true;
  // Both tests may read the block's whole text, a walk of its subtree: read once, when needed.
  let text: string | undefined;
  const blockText = () => (text ??= textOf(el));
  return isLinkFarm(el, blockText) || isRelatedLink(el, blockText);
}

/** Blocks that may be a labelled link to another article, and how long one is at most. */
const RELATED_LINK_BLOCKS = new Set(['p', 'div', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);
const RELATED_LINK_MAX = 300;

/** Whether a short block is a labelled link to another article ("À lire aussi : <a>…</a>"). */
export function isRelatedLink(el: Element, blockText = () => textOf(el)): boolean {
  if (!RELATED_LINK_BLOCKS.has(el.name)) return false;
  const text = blockText();
  const label = RELATED_LINK_LABEL.exec(text);
  if (!label || text.length > RELATED_LINK_MAX) return false;
  const rest = text.length - label[0].length;
  const linked = queryWithin(el, ANCHOR).reduce((sum, a) => sum + textOf(a).length, 0);
  return rest <= 0 || linked >= rest * 0.5;
}

/** Whether a block's class, id or role names it as boilerplate, or as hidden. */
export function isNamedBoilerplate(el: Element): boolean {
  const id = el.attribs['id'] ?? '';
  const className = el.attribs['class'] ?? '';
  if (el.attribs['aria-hidden'] === 'true' || HIDDEN_ID.test(id) || HIDDEN_NAME.test(className)) return true;
  if (!NAMED_BLOCKS.has(el.name)) return false;
  if (NAVIGATION_ROLE.test(el.attribs['role'] ?? '') || BOILERPLATE_IN_ID.test(id) || BOILERPLATE_IN_CLASS.test(className)) return true;
  // A teaser card links to its article; a block named "teaser" without a link is the article's own lead.
  return TEASER_NAME.test(`${id} ${className}`) && queryWithin(el, ANCHOR).length > 0;
}

/** Which elements the link test applies to, and how short a block must be to be judged by it. */
const LINK_TESTED = new Set(['p', 'ul', 'ol', 'dl', 'div']);

/**
 * Whether a paragraph, list or division is mostly links (trafilatura's link-density test): one long
 * link and little else, or, when short (shorter still for a paragraph, longer for a last block), links
 * holding over 80 % of the text or nearly all of them a word or two. A block holding a picture is kept.
 */
export function isLinkFarm(el: Element, blockText = () => textOf(el)): boolean {
  if (!LINK_TESTED.has(el.name)) return false;
  const links = queryWithin(el, ANCHOR);
  if (links.length === 0 || links.some(holdsPicture)) return false;
  const text = blockText().length;
  const linkTexts = links.map((a) => textOf(a).length).filter((n) => n > 0);
  const [first] = linkTexts;
  if (links.length === 1 && first !== undefined && first > 100 && first > text * 0.9) return true;
  const last = nextElement(el) === null;
  const limit = el.name === 'p' ? (last ? 60 : 30) : last ? 300 : 100;
  if (text >= limit) return false;
  if (linkTexts.length === 0) return true;
  const linked = linkTexts.reduce((a, b) => a + b, 0);
  const short = linkTexts.filter((n) => n < 10).length;
  return linked > text * 0.8 || (linkTexts.length > 1 && short / linkTexts.length > 0.8);
}

/** Below this share of the block's text left, pruning went wrong and the block is kept whole (trafilatura's guard). */
export const OVERPRUNED_SHARE = 1 / 7;

function holdsPicture(link: Element): boolean {
  return link.children.some((child) => isElement(child) && (child.name === 'img' || child.name === 'picture'));
}
