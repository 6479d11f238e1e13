/**
 * Which block of the page is the article's text, cleaned and converted. Site rules decide alone. On
 * markup they do not know there are two readings, tried in order: Readability's (on trafilatura's
 * corpus it is right more often than our one scoring pass, in precision and in recall: README,
 * Extraction quality), then our scored block. A reading is kept when the evidence of teasers says it
 * is the page's article and not one block of a listing (an article-shaped URL weighs toward
 * "article"), and when its cleaned text is long enough: Readability sometimes settles on a cookie
 * notice that our cleaning removes, and the scored block then stands.
 */
import type { Element } from 'domhandler';
import { isFrameOfPage } from './chrome.js';
import { toCleanTree } from './clean.js';
import type { CleanElement } from './clean-tree.js';
import { textOf } from './dom.js';
import { listingEvidence } from './listing.js';
import type { ArticleLocation } from './locate.js';
import type { MarkdownConverter } from './markdown.js';
import { normaliseCleanTree } from './normalise-tree.js';
import { toPlainText } from './plain-text.js';
import { readWithReadability } from './readability.js';
import type { Page } from './types.js';

/** Below this many characters of text a page has no article worth archiving. */
export const MIN_TEXT_LENGTH = 40;

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
  readonly exclude: ArticleLocation['exclude'];
  readonly title: string;
  readonly via: string;
}

/** The article's body, or the reason the page has none. */
export function chooseBody(page: Page, location: ArticleLocation, converter: MarkdownConverter): RenderedBody | string {
  const scored = `${location.layout} rules: ${describeElement(location.body)}`;
  if (location.layout !== 'generic') {
    const rendered = render({ body: location.body, exclude: location.exclude, title: '', via: scored }, page, converter);
    return rendered.text.length < MIN_TEXT_LENGTH ? tooShort(rendered) : rendered;
  }
  const readings: Reading[] = [];
  const view = readWithReadability(page.html);
  const viewText = view ? textOf(view.body) : '';
  if (view && viewText.length >= MIN_TEXT_LENGTH && !isChromeText(viewText, page)) {
    const via = location.scored ? `Readability's reading, preferred to the scored block ${describeElement(location.body)}` : "Readability's reading (no block scored)";
    readings.push({ body: view.body, exclude: null, title: view.title ?? '', via });
  }
  if (location.scored) readings.push({ body: location.body, exclude: null, title: view?.title ?? '', via: `${scored}${readings.length > 0 ? " (Readability's reading was not kept)" : ' (Readability found no text)'}` });
  const pageUrl = new URL(page.url);
  let reason = 'no article text found';
  for (const [index, reading] of readings.entries()) {
    const listing = listingEvidence(reading.body, location.teasers ?? [], pageUrl);
    const rendered = listing ? null : render(reading, page, converter);
    if (rendered && rendered.text.length >= MIN_TEXT_LENGTH) return rendered;
    // The first reading's reason is the one to report: the next one is a fallback.
    if (index === 0) reason = listing ?? tooShort(rendered as RenderedBody);
  }
  return reason;
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
  const tree = toCleanTree(reading.body, { baseUrl: page.baseUrl, exclude: reading.exclude?.matches });
  normaliseCleanTree(tree);
  const markdown = converter.toMarkdown(tree);
  return { tree, markdown, text: toPlainText(markdown), title: reading.title, via: reading.via };
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
