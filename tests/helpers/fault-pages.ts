/**
 * Hostile variants of a generated article page: another title, extra markup in the head or the body.
 * The page keeps its Joomla markup, so whatever the crawl does with it comes from the hostile part.
 */
import type { ArticleModel, Site } from '../../scripts/site/generate-site.js';

/** Escapes text for HTML content and attributes, as Joomla prints a title. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
}

/** What to change in an article page. */
export interface PageEdits {
  /** A new title, put (escaped) in `<title>` and the headline. */
  readonly title?: string;
  /** Raw markup added at the end of `<head>`. */
  readonly head?: string;
  /** Raw markup added at the start of the article body. */
  readonly body?: string;
}

/** The HTML of `article`'s page on `site`, with `edits` applied. */
export function hostileArticlePage(site: Pick<Site, 'route'>, article: ArticleModel, edits: PageEdits): string {
  let html = site.route(article.path)?.body.toString('utf8') ?? '';
  if (html === '') throw new Error(`no page at ${article.path}`);
  if (edits.title !== undefined) {
    const original = escapeHtml(article.title);
    const title = escapeHtml(edits.title);
    html = html.replace(`<title>${original} - `, `<title>${title} - `).replace(`<h2 itemprop="headline">${original}</h2>`, `<h2 itemprop="headline">${title}</h2>`);
  }
  if (edits.head !== undefined) html = html.replace('</head>', `${edits.head}\n</head>`);
  if (edits.body !== undefined) html = html.replace('<div itemprop="articleBody">', `<div itemprop="articleBody">\n${edits.body}`);
  return html;
}
