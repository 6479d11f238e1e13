/**
 * Small read-only helpers over the parsed tree. They walk with an explicit stack, never by recursion:
 * a hostile page may nest tens of thousands of elements, and cheerio's own `.text()`, `.clone()` and
 * `.html()` recurse and overflow the call stack on such pages.
 */
import type { AnyNode, Element } from 'domhandler';

/** Whether a node is an element (htmlparser2 types `<script>` and `<style>` separately from other tags). */
export function isElement(node: AnyNode | null | undefined): node is Element {
  return !!node && (node.type === 'tag' || node.type === 'script' || node.type === 'style');
}

/** Elements whose boundaries separate words and lines when text is read out of them. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'center',
]);

/** Whether an element holds blocks (paragraphs, divisions, lists…), not only text and inline markup. */
export function holdsBlocks(el: Element): boolean {
  return el.children.some((child) => isElement(child) && child.name !== 'br' && BLOCK_TAGS.has(child.name));
}

/** Elements whose text is never visible. */
const INVISIBLE_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);

/**
 * The visible text of a node, with a newline at every block boundary (so callers can read it line by
 * line) and nothing from scripts or styles. `skip` prunes subtrees (site chrome, nested modules).
 */
export function textWithLines(root: AnyNode, skip?: (el: Element) => boolean): string {
  const parts: string[] = [];
  // Stack of nodes still to visit, plus a marker (null) after each block to close it with a newline.
  const stack: (AnyNode | null)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      parts.push('\n');
      continue;
    }
    if (node === undefined) break;
    if (node.type === 'text') {
      parts.push(node.data);
      continue;
    }
    if (node.type === 'comment' || node.type === 'directive') continue;
    if (isElement(node)) {
      if (node !== root && (INVISIBLE_TAGS.has(node.name) || skip?.(node))) continue;
      if (BLOCK_TAGS.has(node.name)) {
        parts.push('\n');
        stack.push(null);
      }
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
    }
  }
  return parts.join('');
}

/** The visible text of a node, whitespace collapsed to single spaces and trimmed. */
export function textOf(root: AnyNode, skip?: (el: Element) => boolean): string {
  return cleanText(textWithLines(root, skip));
}

/** Control characters (C0 except tab/newline, DEL, C1): never part of a title or an item. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\uFEFF]/gu;

/** Collapses whitespace (non-breaking spaces included), strips control characters, trims. */
export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARS, '').replace(/\s+/gu, ' ').trim();
}

/** An element's class and id as one string, for name-based heuristics. */
export function classAndId(el: Element): string {
  const cls = el.attribs['class'] ?? '';
  const id = el.attribs['id'] ?? '';
  return cls && id ? `${cls} ${id}` : cls || id;
}

/** Whether an element is hidden by its own attributes (`hidden`, an inline `display: none`). */
export function isHidden(el: Element): boolean {
  return 'hidden' in el.attribs || /display\s*:\s*none|visibility\s*:\s*hidden/iu.test(el.attribs['style'] ?? '');
}

/** The element after `el` among its siblings, or null. */
export function nextElement(el: Element): Element | null {
  for (let node = el.next; node; node = node.next) if (isElement(node)) return node;
  return null;
}

/** Whether some element between `el` (included) and `stop` (excluded) satisfies `test`. */
export function hasAncestorUntil(el: AnyNode | null, stop: AnyNode | null, test: (el: Element) => boolean): boolean {
  for (let node: AnyNode | null = el; node && node !== stop; node = node.parent) {
    if (isElement(node) && test(node)) return true;
  }
  return false;
}

/** Every element under `root` (root excluded) in document order, without recursion. */
export function* descendants(root: AnyNode, skip?: (el: Element) => boolean): Generator<Element> {
  const stack: AnyNode[] = [];
  if ('children' in root) for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i] as AnyNode);
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    if (skip?.(node)) continue;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
}
