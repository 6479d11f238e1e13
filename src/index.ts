/**
 * The library API of beauvais-archive, for researchers' own Node code:
 * `extractArticle(html, url, headers?)` and the record types.
 */
export { extractArticle, extractFromPage, loadPage, toPlainText, hashText } from './extract/index.js';
export type { Article, DateSource, Extraction, Initiative, Page } from './extract/types.js';
export { toRecord } from './output/record.js';
export type { ArchiveRecord, ArticleRecord } from './output/record.js';
export type { ArchiveEntry } from './archive/types.js';
export { articleIdFromUrl, normaliseUrl } from './discover/urls.js';
