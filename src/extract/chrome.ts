/**
 * Site chrome: menus, breadcrumbs, sidebar modules ("Dernières actualités", "Agenda", "Dans la même
 * rubrique"), share blocks, cookie banners, footers. Recognised by tag, by class/id words, and by the
 * title a block carries (share plugins and related-article modules are sometimes injected inside the
 * article text, with no telling class).
 */
import type { AnyNode, Element } from 'domhandler';
import { classAndId, cleanText, isElement, nextElement } from './dom.js';
import { querySubtree } from './query.js';
import { CHROME_NAME, CHROME_TITLE, CONTENT_WRAPPER_NAME, FURNITURE_NAME, HEADING_LINK, RELATED_LINK_LABEL, SHARE_TITLE } from './selectors.js';

/** Tags that are chrome wherever they are. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'menu']);
/**
 * Elements a class word never makes chrome: a link or a picture is content wherever it sits (Joomla 3's
 * lightbox is `<a class="modal" href="big.jpg">` around the article's own image).
 */
const NEVER_CHROME_BY_NAME = new Set(['a', 'img', 'picture', 'figure', 'figcaption', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'td', 'th', 'tr', 'tbody', 'thead', 'li']);
/** A block named as chrome but holding this much text, mostly not in links, is a wrapper of the page, not chrome. */
const WRAPPER_TEXT = 2000;
/** A block named as chrome holding less text than this (or mostly links) is chrome even beside a content word. */
const SMALL_CHROME_TEXT = 200;

/**
 * Whether an element is a chrome module: by its tag (nav, aside, footer), its role, or a chrome word
 * of its class/id that no content word contradicts ("sidebar" is chrome, "content-sidebar-wrap" is
 * not). A `<form>` is chrome unless it wraps the page (ASP.NET puts the whole page in one form).
 */
export function isChrome(el: Element): boolean {
  // <body> and <html> classes describe the page ("has-sidebar-right"), not a block of it.
  if (el.name === 'body' || el.name === 'html') return false;
  if (CHROME_TAGS.has(el.name) || el.attribs['role'] === 'navigation') return true;
  if (el.name === 'form') return !wrapsThePage(el);
  if (NEVER_CHROME_BY_NAME.has(el.name)) return false;
  const names = classAndId(el);
  return names !== '' && CHROME_NAME.test(names) && !CONTENT_WRAPPER_NAME.test(names) && !holdsText(el);
}

/** Landmark roles of the page's frame: its menus, its footer, its side columns. */
const FRAME_ROLES = new Set(['navigation', 'contentinfo', 'complementary']);

/** Whether an element is the page's own frame, by its tag or landmark role alone (no class word). */
export function isFrameOfPage(el: Element): boolean {
  return CHROME_TAGS.has(el.name) || FRAME_ROLES.has(el.attribs['role'] ?? '');
}

/**
 * Whether a block inside an article's body is chrome by its name: chrome words count here even beside a
 * content word ("post-share", "entry-tags", "article-related") when the block is small or mostly links.
 */
export function isNamedChromeBlock(el: Element): boolean {
  if (NEVER_CHROME_BY_NAME.has(el.name)) return false;
  const names = classAndId(el);
  if (names === '' || !CHROME_NAME.test(names)) return false;
  const { text, links } = measureLinks(el);
  return text < SMALL_CHROME_TEXT || links / Math.max(text, 1) >= 0.5;
}

/** Whether a form is the page's wrapper: a child of `<body>` (or of a lone wrapper in it). */
function wrapsThePage(form: Element): boolean {
  const parent = form.parent;
  return isElement(parent) && (parent.name === 'body' || (isElement(parent.parent) && parent.parent.name === 'body'));
}

/** Whether a block holds a page's worth of text, mostly outside links (a wrapper named after its layout). */
function holdsText(el: Element): boolean {
  const { text, links } = measureLinks(el, WRAPPER_TEXT);
  return text >= WRAPPER_TEXT && links / text < 0.5;
}

/** Whether an element is the article's furniture: title header, info block, print/email icons. */
export function isFurniture(el: Element): boolean {
  return FURNITURE_NAME.test(classAndId(el));
}

/**
 * Text length and link-text length of a subtree, in one pass; scripts and styles hold no text. With
 * `cap`, the walk stops once that much text is counted (enough to tell a wrapper from a module).
 */
function measureLinks(root: AnyNode, cap = Infinity): { text: number; links: number } {
  let text = 0;
  let links = 0;
  const stack: [AnyNode, boolean][] = [[root, false]];
  while (stack.length > 0 && text < cap) {
    const [node, inLink] = stack.pop() as [AnyNode, boolean];
    if (node.type === 'text') {
      const length = node.data.replace(/\s+/gu, '').length;
      text += length;
      if (inLink) links += length;
    } else if (isElement(node)) {
      if (node.name === 'script' || node.name === 'style') continue;
      const link = inLink || node.name === 'a';
      for (const child of node.children) stack.push([child, link]);
    } else if ('children' in node) {
      for (const child of node.children) stack.push([child, inLink]);
    }
  }
  return { text, links };
}

/** Share of a subtree's text that sits in links (0 for an empty subtree). */
export function linkDensity(root: AnyNode): number {
  const { text, links } = measureLinks(root);
  return text === 0 ? 0 : links / text;
}

/**
 * Blocks under `root` that a chrome title heads ("Partager cet article", "Dans la même rubrique"…):
 * the title itself, and the module around it or the list right after it when that is mostly links.
 * A real section heading such as "Agenda" followed by text is left alone.
 */
export function findTitledChrome(root: AnyNode): Set<Element> {
  const found = new Set<Element>();
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'text') {
      if (node.data.length < 60 && isChromeTitle(cleanText(node.data))) markTitledBlock(node, root, found);
      continue;
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return found;
}

/** A chrome title, or the label of links to other articles ending in a colon ("Lesen Sie auch die folgenden Beiträge:"). */
function isChromeTitle(text: string): boolean {
  return CHROME_TITLE.test(text) || (RELATED_LINK_LABEL.test(text) && /[:?]$/u.test(text));
}

/** Marks the block a chrome title belongs to. */
function markTitledBlock(text: AnyNode, root: AnyNode, found: Set<Element>): void {
  let title = text.parent;
  if (!isElement(title) || title === root) return;
  const wording = cleanText((text as { data: string }).data);
  // Climb out of inline wrappers (<h3><span>Agenda</span></h3>) while they hold nothing else.
  for (let i = 0; i < 3; i++) {
    const parent: AnyNode | null = title.parent;
    if (!isElement(parent) || parent === root || cleanOwnText(parent) !== wording) break;
    title = parent;
  }
  // A share block is chrome whatever follows; a module title only when what it heads is links.
  const isShare = SHARE_TITLE.test(wording);
  const module = title.parent;
  if (isElement(module) && module !== root) {
    const { text: length, links } = measureLinks(module);
    if (isChrome(module) || links / Math.max(length, 1) >= 0.5 || (isShare && length < wording.length + 80)) {
      found.add(module);
      return;
    }
  }
  const next = nextElement(title);
  const nextIsChrome = next !== null && (linkDensity(next) >= 0.5 || (isShare && measureLinks(next).text < 80) || isCardList(next));
  // A chrome title heading nothing (its cards were left out before) goes too.
  if (isShare || nextIsChrome || next === null) found.add(title);
  if (next && nextIsChrome) found.add(next);
}

/** Whether a block is a row of cards: two or more headings linking to other pages ("À lire aussi"). */
function isCardList(el: Element): boolean {
  return querySubtree(el, HEADING_LINK).length >= 2;
}

/** The text of a short element (capped: only compared with a title of a few words). */
function cleanOwnText(el: Element): string {
  let text = '';
  const stack: AnyNode[] = [el];
  while (stack.length > 0 && text.length <= 80) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'text') text += node.data;
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  return cleanText(text);
}
