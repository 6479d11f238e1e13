/**
 * Rewrites of the cleaned body so that it reads well as Markdown: legacy dash lines become real
 * lists, layout tables dissolve into their cells, data tables keep one line per cell, empty blocks,
 * empty links and stray line breaks go. Works on our own cleaned tree, never on the page.
 */
import { cleanElements, cleanTreeText, element, isCleanBlock, isCleanElement, type CleanElement, type CleanNode } from './clean-tree.js';
import { LEGACY_BULLET } from './selectors.js';

/** Elements dropped when they hold nothing but whitespace and line breaks. */
const DROPPED_WHEN_EMPTY = new Set([
  'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'a', 'del', 'sup', 'sub', 'code', 'blockquote',
  'figure', 'figcaption', 'ul', 'ol', 'dl', 'dt', 'dd', 'pre', 'caption', 'table', 'thead', 'tbody', 'tfoot', 'tr',
]);
/** Blocks whose leading and trailing line breaks are noise. */
const TRIMMED = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dd', 'dt', 'blockquote', 'figcaption']);
/** What makes a table a layout rather than data. */
const LAYOUT_CONTENT = new Set(['table', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'figure', 'dl', 'hr']);

/** Applies every rewrite to a cleaned tree, in place. */
export function normaliseCleanTree(root: CleanElement): void {
  const layouts = new Set([...cleanElements(root)].filter((el) => el.name === 'table' && isLayoutTable(el)));
  // Inner tables first, so that an outer layout table takes its cells' rewritten content.
  for (const el of [...cleanElements(root)].reverse()) {
    el.children = el.children.map((child) => (isCleanElement(child) && child.name === 'table' ? rewriteTable(child, layouts.has(child)) : child));
  }
  for (const el of [...cleanElements(root)]) el.children = splitParagraphs(el.children);
  for (const el of [...cleanElements(root)]) el.children = toLegacyLists(el.children);
  const all = [...cleanElements(root)];
  // Children before parents, so that a block emptied by the pass is seen empty by its parent.
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i] as CleanElement;
    el.children = el.children.filter((child) => !isEmpty(child));
    if (TRIMMED.has(el.name)) el.children = trimBreaks(el.children);
  }
}

/** What a body may end with that heads nothing: headings, and the rules between pruned blocks. */
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);

/**
 * Drops the headings that end a body, heading nothing: the title of a block pruned away ("Related
 * posts", "Mehr zum Thema"). Only for bodies found on markup no site rule knows, where such a block
 * is removed by its name or its links and leaves its title behind; a body of headings alone (less
 * than `minText` characters besides them) is left as it is.
 */
export function dropTrailingHeadings(root: CleanElement, minText: number): void {
  const trailing: [CleanNode[], CleanElement][] = [];
  for (let block: CleanElement | undefined = root; block; ) {
    const children: CleanNode[] = block.children.filter((child) => typeof child !== 'string' || child.trim() !== '');
    let index: number = children.length - 1;
    for (; index >= 0; index--) {
      const child = children[index];
      if (!isCleanElement(child) || !HEADINGS.has(child.name)) break;
      trailing.push([block.children, child]);
    }
    const last: CleanNode | undefined = children[index];
    block = isCleanElement(last) && last.name === 'div' && index === children.length - 1 ? last : undefined;
  }
  const headingText = trailing.reduce((sum, [, heading]) => sum + cleanTreeText(heading).length, 0);
  if (trailing.length === 0 || cleanTreeText(root).length - headingText < minText) return;
  for (const [siblings, heading] of trailing) siblings.splice(siblings.indexOf(heading), 1);
}

/** Whether a node can be dropped: whitespace, or an element holding only whitespace and breaks. */
function isEmpty(node: CleanNode): boolean {
  if (typeof node === 'string') return false;
  if (!DROPPED_WHEN_EMPTY.has(node.name)) return false;
  return node.children.every((child) => (typeof child === 'string' ? child.trim() === '' : child.name === 'br'));
}

/** Drops line breaks and whitespace at both ends of a block. */
function trimBreaks(children: CleanNode[]): CleanNode[] {
  const blank = (node: CleanNode | undefined) => node !== undefined && (typeof node === 'string' ? node.trim() === '' : node.name === 'br');
  let start = 0;
  let end = children.length;
  while (start < end && blank(children[start])) start++;
  while (end > start && blank(children[end - 1])) end--;
  return start === 0 && end === children.length ? children : children.slice(start, end);
}

/** A paragraph holding two or more line breaks in a row is several paragraphs. */
function splitParagraphs(children: CleanNode[]): CleanNode[] {
  const out: CleanNode[] = [];
  for (const child of children) {
    if (!isCleanElement(child) || child.name !== 'p') {
      out.push(child);
      continue;
    }
    let current: CleanNode[] = [];
    let breaks = 0;
    const flush = () => {
      if (current.length > 0) out.push(element('p', {}, current));
      current = [];
    };
    for (const node of child.children) {
      if (isCleanElement(node) && node.name === 'br') breaks++;
      else if (typeof node === 'string' && node.trim() === '' && breaks > 0) continue;
      else {
        if (breaks >= 2) flush();
        else if (breaks === 1) current.push(element('br'));
        breaks = 0;
        current.push(node);
      }
    }
    flush();
  }
  return out;
}

/**
 * Legacy lists: "- item" lines split by `<br>` in one paragraph, or one dash line per paragraph,
 * become a `<ul>`; the lines before the first dash stay as the paragraph that introduces the list.
 */
function toLegacyLists(children: CleanNode[]): CleanNode[] {
  const out: CleanNode[] = [];
  let run: CleanNode[][] = [];
  const flushRun = () => {
    if (run.length >= 2) out.push(toList(run));
    else for (const line of run) out.push(element('p', {}, line));
    run = [];
  };
  for (const child of children) {
    // Whitespace between two dash paragraphs does not end their run.
    if (typeof child === 'string' && child.trim() === '' && run.length > 0) continue;
    const lines = isCleanElement(child) && child.name === 'p' && !child.children.some(isNestedBlock) ? splitLines(child.children) : null;
    const bullets = lines ? lines.filter(startsWithBullet).length : 0;
    if (lines && lines.length === 1 && bullets === 1) {
      run.push(lines[0] as CleanNode[]);
      continue;
    }
    flushRun();
    if (!lines || bullets < 2) {
      out.push(child);
      continue;
    }
    const first = lines.findIndex(startsWithBullet);
    let last = lines.length - 1;
    while (!startsWithBullet(lines[last] as CleanNode[])) last--;
    if (first > 0) out.push(element('p', {}, joinLines(lines.slice(0, first))));
    const items: CleanNode[][] = [];
    for (const line of lines.slice(first, last + 1)) {
      // A line without a dash between two dashed ones continues the previous item.
      if (startsWithBullet(line) || items.length === 0) items.push(line);
      else (items[items.length - 1] as CleanNode[]).push(' ', ...line);
    }
    out.push(toList(items));
    if (last < lines.length - 1) out.push(element('p', {}, joinLines(lines.slice(last + 1))));
  }
  flushRun();
  return out;
}

function isNestedBlock(node: CleanNode): boolean {
  return isCleanBlock(node) && typeof node === 'object' && node.name !== 'br';
}

/** The lines of a paragraph, split at its `<br>`s; blank lines dropped. */
function splitLines(nodes: readonly CleanNode[]): CleanNode[][] {
  const lines: CleanNode[][] = [[]];
  for (const node of nodes) {
    if (isCleanElement(node) && node.name === 'br') lines.push([]);
    else (lines[lines.length - 1] as CleanNode[]).push(node);
  }
  return lines.filter((line) => line.some((node) => typeof node !== 'string' || node.trim() !== ''));
}

function joinLines(lines: readonly CleanNode[][]): CleanNode[] {
  return lines.flatMap((line, i) => (i === 0 ? line : [element('br'), ...line]));
}

/** The first non-blank text of a line, as its holder array and index (it may sit inside `<strong>`). */
function firstText(line: CleanNode[]): { holder: CleanNode[]; index: number } | null {
  let holder = line;
  for (let guard = 0; guard < 16; guard++) {
    const index = holder.findIndex((node) => typeof node !== 'string' || node.trim() !== '');
    const node = holder[index];
    if (node === undefined) return null;
    if (typeof node === 'string') return { holder, index };
    holder = node.children;
  }
  return null;
}

function startsWithBullet(line: CleanNode[]): boolean {
  const found = firstText(line);
  return found !== null && LEGACY_BULLET.test((found.holder[found.index] as string).trimStart());
}

/** A `<ul>` of lines, their bullets removed. */
function toList(lines: CleanNode[][]): CleanElement {
  return element(
    'ul',
    {},
    lines.map((line) => {
      const found = firstText(line);
      if (found) found.holder[found.index] = (found.holder[found.index] as string).trimStart().replace(LEGACY_BULLET, '');
      return element('li', {}, line);
    }),
  );
}

/** Rows of a table, through its sections. */
function rowsOf(table: CleanElement): CleanElement[] {
  return table.children.flatMap((child) =>
    !isCleanElement(child) ? [] : child.name === 'tr' ? [child] : ['thead', 'tbody', 'tfoot'].includes(child.name) ? child.children.filter((r): r is CleanElement => isCleanElement(r) && r.name === 'tr') : [],
  );
}

/** Cells of a table, row by row. */
function cellsOf(table: CleanElement): CleanElement[][] {
  return rowsOf(table).map((row) => row.children.filter((c): c is CleanElement => isCleanElement(c) && (c.name === 'td' || c.name === 'th')));
}

/** A layout table: one column, or cells holding lists, headings or tables (as 1.5-era pages do). */
function isLayoutTable(table: CleanElement): boolean {
  return cellsOf(table).every((row) => row.length <= 1) || [...cleanElements(table)].some((el) => el !== table && LAYOUT_CONTENT.has(el.name));
}

/** A data table keeps its grid, each cell on one line (GFM cells cannot hold blocks); a layout table becomes its cells' content. */
function rewriteTable(table: CleanElement, layout: boolean): CleanElement {
  const cells = cellsOf(table);
  if (layout) {
    const caption = table.children.find((c): c is CleanElement => isCleanElement(c) && c.name === 'caption');
    const blocks: CleanNode[] = caption ? [element('p', {}, caption.children)] : [];
    for (const row of cells) for (const cell of row) blocks.push(element('div', {}, cell.children));
    return element('div', {}, blocks);
  }
  for (const row of cells) for (const cell of row) cell.children = inlineOnly(cell.children);
  return table;
}

/** The content of a cell with its paragraphs and breaks turned into spaces. */
function inlineOnly(nodes: readonly CleanNode[]): CleanNode[] {
  const out: CleanNode[] = [];
  const stack: CleanNode[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as CleanNode;
    if (typeof node === 'string') out.push(node);
    else if (node.name === 'br') out.push(' ');
    else if (node.name === 'p' || node.name === 'div') stack.push(' ', ...[...node.children].reverse(), ' ');
    else out.push(node);
  }
  return out;
}
