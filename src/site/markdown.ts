/**
 * The archived Markdown as HTML, by markdown-it with raw HTML off: a `<script>` or any tag written in
 * an article comes out as text. Links keep only web and mail schemes. An image is shown from the
 * archive's own copy when one was kept; otherwise it becomes a link to the original, so that reading
 * the site never makes a request to another host.
 */
import MarkdownIt from 'markdown-it';
import type { RenderRule } from 'markdown-it/lib/renderer.mjs';
import { isMediaPath } from '../archive/media-names.js';
import { escapeHtml } from './html.js';

/** What rendering one body needs: the local copy of each kept image, as a link from the page. */
export interface MarkdownContext {
  /** Original image URL → its copy's path relative to the page (text, escaped when written). */
  readonly localImages: ReadonlyMap<string, string>;
}

/** The context as the image rule sees it: the copies' paths also as a set, built once per page. */
interface RenderEnv extends MarkdownContext {
  readonly localPaths: ReadonlySet<string>;
}

/** Link targets an article may keep: web pages, mail addresses, anchors in the page. */
const ALLOWED_LINK = /^(?:https?:|mailto:|#)/i;
/**
 * The folders a link to the archive's own copy of a medium climbs (`../../media/<sha256>-<name>.<ext>`,
 * relative to the article's file: the site keeps the archive's YYYY/MM layout, so the same relative
 * link reaches the copy in the site).
 */
const UP_FOLDERS = /^(?:\.\.\/)+/;

/** Whether an article may link to `url`: an allowed scheme, or a kept media file (media-names.ts, isMediaPath). */
function isAllowedLink(url: string): boolean {
  return ALLOWED_LINK.test(url) || (UP_FOLDERS.test(url) && isMediaPath(url.replace(UP_FOLDERS, '')));
}

/** A configured renderer; build one per site build and reuse it for every page. */
export function createMarkdownRenderer(): (markdown: string, ctx: MarkdownContext) => string {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = (url) => isAllowedLink(url.trim());
  md.renderer.rules.image = renderImage;
  const defaultLinkOpen: RenderRule = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (token && !(token.attrGet('href') ?? '').startsWith('#')) token.attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  // The page's title is its only <h1>: the body's headings start one level lower.
  const shiftHeading: RenderRule = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    if (token) token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.heading_open = shiftHeading;
  md.renderer.rules.heading_close = shiftHeading;
  return (markdown, ctx) => md.render(markdown, { ...ctx, localPaths: new Set(ctx.localImages.values()) } satisfies RenderEnv);
}

const renderImage: RenderRule = (tokens, idx, _options, env: RenderEnv) => {
  const token = tokens[idx];
  if (!token) return '';
  const src = token.attrGet('src') ?? '';
  const alt = token.children ? token.children.map((c) => c.content).join('') : token.content;
  // The archive's Markdown links a kept image to its copy already; an older archive, to the original.
  const local = env.localImages.get(src) ?? (env.localPaths.has(src) ? src : undefined);
  if (local) return `<img src="${escapeHtml(local)}" alt="${escapeHtml(alt)}" loading="lazy">`;
  const label = alt ? `Image non conservée : ${alt}` : 'Image non conservée';
  return `<a class="remote-image" href="${escapeHtml(src)}" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
};
