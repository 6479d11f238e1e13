/**
 * A DOM view of a cleaned body, for Turndown. Turndown reads a DOM; handed an HTML string in Node, it
 * parses it with domino, a whole browser DOM of ~50 files. Our cleaned body is already a tree, of a
 * few tags and attributes (clean.ts), so Turndown is handed that tree behind the part of the DOM API
 * it and its GFM plugin read: node types and names, parents and siblings, children, text, attributes,
 * `getElementsByTagName`, `querySelector` by tag name, `rows`, `removeChild` (whitespace collapsing),
 * `cloneNode` and `outerHTML` (tables kept as HTML). Saved per page: serialising the body, domino's
 * parse and its garbage; per process: loading domino (`extract` in a shell loop pays it every time).
 *
 * What an HTML parser would have made of the serialised body is done here too: adjacent texts are one
 * text node (Turndown escapes each text node apart: "1" and ". suite" must be read as "1. suite"), a
 * bare row of a table is put in a `<tbody>` (and a bare cell in a row), and the parts of a table found
 * outside one (a stray `<td>` in a broken page) are unwrapped, their content kept: the GFM plugin fails
 * on a cell without a table.
 */
import { type CleanElement, VOID_TAGS } from './clean-tree.js';

/** The DOM's node types that occur here. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A node of the view: links to its parent and siblings, kept right as children are removed. */
abstract class ViewNode {
  parentNode: ViewElement | null = null;
  previousSibling: ViewNode | null = null;
  nextSibling: ViewNode | null = null;
  abstract readonly nodeType: number;
  abstract readonly nodeName: string;
  abstract readonly textContent: string;
  abstract cloneNode(deep?: boolean): ViewNode;
}

/** A text node. */
class ViewText extends ViewNode {
  readonly nodeType = TEXT_NODE;
  readonly nodeName = '#text';
  constructor(public data: string) {
    super();
  }
  get nodeValue(): string {
    return this.data;
  }
  get textContent(): string {
    return this.data;
  }
  cloneNode(): ViewText {
    return new ViewText(this.data);
  }
}

/** An element. */
class ViewElement extends ViewNode {
  readonly nodeType = ELEMENT_NODE;
  readonly nodeName: string;
  readonly childNodes: ViewNode[] = [];

  constructor(
    readonly localName: string,
    private readonly attrs: Readonly<Record<string, string>>,
  ) {
    super();
    this.nodeName = localName.toUpperCase();
  }

  get tagName(): string {
    return this.nodeName;
  }
  get firstChild(): ViewNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): ViewNode | null {
    return this.childNodes.at(-1) ?? null;
  }
  get children(): ViewElement[] {
    return this.childNodes.filter((node): node is ViewElement => node instanceof ViewElement);
  }
  get lastElementChild(): ViewElement | null {
    return this.children.at(-1) ?? null;
  }
  get textContent(): string {
    return this.childNodes.map((node) => node.textContent).join('');
  }
  get className(): string {
    return this.attrs['class'] ?? '';
  }
  get classList(): { contains(name: string): boolean } {
    const names = this.className.split(/\s+/u);
    return { contains: (name) => names.includes(name) };
  }
  /** What the GFM plugin reads of it, when a cell has no `align`: the cleaned body keeps no style attribute (clean.ts). */
  get style(): { textAlign: string } {
    return { textAlign: '' };
  }

  getAttribute(name: string): string | null {
    return this.attrs[name.toLowerCase()] ?? null;
  }

  /** Descendant elements named `name` (any case; "*" for all), in document order. */
  getElementsByTagName(name: string): ViewElement[] {
    const wanted = name.toUpperCase();
    const found: ViewElement[] = [];
    const visit = (el: ViewElement) => {
      for (const child of el.children) {
        if (wanted === '*' || child.nodeName === wanted) found.push(child);
        visit(child);
      }
    };
    visit(this);
    return found;
  }

  /** The first descendant matching a bare tag name: the only selector the GFM plugin uses ("caption"). */
  querySelector(selector: string): ViewElement | null {
    if (!/^[a-z][a-z0-9]*$/iu.test(selector)) throw new Error(`unsupported selector: ${selector}`);
    return this.getElementsByTagName(selector)[0] ?? null;
  }

  /** A table's rows, as the DOM orders them: the header's, the body's and bare rows, the footer's. */
  get rows(): ViewElement[] {
    const sections = this.children;
    const rowsOf = (el: ViewElement) => el.children.filter((row) => row.nodeName === 'TR');
    return [
      ...sections.filter((s) => s.nodeName === 'THEAD').flatMap(rowsOf),
      ...sections.flatMap((s) => (s.nodeName === 'TR' ? [s] : s.nodeName === 'TBODY' ? rowsOf(s) : [])),
      ...sections.filter((s) => s.nodeName === 'TFOOT').flatMap(rowsOf),
    ];
  }

  appendChild(child: ViewNode): void {
    const last = this.lastChild;
    if (last) last.nextSibling = child;
    child.previousSibling = last;
    child.nextSibling = null;
    child.parentNode = this;
    this.childNodes.push(child);
  }

  removeChild(child: ViewNode): ViewNode {
    const index = this.childNodes.indexOf(child);
    if (index < 0) throw new Error('not a child of this element');
    this.childNodes.splice(index, 1);
    if (child.previousSibling) child.previousSibling.nextSibling = child.nextSibling;
    if (child.nextSibling) child.nextSibling.previousSibling = child.previousSibling;
    child.parentNode = child.previousSibling = child.nextSibling = null;
    return child;
  }

  cloneNode(deep = false): ViewElement {
    const copy = new ViewElement(this.localName, this.attrs);
    if (deep) for (const child of this.childNodes) copy.appendChild(child.cloneNode(true));
    return copy;
  }

  get outerHTML(): string {
    const attrs = Object.entries(this.attrs).map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join('');
    if (VOID_TAGS.has(this.localName)) return `<${this.localName}${attrs}>`;
    const inner = this.childNodes.map((node) => (node instanceof ViewElement ? node.outerHTML : escapeText(node.textContent))).join('');
    return `<${this.localName}${attrs}>${inner}</${this.localName}>`;
  }
}

/** Elements that only mean something inside a `<table>`. */
const TABLE_PARTS = new Set(['caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
/** The wrapper an HTML parser puts between a table part and a parent it cannot be the child of. */
const IMPLIED_WRAPPER: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  table: { tr: 'tbody', td: 'tbody', th: 'tbody' },
  thead: { td: 'tr', th: 'tr' },
  tbody: { td: 'tr', th: 'tr' },
  tfoot: { td: 'tr', th: 'tr' },
};

/** The DOM view of a cleaned body (its root element included), for `TurndownService.turndown`. */
export function toTurndownDom(root: CleanElement): ViewElement {
  const view = new ViewElement(root.name, root.attrs);
  // Wrappers made here, so that the next cell or row joins the one it opened (a parser's open element).
  const implied = new WeakSet<ViewElement>();
  const parentFor = (target: ViewElement, name: string): ViewElement => {
    const wrapper = IMPLIED_WRAPPER[target.localName]?.[name];
    if (wrapper === undefined) return target;
    const last = target.lastChild;
    if (last instanceof ViewElement && implied.has(last) && last.localName === wrapper) return parentFor(last, name);
    const made = new ViewElement(wrapper, {});
    implied.add(made);
    target.appendChild(made);
    return parentFor(made, name);
  };
  const append = (source: CleanElement, target: ViewElement, inTable: boolean) => {
    for (const child of source.children) {
      if (typeof child === 'string') {
        const last = target.lastChild;
        if (last instanceof ViewText) last.data += child;
        else if (child !== '') target.appendChild(new ViewText(child));
      } else if (TABLE_PARTS.has(child.name) && !inTable) {
        append(child, target, inTable);
      } else {
        const element = new ViewElement(child.name, child.attrs);
        parentFor(target, child.name).appendChild(element);
        append(child, element, inTable || child.name === 'table');
      }
    }
  };
  // Recursive: the cleaned body is at most 64 elements deep (clean.ts).
  append(root, view, false);
  return view;
}

/** HTML serialisation's escapes (as browsers and domino write them), for tables kept as HTML. */
const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\u00A0': '&nbsp;', '"': '&quot;' };

function escapeText(text: string): string {
  return text.replace(/[&<>\u00A0]/gu, (c) => TEXT_ESCAPES[c] ?? c);
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\u00A0]/gu, (c) => TEXT_ESCAPES[c] ?? c);
}
