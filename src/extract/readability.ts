/**
 * A second opinion on where a page's text is, for markup no site rule knows: Mozilla's Readability
 * (the reader view of Firefox) on a linkedom DOM. It scores paragraphs into their ancestors, merges
 * qualifying siblings, and retries with looser rules when its result is short. On trafilatura's
 * 990-page evaluation corpus it finds the text of far more pages than a single scoring pass
 * (README, Extraction quality). Its output is parsed back into our tree and cleaned by the same rules
 * as any body, so its choice of block is used, never its markup.
 */
import { createRequire } from 'node:module';
import type { AnyNode, Element } from 'domhandler';
import type { ElementIndex } from './query.js';
import { parseDocument } from 'htmlparser2';
import { isElement } from './dom.js';

// Both are CommonJS and loaded only when a page reaches the generic path: a Joomla page, or
// `extract` in a shell loop over Joomla pages, never pays for them.
const require = createRequire(import.meta.url);

/** What Readability makes of a page. */
export interface ReadabilityView {
  /** Its article content, as our tree (a wrapper element around the kept blocks). */
  readonly body: Element;
  /** Its title, or null. */
  readonly title: string | null;
}

/**
 * Deeper than this, Readability is not asked: its walks grow with the cube of the nesting on linkedom
 * (45 ms at 100 levels, 6 s at 1,000), and a page nested that deep is broken or hostile. The deepest
 * of trafilatura's 990 real pages is 43 levels.
 */
export const READABLE_DEPTH = 100;

/** Whether a page nests elements deeper than Readability can read in reasonable time. */
export function isTooDeepForReadability(elements: ElementIndex): boolean {
  const depths = new Map<AnyNode, number>();
  for (const el of elements.all) {
    const depth = (el.parent ? (depths.get(el.parent) ?? 0) : 0) + 1;
    if (depth > READABLE_DEPTH) return true;
    depths.set(el, depth);
  }
  return false;
}

/** Readability's reading of a page's HTML, or null when it finds no article at all. */
export function readWithReadability(html: string): ReadabilityView | null {
  const { parseHTML } = require('linkedom') as typeof import('linkedom');
  const { Readability } = require('@mozilla/readability') as typeof import('@mozilla/readability');
  const { document } = parseHTML(html);
  let parsed: ReturnType<InstanceType<typeof Readability>['parse']>;
  try {
    // Readability reads JSON-LD for its own metadata; ours has its own precedence chain (metadata.ts).
    // Classes are kept: the boilerplate inside its block is then told by name (boilerplate.ts).
    parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { disableJSONLD: true, keepClasses: true }).parse();
  } catch {
    // A DOM edge case linkedom does not cover: no second opinion, the first one stands.
    return null;
  }
  if (!parsed?.content) return null;
  const body = parseDocument(String(parsed.content)).children.find(isElement);
  return body ? { body, title: parsed.title?.trim() || null } : null;
}
