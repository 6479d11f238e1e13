/**
 * Publication and modification dates, by an explicit precedence chain: JSON-LD, meta tags,
 * `<time datetime>` in the article's info block, microdata, then French text in the info block or on
 * a labelled line of the article ("Publié le …"). Only the article's own elements are read: sidebar
 * modules ("Dernières actualités", "Dans la même rubrique") list other articles with their dates.
 * Each value must parse and must not lie in the future; otherwise the next source is tried.
 */
import type { Element } from 'domhandler';
import { findTitledChrome, isChrome } from './chrome.js';
import { hasAncestorUntil, isElement, textWithLines } from './dom.js';
import { isFutureDate, parseDateLine, parseDateValue, parseFrenchDate, type DateRole, type DateValue } from './dates.js';
import type { HeadIndex } from './head.js';
import type { JsonLdArticle } from './json-ld.js';
import { querySubtree, queryWithin, type Query } from './query.js';
import {
  INFO_BLOCK,
  INFO_MODIFIED,
  INFO_PUBLISHED,
  META_MODIFIED,
  META_PUBLISHED,
  MICRODATA_MODIFIED,
  MICRODATA_PUBLISHED,
  TIME_WITH_DATETIME,
} from './selectors.js';
import type { DateSource } from './types.js';

/** The dates of an article. `dateSource` tells where `publishedAt` came from. */
export interface ArticleDates {
  readonly publishedAt: string | null;
  readonly updatedAt: string | null;
  readonly dateSource: DateSource | null;
}

/** Reads the dates of the article made of `scope`; `now` rejects future dates. */
export function extractDates(head: HeadIndex, scope: readonly Element[], jsonLd: JsonLdArticle | null, now: Date): ArticleDates {
  const chromeCache = new Map<Element, Set<Element>>();
  const chromeOf = (part: Element): Set<Element> => {
    let found = chromeCache.get(part);
    if (!found) chromeCache.set(part, (found = findTitledChrome(part)));
    return found;
  };
  const usable = (el: Element, part: Element) => !hasAncestorUntil(el.parent, part, isChrome) && !insideAny(el, part, chromeOf(part));
  const within = (query: Query): Element[] => scope.flatMap((part) => queryWithin(part, query).filter((el) => usable(el, part)));
  // Read once, and only if the cheaper sources before them gave nothing.
  let infoBlocks: Element[] | null = null;
  const info = () => (infoBlocks ??= outermost(within(INFO_BLOCK)));
  let lines: DateLine[] | null = null;
  const textLines = () => (lines ??= readLines(info(), scope, (el) => isChrome(el) || scope.some((part) => chromeOf(part).has(el))));

  /** Candidates in precedence order, produced lazily: most pages stop at the first. */
  function* chain(role: DateRole): Generator<[DateSource, () => DateValue | null]> {
    yield ['json-ld', () => parseDateValue(role === 'published' ? jsonLd?.datePublished : jsonLd?.dateModified)];
    for (const key of role === 'published' ? META_PUBLISHED : META_MODIFIED) yield ['meta', () => parseDateValue(head.meta(key))];
    for (const el of timeElements(info(), role)) yield ['time[datetime]', () => parseDateValue(el.attribs['datetime'])];
    for (const el of within(role === 'published' ? MICRODATA_PUBLISHED : MICRODATA_MODIFIED)) yield ['microdata', () => microdataValue(el)];
    for (const line of textLines()) if (line.role === role) yield ['text', () => line.value];
  }
  const pick = (role: DateRole): { source: DateSource; value: DateValue } | null => {
    for (const [source, read] of chain(role)) {
      const value = read();
      if (value && !isFutureDate(value, now)) return { source, value };
    }
    return null;
  };
  const published = pick('published');
  const updated = pick('updated');
  return { publishedAt: published?.value.iso ?? null, updatedAt: updated?.value.iso ?? null, dateSource: published?.source ?? null };
}

/** `<time datetime>` elements of the info blocks that hold the wanted date, Joomla's classes first. */
function timeElements(infoBlocks: readonly Element[], role: DateRole): Element[] {
  const times: { el: Element; rank: number }[] = [];
  for (const block of infoBlocks) {
    for (const el of querySubtree(block, TIME_WITH_DATETIME)) {
      const found = roleOfTime(el, block);
      if (found.role === role) times.push({ el, rank: found.rank });
    }
  }
  // Stable sort: equally sure times stay in document order.
  return times.sort((a, b) => a.rank - b.rank).map((t) => t.el);
}

/** Whether a `<time>` states the publication or the modification, and how surely (0 is surest). */
function roleOfTime(time: Element, block: Element): { role: DateRole; rank: number } {
  const prop = time.attribs['itemprop'];
  if (prop === 'dateModified') return { role: 'updated', rank: 0 };
  if (prop === 'datePublished') return { role: 'published', rank: 0 };
  for (let node: Element | null = time; node && node !== block.parent; node = isElement(node.parent) ? node.parent : null) {
    const cls = node.attribs['class'] ?? '';
    if (INFO_MODIFIED.matches(node)) return { role: 'updated', rank: 1 };
    if (INFO_PUBLISHED.matches(node)) return { role: 'published', rank: /create/u.test(cls) ? 2 : 1 };
  }
  const line = parseDateLine(textWithLines(time.parent ?? time));
  return { role: line?.role === 'updated' ? 'updated' : 'published', rank: 3 };
}

/** A microdata date: `content` or `datetime`, else the element's text. */
function microdataValue(el: Element): DateValue | null {
  const attribute = el.attribs['content'] ?? el.attribs['datetime'];
  if (attribute) return parseDateValue(attribute);
  return parseFrenchDate(textWithLines(el));
}

/** A line of text holding a date, with its role. */
interface DateLine {
  readonly role: DateRole;
  readonly value: DateValue;
}

/**
 * Dates written as text: every line of the info blocks (an unlabelled date there is the publication
 * date, as Joomla 1.5 prints it), then lines of the article that open with a label.
 */
function readLines(infoBlocks: readonly Element[], scope: readonly Element[], skip: (el: Element) => boolean): DateLine[] {
  const lines: DateLine[] = [];
  for (const block of infoBlocks) {
    for (const line of textWithLines(block, skip).split('\n')) {
      const found = parseDateLine(line);
      if (found) lines.push({ role: found.role ?? 'published', value: found.value });
    }
  }
  const info = new Set(infoBlocks);
  for (const part of scope) {
    for (const line of textWithLines(part, (el) => info.has(el) || skip(el)).split('\n')) {
      const found = parseDateLine(line, true);
      if (found?.role) lines.push({ role: found.role, value: found.value });
    }
  }
  return lines;
}

/** Drops elements nested in another element of the list. */
function outermost(elements: readonly Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((el) => !hasAncestorUntil(el.parent, null, (a) => set.has(a)));
}

function insideAny(el: Element, stop: Element, marked: ReadonlySet<Element>): boolean {
  return marked.size > 0 && hasAncestorUntil(el, stop, (a) => marked.has(a));
}
