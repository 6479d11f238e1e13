/**
 * Which files of an article are its media, read from the cleaned body's Markdown (pure): every image
 * it shows, and every link to a document or an image file (a PDF, an office file, a full-size photo
 * behind its thumbnail). The extractor has already left the page's chrome out (header banners,
 * menus, sidebars, share bars); icons and logos that sit inside a body are left out here by their
 * file name (pictures only).
 * Only files on the site's host are media: a link to another site is a link.
 */
import { isInScope } from '../discover/urls.js';
import { decodePathPiece, fileNameOf, formatOfUrl, type MediaFormat } from './types.js';

/** A file to archive with an article. */
export interface MediaCandidate {
  /** Absolute URL, without fragment, exactly as the Markdown links it. */
  readonly url: string;
  /** The format its URL names; undefined for an image whose URL names none (the bytes will say). */
  readonly format: MediaFormat | undefined;
}

/**
 * Any Markdown link or image destination, whatever holds it (the image inside a link is matched on
 * its own). The Markdown renderer percent-encodes `( ) < >` and spaces in destinations.
 */
export const DESTINATION = /\]\(([^()\s]+)\)/g;
/** An image destination: `![alt](url)`. */
const IMAGE = /!\[(?:[^\]\\]|\\.)*\]\(([^()\s]+)\)/g;
/** File names of page furniture that a body may still hold: logos, icons, pictograms, share buttons. */
const FURNITURE_NAME = /(?:^|[^a-z])(?:logo|icon|icone|picto|pictogramme|share|partage|partager|facebook|twitter|instagram|linkedin|whatsapp|spacer|pixel)(?:[^a-z]|$)/i;

/** The media of a body, in the order they appear, each once. */
export function discoverMedia(markdown: string, base: URL): MediaCandidate[] {
  const images = new Set([...markdown.matchAll(IMAGE)].map((m) => m[1]!));
  const found = new Map<string, MediaCandidate>();
  for (const match of markdown.matchAll(DESTINATION)) {
    const destination = match[1]!;
    const url = toFileUrl(destination);
    if (!url || !isInScope(url, base) || found.has(url.href)) continue;
    const format = formatOfUrl(url);
    // Only pictures can be furniture: a linked document ("partage-des-eaux.pdf") is always meant.
    if ((format === undefined || format.kind === 'image') && isFurniture(url)) continue;
    // A link is media only when it names a file; an image is media whatever its URL looks like.
    if (format === undefined && !images.has(destination)) continue;
    if (format !== undefined && format.kind === 'document' && images.has(destination)) continue;
    found.set(url.href, { url: url.href, format });
  }
  return [...found.values()];
}

/** The URL of a destination without its fragment when it is http(s), else null. */
export function toFileUrl(destination: string): URL | null {
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return url;
}

function isFurniture(url: URL): boolean {
  return FURNITURE_NAME.test(decodePathPiece(fileNameOf(url)));
}
