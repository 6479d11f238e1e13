/**
 * The peers our extraction is measured against, configured once: the parse floor (cheerio.load and
 * nothing else) and Mozilla Readability on jsdom followed by Turndown, the usual Node recipe for
 * "article to Markdown". The Crawlee peer reuses the same Turndown service.
 */
import gfmPlugin from '@joplin/turndown-plugin-gfm';
import { Readability } from '@mozilla/readability';
import * as cheerio from 'cheerio';
import { JSDOM, VirtualConsole } from 'jsdom';
import TurndownService from 'turndown';

/** One Turndown service as STYLE.md asks: ATX headings, "-" bullets, fenced code, GFM tables. */
export function createTurndown() {
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '_' });
  service.use(gfmPlugin.gfm);
  return service;
}

/**
 * The parse floor: what any cheerio-based extractor pays before extracting anything.
 * @param {string} html
 */
export function parseFloor(html) {
  return cheerio.load(html);
}

/**
 * Readability on jsdom, then Turndown: the Markdown of the article, or null if Readability finds none.
 * @param {string} html
 * @param {string} url
 * @param {TurndownService} turndown
 */
export function readabilityToMarkdown(html, url, turndown) {
  // jsdom reports CSS and script problems to the console by default: silence them, they are not ours.
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    const article = new Readability(dom.window.document).parse();
    return article?.content ? turndown.turndown(article.content) : null;
  } finally {
    dom.window.close();
  }
}
