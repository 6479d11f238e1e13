/**
 * An article's lead (its standfirst, "chapô", deck): the paragraph a theme prints with the title, in
 * the article's header, above the text block. Readability and the named containers start at the text
 * block and would lose it; it is put back at the head of the body when the body does not hold it.
 */
import type { Element } from 'domhandler';
import { isFrameOfPage, linkDensity } from './chrome.js';
import { parseDateLine } from './dates.js';
import { cleanText, hasAncestorUntil, holdsBlocks, isElement, isHidden, textOf } from './dom.js';
import { queryAll, type ElementIndex } from './query.js';
import { LEAD_NAME, MAIN_HEADING } from './selectors.js';

/** Lead blocks: paragraphs, divisions and subtitles. */
const LEAD_TAGS = new Set(['p', 'div', 'h2', 'h3', 'span']);
/** Text a named lead holds at least (shorter: a label, a date line) and at most (longer: the text itself). */
const NAMED_LEAD = { min: 40, max: 1200 };
/** An unnamed paragraph of the header holding the title is a lead from this many characters. */
const UNNAMED_LEAD_MIN = 80;
/** How far above the title the lead's common block may be. */
const ANCESTOR_LEVELS = 3;

/**
 * The lead printed with the page's title, or null when the page has none (or no one title heading).
 * `description` is the page's own summary (its meta description): a block after the title that opens
 * with it is the lead when nothing in the title's header is named or shaped as one.
 */
export function findLead(elements: ElementIndex, pageTitle: string | undefined, description?: string): string | null {
  const title = titleHeading(elements, pageTitle);
  if (!title) return null;
  const after = elements.all.indexOf(title) + 1;
  return leadInHeader(elements, title, after) ?? (description ? describedLead(elements, after, description) : null);
}

/** The lead in the title's header: named as one, a subtitle of its `hgroup`, or a long paragraph. */
function leadInHeader(elements: ElementIndex, title: Element, after: number): string | null {
  const block = headerOf(title);
  for (let i = after; i < elements.all.length; i++) {
    const el = elements.all[i] as Element;
    // The block's elements come one after the other in document order: the first outside ends it.
    if (!hasAncestorUntil(el, block.parent, (node) => node === block)) break;
    if (!LEAD_TAGS.has(el.name)) continue;
    // Named as a lead, or a subtitle of the title's `hgroup`: a deck may have no punctuation.
    const named = LEAD_NAME.test(`${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`) || (block.name === 'hgroup' && el.name !== 'span');
    // Unnamed, only a paragraph can be a lead: other blocks are not read at all.
    if ((!named && el.name !== 'p') || isMasked(el)) continue;
    const text = textOf(el);
    const lead = named ? text.length >= NAMED_LEAD.min : text.length >= UNNAMED_LEAD_MIN && /[.!?…:;,]/u.test(text);
    // A labelled date line ("Publié le 8 décembre 2017 par…") is the article's date, read elsewhere.
    if (lead && fitsLead(el, text) && parseDateLine(text, true) === null) return text;
  }
  return null;
}

/** Whether an element is in the page's frame or hidden: never a lead. */
function isMasked(el: Element): boolean {
  return hasAncestorUntil(el, null, (a) => isFrameOfPage(a) || isHidden(a));
}

/** Whether a block's text is short enough, and not links, to be a lead. */
function fitsLead(el: Element, text: string): boolean {
  return text.length <= NAMED_LEAD.max && linkDensity(el) < 0.3;
}

/** A described lead is recognised by this much of the description… */
const DESCRIBED_PROBE = 60;
/** …within this many elements after the title (a lead is printed near its title, not in a sidebar far below). */
const DESCRIBED_WITHIN = 300;

/**
 * The block after the title that opens with the page's description, as a lead. Only blocks of text
 * (no blocks inside) are read: a wrapper opens with its lead too, and reading every wrapper's text
 * would cost a walk of the page per element.
 */
function describedLead(elements: ElementIndex, after: number, description: string): string | null {
  const summary = cleanText(description).slice(0, DESCRIBED_PROBE);
  if (summary.length < DESCRIBED_PROBE) return null;
  const found = elements.all
    .slice(after, after + DESCRIBED_WITHIN)
    .find((el) => LEAD_TAGS.has(el.name) && !holdsBlocks(el) && textOf(el).startsWith(summary));
  if (!found || isMasked(found)) return null;
  const text = textOf(found);
  return fitsLead(found, text) ? text : null;
}

/**
 * The heading of the article's title: the page's one `h1` with text, or, when the logo and the cards
 * are `h1`s too, the one whose text the page's `<title>` holds.
 */
function titleHeading(elements: ElementIndex, pageTitle: string | undefined): Element | null {
  const headings = queryAll(elements, MAIN_HEADING).filter((el) => textOf(el) !== '' && !hasAncestorUntil(el, null, isFrameOfPage));
  if (headings.length <= 1) return headings[0] ?? null;
  const title = cleanText(pageTitle ?? '').toLowerCase();
  const named = headings.filter((el) => title.includes(textOf(el).toLowerCase()));
  return named.length === 1 ? (named[0] as Element) : null;
}

/** The title's header, or its article, or the block a few levels above it: where a lead sits. */
function headerOf(title: Element): Element {
  let block: Element = title;
  for (let node = title.parent, level = 0; isElement(node) && level < ANCESTOR_LEVELS; node = node.parent, level++) {
    block = node;
    if (node.name === 'header' || node.name === 'hgroup') return node;
  }
  return block;
}
