/**
 * Which block of the page is the article's text, cleaned and converted. Site rules decide alone. On
 * markup they do not know there are three readings, as trafilatura compares its own with others':
 * Readability's, the container the theme names as its text ("entry-content", `<article>`…: the
 * longer one when it holds much more text), then our scored block as a fallback. Inside each,
 * boilerplate is pruned by name and by links (boilerplate.ts). A reading is kept when the evidence
 * of teasers says it is the page's article and not one block of a listing (an article-shaped URL
 * weighs toward "article"), and when its cleaned text is long enough: Readability sometimes settles
 * on a cookie notice that our cleaning removes, and another reading then stands. The choice was made
 * by measurement (README, Extraction quality).
 */
import type { Element } from 'domhandler';
import { isBoilerplate, OVERPRUNED_SHARE } from './boilerplate.js';
import { isFrameOfPage } from './chrome.js';
import { toCleanTree } from './clean.js';
import { element, type CleanElement } from './clean-tree.js';
import { contentContainers } from './containers.js';
import { cleanText, textOf } from './dom.js';
import { findLead } from './lead.js';
import { listingEvidence, readTeasers } from './listing.js';
import type { ArticleLocation } from './locate.js';
import type { MarkdownConverter } from './markdown.js';
import { dropTrailingHeadings, normaliseCleanTree } from './normalise-tree.js';
import { META_DESCRIPTION } from './selectors.js';
import { toPlainText } from './plain-text.js';
import { isTooDeepForReadability, READABLE_DEPTH, readWithReadability } from './readability.js';
import type { Page } from './types.js';

/** Below this many characters of text a page has no article worth archiving. */
const MIN_TEXT_LENGTH = 40;
/** A named container with less text than this is passed over for the next kind (trafilatura's minimum). */
const CONTAINER_MIN_TEXT = 250;
/** The named container is preferred to Readability's block when it holds this many times its text. */
const CONTAINER_PREFERRED = 1.5;

/** The article's body, cleaned and converted, with a title found on the way and how it was chosen. */
export interface RenderedBody {
  readonly tree: CleanElement;
  readonly markdown: string;
  readonly text: string;
  /** Readability's title, a fallback when the page names none of its own; "" otherwise. */
  readonly title: string;
  /** Which rule and which block gave the text, for `extract --verbose`. */
  readonly via: string;
}

interface Reading {
  readonly body: Element;
  /** The block's raw text (before cleaning), read once: a generic reading is weighed and guarded with it. */
  readonly text?: string;
  readonly exclude: ArticleLocation['exclude'];
  readonly title: string;
  readonly via: string;
  /** Generic readings: boilerplate is pruned inside the block. */
  readonly pruned?: boolean;
}

/** The article's body, or the reason the page has none. */
export function chooseBody(page: Page, location: ArticleLocation, converter: MarkdownConverter): RenderedBody | string {
  const scored = `${location.layout} rules: ${describeElement(location.body)}`;
  if (location.layout !== 'generic') {
    const rendered = render({ body: location.body, exclude: location.exclude, title: '', via: scored }, page, converter);
    return rendered.text.length < MIN_TEXT_LENGTH ? tooShort(rendered) : rendered;
  }
  const chosen = chooseGeneric(page, location, converter, scored);
  if (typeof chosen === 'string') return chosen;
  const description = page.head.meta(...META_DESCRIPTION);
  return withLead(chosen, findLead(page.elements, page.head.title, description), converter);
}

/** The generic path: the readings of markup no site rule knows, compared. */
function chooseGeneric(page: Page, location: ArticleLocation, converter: MarkdownConverter, scored: string): RenderedBody | string {
  const pageUrl = new URL(page.url);
  const tooDeep = isTooDeepForReadability(page.elements);
  const view = tooDeep ? null : readWithReadability(page.html);
  const title = view?.title ?? '';
  const viewText = view ? textOf(view.body) : '';
  const teasers = readTeasers(location.teasers ?? [], pageUrl);
  const kept = (reading: Reading, rendered?: RenderedBody): RenderedBody | string => {
    const listing = listingEvidence(reading.body, reading.text ?? textOf(reading.body), teasers, pageUrl);
    if (listing) return listing;
    const body = rendered ?? render(reading, page, converter);
    return body.text.length >= MIN_TEXT_LENGTH ? body : tooShort(body);
  };
  const readability =
    view && viewText.length >= MIN_TEXT_LENGTH && !isChromeText(viewText, page)
      ? kept({ body: view.body, text: viewText, exclude: null, title, via: "Readability's reading", pruned: true })
      : tooDeep
        ? `page nested over ${READABLE_DEPTH} levels deep, not given to Readability`
        : 'no article text found';
  const container = namedContainer(page, converter, title);
  const containerKept = container ? kept(container.reading, container.rendered) : null;
  if (typeof readability !== 'string') {
    if (containerKept && typeof containerKept !== 'string' && containerKept.text.length > CONTAINER_PREFERRED * readability.text.length) {
      return { ...containerKept, via: `${containerKept.via}, preferred to Readability's shorter reading` };
    }
    return container ? { ...readability, via: `${readability.via}, preferred to the theme's container ${describeElement(container.reading.body)}` } : readability;
  }
  if (containerKept && typeof containerKept !== 'string') return { ...containerKept, via: `${containerKept.via} (Readability's reading: ${readability})` };
  if (location.scored) {
    const fallback = kept({ body: location.body, text: textOf(location.body), exclude: null, title, via: `${scored} (Readability's reading: ${readability})`, pruned: true });
    if (typeof fallback !== 'string') return fallback;
  }
  // Readability's reason is the one to report: the other readings are fallbacks.
  return readability;
}

/** A lead is recognised in the body by this much of its opening. */
const LEAD_PROBE = 60;

/** The body with the article's lead at its head, when the lead is not in it already. */
function withLead(rendered: RenderedBody, lead: string | null, converter: MarkdownConverter): RenderedBody {
  if (lead === null || cleanText(rendered.text).includes(cleanText(lead).slice(0, LEAD_PROBE))) return rendered;
  const tree = element('div', {}, [element('p', {}, [lead]), ...rendered.tree.children]);
  const markdown = converter.toMarkdown(tree);
  return { ...rendered, tree, markdown, text: toPlainText(markdown), via: `${rendered.via}, with the lead printed above it` };
}

/** The first named container holding enough text once pruned (or the first one found), as a reading, rendered. */
function namedContainer(page: Page, converter: MarkdownConverter, title: string): { reading: Reading; rendered: RenderedBody } | null {
  let first: { reading: Reading; rendered: RenderedBody } | null = null;
  for (const body of contentContainers(page.elements)) {
    const reading: Reading = { body, text: textOf(body), exclude: null, title, via: `the theme's container ${describeElement(body)}`, pruned: true };
    const rendered = render(reading, page, converter);
    if (rendered.text.length >= CONTAINER_MIN_TEXT) return { reading, rendered };
    first ??= { reading, rendered };
  }
  return first;
}

/** A reading's text is recognised in the page's chrome by this much of its opening. */
const CHROME_PROBE = 80;

/**
 * Whether a text opens like a block of the page's chrome (its footer, a menu): Readability, when a
 * page has no article text at all, may settle on the footer, which no longer looks like one once
 * taken out of the page.
 */
function isChromeText(text: string, page: Page): boolean {
  const probe = text.slice(0, CHROME_PROBE);
  return page.elements.all.some((el) => isFrameOfPage(el) && textOf(el).includes(probe));
}

function render(reading: Reading, page: Page, converter: MarkdownConverter): RenderedBody {
  // The cleaning walk visits only the body's descendants: testing each against the query needs no prior walk.
  const convert = (exclude: ((el: Element) => boolean) | undefined, chromeByName = true) => {
    const tree = toCleanTree(reading.body, { baseUrl: page.baseUrl, exclude, chromeByName });
    normaliseCleanTree(tree);
    if (reading.pruned) dropTrailingHeadings(tree, MIN_TEXT_LENGTH);
    const markdown = converter.toMarkdown(tree);
    return { tree, markdown, text: toPlainText(markdown), title: reading.title, via: reading.via };
  };
  if (!reading.pruned) return convert(reading.exclude?.matches);
  const pruned = convert(isBoilerplate, false);
  // Pruning that leaves almost nothing took the text for boilerplate: the block stands whole. The
  // block's raw text bounds its cleaned text, so the whole block is converted only when in doubt.
  if (pruned.text.length > (reading.text ?? textOf(reading.body)).length * OVERPRUNED_SHARE) return pruned;
  const whole = convert(reading.exclude?.matches);
  return pruned.text.length > whole.text.length * OVERPRUNED_SHARE ? pruned : whole;
}

function tooShort(rendered: RenderedBody): string {
  return `body too short (${rendered.text.length} characters of text)`;
}

/** "div#main.entry-content": an element as a selector, for explanations. */
function describeElement(el: Element): string {
  const id = el.attribs['id'] ? `#${el.attribs['id']}` : '';
  const classes = (el.attribs['class'] ?? '').trim().split(/\s+/u).filter(Boolean).slice(0, 3).map((c) => `.${c}`).join('');
  const itemprop = el.attribs['itemprop'] ? `[itemprop=${el.attribs['itemprop']}]` : '';
  return `${el.name}${id}${classes}${itemprop}`;
}
