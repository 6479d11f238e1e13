/** The data the extractor produces: a decoded page, then an article (or a reason it is none). */
import type { CheerioAPI } from 'cheerio';
import type { HeadIndex } from './head.js';
import type { ElementIndex } from './query.js';

/** A page decoded once and parsed once; every extractor reads it, none mutates it. */
export interface Page {
  /** The URL the page was fetched from (after redirects). */
  readonly url: string;
  /** The URL relative links resolve against (`<base href>` when in scope, else `url`). */
  readonly baseUrl: string;
  /** The decoded HTML text. */
  readonly html: string;
  /** The charset the bytes were decoded with (e.g. "utf-8", "windows-1252"). */
  readonly encoding: string;
  /** The parsed document. Treat as read-only: clone (`$(el).clone()`) before changing anything. */
  readonly $: CheerioAPI;
  /** Every element of the parsed document, walked once: selector queries read this (query.ts). */
  readonly elements: ElementIndex;
  /** What the `<head>` says. */
  readonly head: HeadIndex;
}

/** A bullet list of the body with the sentence or heading that introduces it. */
export interface Initiative {
  /** The introduction without its trailing colon ("Parmi les dernières initiatives"); "" if none. */
  readonly heading: string;
  /** Items as clean text: no bullet, no trailing ";" or "."; a nested list stays in its parent item as "parent : child 1 ; child 2". */
  readonly items: readonly string[];
}

/** Where a date came from, in precedence order. */
export type DateSource =
  | 'json-ld'
  | 'meta'
  | 'time[datetime]'
  | 'microdata'
  | 'text'
  | 'first-seen';

/** An article extracted from a page: the record of the README minus `fetchedAt`. */
export interface Article {
  /** The Joomla id when the URL carries one, else a stable id derived from the canonical URL. */
  readonly id: string;
  /** The canonical URL (rel=canonical or og:url when in scope, else the normalised URL). */
  readonly url: string;
  readonly title: string;
  /** ISO 8601 in Europe/Paris: a date ("2017-12-08") or a date-time with its offset; null if unknown. */
  readonly publishedAt: string | null;
  readonly updatedAt: string | null;
  readonly dateSource: DateSource | null;
  /** Category / breadcrumb, parts joined by " › "; null if unknown. */
  readonly section: string | null;
  readonly initiatives: readonly Initiative[];
  /** The body as Markdown (one configured Turndown service). */
  readonly markdown: string;
  /** The body as plain text. */
  readonly text: string;
  /** "sha256:" + hex of the normalised text. */
  readonly contentHash: string;
}

/** The outcome of extraction: an article, or a one-line reason the page is not one. */
export type Extraction =
  | {
      readonly kind: 'article';
      readonly article: Article;
      /** How the text was found (which rule, which block), for `extract --verbose`. */
      readonly via: string;
    }
  | { readonly kind: 'not-article'; readonly reason: string };
