/**
 * The Markdown of an article whose media are archived: each link or image pointing at an archived
 * file points at its copy under `media/` instead, by a path relative to the article's file, so the
 * links work wherever the archive is moved and in any Markdown viewer. The original URL stays in the
 * front matter's `media` list and as the link's title (`![alt](../../media/… "https://…")`), which
 * makes the change reversible: a later run gets the body's original links back with `unlinkMedia`.
 * The plain text, and so the content hash, ignore link destinations and titles. Pure.
 */
import path from 'node:path';
import type { MediaRef } from '../archive/types.js';
import { DESTINATION, toFileUrl } from './discover.js';

/** `markdown` with the destinations of archived media replaced by paths relative to `articlePath`. */
export function linkMedia(markdown: string, media: readonly MediaRef[], articlePath: string): string {
  if (media.length === 0) return markdown;
  const byUrl = new Map(media.map((m) => [m.url, m.path]));
  const from = path.posix.dirname(articlePath);
  return markdown.replace(DESTINATION, (whole, destination: string) => {
    const url = toFileUrl(destination);
    const file = url ? byUrl.get(url.href) : undefined;
    return url === null || file === undefined ? whole : `](${path.posix.relative(from, file)} "${url.href}")`;
  });
}

/** A destination linkMedia made: a relative path and the original URL as its title. */
const LINKED_DESTINATION = /\]\(([^()\s]+) "(https?:\/\/[^"\s]+)"\)/g;

/** The Markdown linkMedia was given: each archived copy's link back to its original URL. */
export function unlinkMedia(markdown: string): string {
  return markdown.replace(LINKED_DESTINATION, (_whole, _path: string, url: string) => `](${url})`);
}
