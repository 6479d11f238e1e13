/**
 * A page to an article, top to bottom: refuse what is not one (binary, empty, error template,
 * listing), locate the article, read its metadata (title, URL, id, dates, section), clean its body,
 * then derive initiatives, Markdown, text and hash. The parsed page is read, never changed.
 */
import { isBinaryText, isHtmlContentType } from './decode.js';
import { toCleanTree } from './clean.js';
import { textOf } from './dom.js';
import { extractDates } from './extract-dates.js';
import { extractInitiatives } from './initiatives.js';
import { extractJsonLd } from './json-ld.js';
import { headerValue, loadPage } from './load-page.js';
import type { Element } from 'domhandler';
import { locateArticle, type ArticleLocation } from './locate.js';
import { readWithReadability } from './readability.js';
import { listingEvidence } from './listing.js';
import { looksLikeArticleUrl } from '../discover/urls.js';
import { sharedMarkdownConverter, type MarkdownConverter } from './markdown.js';
import { extractCanonicalUrl, extractSection, toArticleId } from './metadata.js';
import { normaliseCleanTree } from './normalise-tree.js';
import { firstOfTag, type ElementIndex } from './query.js';
import { hashText, toPlainText } from './plain-text.js';
import { ERROR_TITLE } from './selectors.js';
import { extractTitle } from './title.js';
import type { Extraction, Page } from './types.js';

/** Options of the pure extractor. */
export interface ExtractOptions {
  /** The present: dates after it are rejected. Default: the wall clock. */
  readonly now?: Date | undefined;
  /** The Markdown converter; default: one shared by the process. */
  readonly converter?: MarkdownConverter | undefined;
}

/** Below this many characters of text a page has no article worth archiving. */
const MIN_TEXT_LENGTH = 40;
/** An error template says so in a short text; a long article may mention "404" in passing. */
const ERROR_BODY_MAX = 600;

/** Decodes, parses and extracts a page in one call. */
export function extractArticle(html: string | Uint8Array, url: string, headers?: Record<string, string>, options: ExtractOptions = {}): Extraction {
  const contentType = headerValue(headers, 'content-type');
  if (!isHtmlContentType(contentType)) return notArticle(`not an HTML page (${contentType ?? ''})`);
  return extractFromPage(loadPage(html, url, headers), options);
}

/** Extracts the article of a loaded page, or says in one line why it is not one. */
export function extractFromPage(page: Page, options: ExtractOptions = {}): Extraction {
  if (page.html.trim() === '') return notArticle('empty page');
  if (isBinaryText(page.html)) return notArticle('binary content, not an HTML page');
  const { elements, head } = page;
  if (head.title && ERROR_TITLE.test(head.title)) return notArticle(`error page ("${head.title}")`);

  const located = locateArticle(elements);
  if (located.kind === 'refused') return notArticle(isBlank(elements) ? 'empty page' : located.reason);
  const { location } = located;
  const chosen = chooseBody(page, location);
  if (typeof chosen === 'string') return notArticle(isBlank(elements) ? 'empty page' : chosen);
  const jsonLd = extractJsonLd(elements);
  const title = extractTitle(elements, head, location.scope, jsonLd) || chosen.title;
  if (title === '') return notArticle(isBlank(elements) ? 'empty page' : 'no title');
  if (ERROR_TITLE.test(title)) return notArticle(`error page ("${title}")`);

  // The cleaning walk visits only the body's descendants: testing each against the query needs no prior walk.
  const tree = toCleanTree(chosen.body, { baseUrl: page.baseUrl, exclude: chosen.exclude?.matches });
  normaliseCleanTree(tree);
  const markdown = (options.converter ?? sharedMarkdownConverter()).toMarkdown(tree);
  const text = toPlainText(markdown);
  if (text.length < MIN_TEXT_LENGTH) return notArticle(`body too short (${text.length} characters of text)`);
  if (text.length < ERROR_BODY_MAX && ERROR_TITLE.test(text)) return notArticle('error page (its text says the page does not exist)');

  const url = extractCanonicalUrl(page);
  const dates = extractDates(head, location.scope, jsonLd, options.now ?? new Date());
  return {
    kind: 'article',
    via: chosen.via,
    article: {
      id: toArticleId(url, page.url),
      url,
      title,
      publishedAt: dates.publishedAt,
      updatedAt: dates.updatedAt,
      dateSource: dates.dateSource,
      section: extractSection(elements, head, location.scope, jsonLd, title),
      initiatives: extractInitiatives(tree),
      markdown,
      text,
      contentHash: hashText(text),
    },
  };
}

/** The body to clean, the parts of it left out, a title found on the way, and how it was chosen. */
interface ChosenBody {
  readonly body: Element;
  readonly exclude: ArticleLocation['exclude'];
  readonly title: string;
  readonly via: string;
}

/**
 * Site rules decide alone. On markup they do not know, Readability's reading is preferred to our one
 * scoring pass when it finds text: measured on trafilatura's corpus, it is right more often, in
 * precision and in recall (README, Extraction quality). Then the evidence of teasers decides whether
 * that block is the page's article or one block of a listing; an article-shaped URL weighs toward
 * "article". Returns the reason when the page is not an article.
 */
function chooseBody(page: Page, location: ArticleLocation): ChosenBody | string {
  const ours = `${location.layout} rules: ${describeElement(location.body)}`;
  if (location.layout !== 'generic') return { body: location.body, exclude: location.exclude, title: '', via: ours };
  const view = readWithReadability(page.html);
  const length = view ? textOf(view.body).length : 0;
  const useView = view !== null && length >= MIN_TEXT_LENGTH;
  if (!useView && !location.scored) return 'no article text found';
  const body = useView ? view.body : location.body;
  const listing = listingEvidence(body, location.teasers ?? [], looksLikeArticleUrl(new URL(page.url)));
  if (listing) return listing;
  if (!useView) return { body, exclude: null, title: '', via: `${ours} (Readability found no text)` };
  return { body, exclude: null, title: view.title ?? '', via: `Readability (${length} characters of text), preferred to the scored block ${describeElement(location.body)}` };
}

/** "div#main.entry-content": an element as a selector, for explanations. */
function describeElement(el: Element): string {
  const id = el.attribs['id'] ? `#${el.attribs['id']}` : '';
  const classes = (el.attribs['class'] ?? '').trim().split(/\s+/u).filter(Boolean).slice(0, 3).map((c) => `.${c}`).join('');
  return `${el.name}${id}${classes}`;
}

/** Whether the page shows nothing: no text and no image in its body. */
function isBlank(elements: ElementIndex): boolean {
  const body = firstOfTag(elements, 'body') ?? elements.root;
  return textOf(body) === '' && !elements.byTag.has('img');
}

function notArticle(reason: string): Extraction {
  return { kind: 'not-article', reason };
}
