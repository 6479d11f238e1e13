/**
 * The best source of an `<img>`, for the archive: the largest candidate of its `srcset` (and of its
 * `<picture>`'s `<source>` elements), else `src`, else a lazy loader's `data-src`. Pure: reads the
 * element, changes nothing.
 */
import type { Element } from 'domhandler';
import { isElement } from './dom.js';

/** One `srcset` candidate: "url 800w" or "url 2x" (HTML §4.8.4.3); a bare URL counts as 1x. */
const CANDIDATE = /^(\S+?),?(?:\s+(\d+(?:\.\d+)?)([wx]))?$/;

/** The URL of the image's largest known version, or "" when it has none. */
export function bestImageSource(img: Element): string {
  const sets = [img.attribs['srcset'], img.attribs['data-srcset']];
  const picture = img.parent && isElement(img.parent) && img.parent.name === 'picture' ? img.parent : undefined;
  for (const child of picture?.children ?? []) if (isElement(child) && child.name === 'source') sets.push(child.attribs['srcset']);
  let best: { url: string; width: number; density: number } | undefined;
  for (const set of sets) {
    for (const part of (set ?? '').split(/,\s+/)) {
      const match = CANDIDATE.exec(part.trim());
      if (!match?.[1]) continue;
      const value = Number(match[2] ?? 1);
      const candidate = { url: match[1], width: match[3] === 'w' ? value : 0, density: match[3] === 'w' ? 0 : value };
      if (!best || candidate.width > best.width || (candidate.width === best.width && candidate.density > best.density)) best = candidate;
    }
  }
  return best?.url ?? img.attribs['src'] ?? img.attribs['data-src'] ?? '';
}
