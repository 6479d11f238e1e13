/** A page, decoded once and parsed once: the input of every extractor. */
// cheerio/slim parses with htmlparser2 rather than parse5: several times faster, the same tree for
// the markup Joomla emits, and a lighter import (extract runs in shell loops). Deep nesting is capped
// first (see nesting.ts): both parsers are quadratic in depth.
import { load } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import { isInScope, parseHref } from '../discover/urls.js';
import { decodeHtml } from './decode.js';
import { indexHead } from './head.js';
import { limitNesting } from './nesting.js';
import { indexElements } from './query.js';
import type { Page } from './types.js';

/** The value of a header, whatever the case of its name. */
export function headerValue(headers: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Decodes (HTTP charset, BOM, `<meta charset>`) and parses a page once; `baseUrl` honours an in-scope `<base href>`. */
export function loadPage(body: Uint8Array | string, url: string, headers?: Record<string, string>): Page {
  const { html, encoding } = decodeHtml(body, headerValue(headers, 'content-type'));
  const $ = load(limitNesting(html));
  const pageUrl = new URL(url);
  const elements = indexElements($.root()[0] as AnyNode);
  const head = indexHead(elements.root, elements.byTag.get('meta'));
  const href = head.base;
  const base = href === undefined ? null : parseHref(href, pageUrl);
  // A <base> pointing to another host (a CDN, a mirror, an injected tag) must not send our links there.
  const baseUrl = base && isInScope(base, pageUrl) ? base.href : pageUrl.href;
  return { url: pageUrl.href, baseUrl, html, encoding, $, elements, head };
}
