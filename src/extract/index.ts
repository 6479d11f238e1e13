/** The extractor's public API: a page (bytes, URL, headers) to an article or a reason it is none. */
export { loadPage } from './load-page.js';
export { extractArticle, extractFromPage, type ExtractOptions } from './extract-article.js';
export { createMarkdownConverter, type MarkdownConverter } from './markdown.js';
export { hashText, toPlainText } from './plain-text.js';
export { decodeHtml, type DecodedHtml } from './decode.js';
export { parseDateValue, parseFrenchDate, type DateValue } from './dates.js';
export type { Article, DateSource, Extraction, Initiative, Page } from './types.js';
