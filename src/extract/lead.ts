/**
 * An article's lead (its standfirst, "chapô", deck): the paragraph a theme prints with the title, in
 * the article's header, above the text block. Readability and the named containers start at the text
 * block and would lose it; it is put back at the head of the body when the body does not hold it.
 */
import type { Element } from 'domhandler';
import { isFrameOfPage, linkDensity } from './chrome.js';
import { parseDateLine } from './dates.js';
import { cleanText, hasAncestorUntil, isElement, isHidden, textOf } from './dom.js';
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

/** The lead printed with the page's title, or null when the page has none (or no one title heading). */
export function findLead(elements: ElementIndex, pageTitle: string | undefined): string | null {
  const title = titleHeading(elements, pageTitle);
  if (!title) return null;
  const block = headerOf(title);
  const after = elements.all.indexOf(title);
  for (const el of elements.all.slice(after + 1)) {
    // The block's elements come one after the other in document order: the first outside ends it.
    if (!hasAncestorUntil(el, null, (node) => node === block)) break;
    if (!LEAD_TAGS.has(el.name) || hasAncestorUntil(el, null, (a) => isFrameOfPage(a) || isHidden(a))) continue;
    const text = textOf(el);
    // Named as a lead, or a subtitle of the title's `hgroup`: a deck may have no punctuation.
    const named = LEAD_NAME.test(`${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`) || (block.name === 'hgroup' && el.name !== 'span');
    const lead = named ? text.length >= NAMED_LEAD.min : el.name === 'p' && text.length >= UNNAMED_LEAD_MIN && /[.!?…:;,]/u.test(text);
    // A labelled date line ("Publié le 8 décembre 2017 par…") is the article's date, read elsewhere.
    if (lead && text.length <= NAMED_LEAD.max && linkDensity(el) < 0.3 && parseDateLine(text, true) === null) return text;
  }
  return null;
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
