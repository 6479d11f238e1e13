/**
 * A page to an article, top to bottom: refuse what is not one (binary, empty, error template,
 * listing), locate the article, read its metadata (title, URL, id, dates, section), clean its body,
 * then derive initiatives, Markdown, text and hash. The parsed page is read, never changed.
 */
import { isBinaryText, isHtmlContentType } from './decode.js';
import { textOf } from './dom.js';
import { extractDates } from './extract-dates.js';
import { extractInitiatives } from './initiatives.js';
import { extractJsonLd } from './json-ld.js';
import { headerValue, loadPage } from './load-page.js';
import { chooseBody } from './choose-body.js';
import { locateArticle } from './locate.js';
import { sharedMarkdownConverter, type MarkdownConverter } from './markdown.js';
import { extractCanonicalUrl, extractSection, toArticleId } from './metadata.js';
import { firstOfTag, type ElementIndex } from './query.js';
import { hashText } from './plain-text.js';
import { ERROR_TITLE } from './selectors.js';
import { extractTitle, titleFromText } from './title.js';
import type { Extraction, Page } from './types.js';

/** Options of the pure extractor. */
export interface ExtractOptions {
  /** The present: dates after it are rejected. Default: the wall clock. */
  readonly now?: Date | undefined;
  /** The Markdown converter; default: one shared by the process. */
  readonly converter?: MarkdownConverter | undefined;
}

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
  const rendered = chooseBody(page, location, options.converter ?? sharedMarkdownConverter());
  if (typeof rendered === 'string') return notArticle(isBlank(elements) ? 'empty page' : rendered);
  const { markdown, text, tree } = rendered;
  const jsonLd = extractJsonLd(elements);
  const title = extractTitle(elements, head, location.scope, jsonLd) || rendered.title || (location.layout === 'generic' ? titleFromText(text) : '');
  if (title === '') return notArticle(isBlank(elements) ? 'empty page' : 'no title');
  if (ERROR_TITLE.test(title)) return notArticle(`error page ("${title}")`);
  if (text.length < ERROR_BODY_MAX && ERROR_TITLE.test(text)) return notArticle('error page (its text says the page does not exist)');

  const url = extractCanonicalUrl(page);
  const dates = extractDates(head, location.scope, jsonLd, options.now ?? new Date());
  return {
    kind: 'article',
    via: rendered.via,
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

/** Whether the page shows nothing: no text and no image in its body. */
function isBlank(elements: ElementIndex): boolean {
  const body = firstOfTag(elements, 'body') ?? elements.root;
  return textOf(body) === '' && !elements.byTag.has('img');
}

function notArticle(reason: string): Extraction {
  return { kind: 'not-article', reason };
}
