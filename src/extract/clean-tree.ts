/**
 * The cleaned body: a small tree of our own, built from the page but never sharing a node with it
 * (the parsed page stays untouched). It holds only the tags and attributes Markdown can express; it is
 * handed to Turndown behind a DOM view (turndown-dom.ts), and read directly for the initiatives.
 */

/** An element of the cleaned body. */
export interface CleanElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  children: CleanNode[];
}

/** A node of the cleaned body: an element or a text. */
export type CleanNode = CleanElement | string;

/** Elements without content. */
export const VOID_TAGS = new Set(['br', 'hr', 'img']);

/** Block elements (their text starts a new line when read back). */
const BLOCKS = new Set([
  'p', 'div', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'hr', 'br',
]);

/** A new element. */
export function element(name: string, attrs: Record<string, string> = {}, children: CleanNode[] = []): CleanElement {
  return { name, attrs, children };
}

/** Whether a node is an element (not a text). */
export function isCleanElement(node: CleanNode | undefined): node is CleanElement {
  return typeof node === 'object';
}

/** Whether an element is a block. */
export function isCleanBlock(node: CleanNode): boolean {
  return typeof node === 'object' && BLOCKS.has(node.name);
}

/** The text of a cleaned node: whitespace collapsed, a space at block boundaries, trimmed. */
export function cleanTreeText(root: CleanNode): string {
  const parts: string[] = [];
  const stack: CleanNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as CleanNode;
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (node.name === 'img') parts.push(node.attrs['alt'] ?? '');
    if (BLOCKS.has(node.name)) parts.push(' ');
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as CleanNode);
  }
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

/** Every element of a cleaned tree (root included), parents before children. */
export function* cleanElements(root: CleanElement): Generator<CleanElement> {
  const stack: CleanElement[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as CleanElement;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (isCleanElement(child)) stack.push(child);
    }
  }
}
