/**
 * The generic fallback for pages without Joomla's article markup: a Readability-like score. Every
 * paragraph gives points (one, plus its commas, plus one per 100 characters up to three) to its parent
 * and, halved, to its grandparent; names that smell of content or of chrome move a candidate up or
 * down; the best candidate is then discounted by its link density. One pass over the tree.
 */
import type { Element } from 'domhandler';
import { isChrome, isFurniture, linkDensity } from './chrome.js';
import { classAndId, descendants, isElement, textOf } from './dom.js';
import { CONTENT_NAME, NON_TEXT_TAGS } from './selectors.js';

/** Elements whose text counts as a paragraph. */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'blockquote']);
/** Below this many characters a paragraph is a caption, a button or a date, not text. */
const MIN_PARAGRAPH = 25;
/** How many of the best raw scores get their link density computed. */
const FINALISTS = 5;

/** The element most likely to hold the article text under `root`, or null when nothing scores. */
export function findMainContent(root: Element): Element | null {
  const scores = new Map<Element, number>();
  const skip = (el: Element) => NON_TEXT_TAGS.has(el.name) || isChrome(el) || isFurniture(el);
  for (const el of descendants(root, skip)) {
    const text = PARAGRAPH_TAGS.has(el.name) ? textOf(el) : el.name === 'div' ? ownText(el) : '';
    if (text.length < MIN_PARAGRAPH) continue;
    const points = 1 + (text.match(/[,，]/gu)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
    let ancestor = el.name === 'div' ? el : el.parent;
    for (let level = 1; level <= 2 && isElement(ancestor); level++, ancestor = ancestor.parent) {
      if (!scores.has(ancestor)) scores.set(ancestor, initialScore(ancestor));
      scores.set(ancestor, (scores.get(ancestor) ?? 0) + points / level);
    }
  }
  const finalists = [...scores].sort((a, b) => b[1] - a[1]).slice(0, FINALISTS);
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of finalists) {
    const adjusted = score * (1 - linkDensity(el));
    if (adjusted > bestScore) {
      best = el;
      bestScore = adjusted;
    }
  }
  return best;
}

/** The starting score of a candidate: its tag and its class/id words. */
function initialScore(el: Element): number {
  let score = 0;
  if (el.name === 'div' || el.name === 'article' || el.name === 'main' || el.name === 'section') score += 5;
  else if (el.name === 'pre' || el.name === 'td' || el.name === 'blockquote') score += 3;
  else if (el.name === 'ul' || el.name === 'ol' || el.name === 'dl' || el.name === 'form') score -= 3;
  const names = classAndId(el);
  if (CONTENT_NAME.test(names)) score += 25;
  if (isChrome(el)) score -= 25;
  return score;
}

/** The text directly inside a div (a div used as a paragraph, as old WYSIWYG editors do). */
function ownText(el: Element): string {
  let text = '';
  for (const child of el.children) if (child.type === 'text') text += child.data;
  return text.trim();
}
