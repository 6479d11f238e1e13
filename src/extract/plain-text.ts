/**
 * Plain text and content hash, both derived from the Markdown alone: the archive stores only the
 * Markdown and must be able to recompute them from it, so text is a pure function of Markdown.
 */
import { createHash } from 'node:crypto';

/** ASCII punctuation after a backslash: a CommonMark escape. */
const ESCAPE = /\\([!-/:-@[-`{-~])/gu;
/** Escaped characters are parked in a private-use range while the syntax around them is removed. */
const PARKED_BASE = 0xf000;
const PARKED = /[\uF021-\uF07E]/gu;
const FENCE = /^\s*(?:```|~~~)/u;
const TABLE_DIVIDER = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/u;
const HEADING = /^\s{0,3}#{1,6}\s+/u;
const QUOTE = /^\s*(?:>\s?)+/u;
const RULE = /^\s*(?:([-*_])\s*){3,}$/u;
/** A list item's marker at the start of a line: "- ", "* ", "1. ", "2) ". */
export const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s+/u;
const IMAGE = /!\[([^\]]*)\]\((?:<[^>]*>|[^()\s]*)(?:\s+"[^"]*")?\)/gu;
const LINK = /\[([^\]]*)\]\((?:<[^>]*>|[^()\s]*)(?:\s+"[^"]*")?\)/gu;
const CODE_SPAN = /`([^`]+)`/gu;
const EMPHASIS = /\*\*|__|~~|\*|_/gu;

/**
 * The plain text of Markdown: heading marks, emphasis, link and image syntax removed (link text and
 * image alt kept), table rows as tab-separated cells, list items kept as lines starting with "- ".
 */
export function toPlainText(markdown: string): string {
  const lines: string[] = [];
  let inFence = false;
  for (const raw of markdown.replace(/\r\n?/gu, '\n').split('\n')) {
    if (FENCE.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      lines.push(raw);
      continue;
    }
    const line = plainLine(raw.replace(ESCAPE, (_, c: string) => String.fromCharCode(PARKED_BASE + c.charCodeAt(0))));
    if (line !== null) lines.push(line);
  }
  return lines
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

/** One line of Markdown (escapes already parked) as text; null when the line is only syntax. */
function plainLine(line: string): string | null {
  if (TABLE_DIVIDER.test(line) && line.includes('-')) return null;
  if (RULE.test(line)) return null;
  let text = line.replace(QUOTE, '').replace(HEADING, '');
  const item = LIST_ITEM.exec(text);
  const marker = item ? `${item[1] === '*' || item[1] === '+' ? '-' : item[1]} ` : '';
  if (item) text = text.slice(item[0].length);
  const trimmed = text.trim();
  if (trimmed.startsWith('|') && trimmed.endsWith('|') && trimmed.length > 1) {
    const cells = trimmed.slice(1, -1).split('|').map((cell) => inline(cell.trim()));
    if (cells.every((cell) => cell === '')) return null;
    return marker + cells.join('\t');
  }
  // A backslash left at the end of a line is a hard break.
  return marker + inline(item ? text.trim() : text.trimStart()).replace(/\\$/u, '');
}

/** Inline syntax removed; code spans kept verbatim; escapes and entities restored. */
function inline(text: string): string {
  const codes: string[] = [];
  const withoutCode = text.replace(CODE_SPAN, (_, code: string) => `\uE000${codes.push(code) - 1}\uE001`);
  const plain = withoutCode
    .replace(IMAGE, '$1')
    .replace(LINK, '$1')
    .replace(EMPHASIS, '')
    .replace(PARKED, (c) => String.fromCharCode(c.charCodeAt(0) - PARKED_BASE))
    // The converter writes "<" and "&" of the text as entities when they would read as a tag or an entity.
    .replace(/&(lt|amp);/gu, (_, name: string) => (name === 'lt' ? '<' : '&'));
  return plain.replace(/\uE000(\d+)\uE001/gu, (_, i: string) => unpark(codes[Number(i)] ?? ''));
}

function unpark(text: string): string {
  return text.replace(PARKED, (c) => `\\${String.fromCharCode(c.charCodeAt(0) - PARKED_BASE)}`);
}

/** "sha256:<hex>" of the text, Unicode NFC, whitespace collapsed to single spaces, trimmed. */
export function hashText(text: string): string {
  const normalised = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return `sha256:${createHash('sha256').update(normalised, 'utf8').digest('hex')}`;
}
