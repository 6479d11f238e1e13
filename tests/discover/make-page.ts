/** Builds a `Page` by hand from an HTML snippet, as the extractor's loader would. */
import { load } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { indexHead } from '../../src/extract/head.js';
import { indexElements } from '../../src/extract/query.js';
import type { Page } from '../../src/extract/types.js';

/** A page fetched from `url`, its links resolving against `baseUrl` (the loader's `<base href>` result). */
export function makePage(html: string, url: string, baseUrl: string = url): Page {
  const $ = load(html);
  const elements = indexElements($.root()[0] as AnyNode);
  return { url, baseUrl, html, encoding: 'utf-8', $, elements, head: indexHead(elements.root) };
}
