/**
 * The CPU-heavy part of crawling one page, as one pure function: decode and parse once, read the
 * links, extract the article. Its input and output are plain data, so it can run on a worker thread.
 */
import { extractLinks, type PageLinks } from '../discover/links.js';
import { extractFromPage, loadPage } from '../extract/index.js';
import type { Extraction } from '../extract/types.js';

export interface PageInput {
  readonly body: Uint8Array;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The crawl's base URL (href): the scope of the links. */
  readonly base: string;
}

export interface PageAnalysis {
  readonly links: PageLinks;
  readonly extraction: Extraction;
}

/** Links and article of a fetched page. */
export function analysePage(input: PageInput): PageAnalysis {
  const page = loadPage(input.body, input.url, { ...input.headers });
  return { links: extractLinks(page, new URL(input.base)), extraction: extractFromPage(page) };
}
