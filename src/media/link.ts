/**
 * The Markdown of an article whose media are archived: each link or image pointing at an archived
 * file points at its copy under `media/` instead, by a path relative to the article's file, so the
 * links work wherever the archive is moved and in any Markdown viewer. The original URLs stay in the
 * front matter's `media` list. Pure.
 */
import path from 'node:path';
import { DESTINATION, toFileUrl } from './discover.js';

/** An archived file of an article, as its front matter lists it. */
export interface MediaRef {
  /** The URL the article links to. */
  readonly url: string;
  /** The file, relative to `<out>` (POSIX): `media/<sha256>-<name>.<ext>`. */
  readonly path: string;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  /** The media type the bytes were confirmed as ("image/jpeg", "application/pdf"). */
  readonly type: string;
  readonly bytes: number;
}

/** `markdown` with the destinations of archived media replaced by paths relative to `articlePath`. */
export function linkMedia(markdown: string, media: readonly MediaRef[], articlePath: string): string {
  if (media.length === 0) return markdown;
  const byUrl = new Map(media.map((m) => [m.url, m.path]));
  const from = path.posix.dirname(articlePath);
  return markdown.replace(DESTINATION, (whole, destination: string) => {
    const url = toFileUrl(destination);
    const file = url ? byUrl.get(url.href) : undefined;
    return file === undefined ? whole : `](${path.posix.relative(from, file)})`;
  });
}
