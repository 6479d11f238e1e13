/**
 * Cleaned body to Markdown: one configured Turndown service (ATX headings, "-" bullets, "**" strong,
 * "_" em, fenced code, GFM tables), handed the cleaned tree behind a DOM view (turndown-dom.ts). Its
 * surprising defaults are replaced here, once: "-   " list markers, links with empty text, hard
 * breaks as trailing spaces (lost by any editor), and `<` left raw in text, which a Markdown renderer
 * would read as a tag.
 */
import { createRequire } from 'node:module';
import type TurndownService from 'turndown';
import type { CleanElement } from './clean-tree.js';
import { toTurndownDom } from './turndown-dom.js';

// Turndown's browser build: the same converter as its Node build, without domino, the DOM the Node
// build parses HTML strings with (it is handed a DOM here). CommonJS, so required: on Node 20 that
// loads about twice as fast as an import, a cost every `extract` pays at start-up.
const require = createRequire(import.meta.url);

/** Converts a cleaned body to Markdown. */
export interface MarkdownConverter {
  /** The Markdown of the body's content: trimmed, at most one blank line in a row. */
  toMarkdown(body: CleanElement): string;
}

/** A configured converter; build it once and reuse it for every page. */
export function createMarkdownConverter(): MarkdownConverter {
  const Turndown = require('turndown/lib/turndown.browser.cjs.js') as typeof TurndownService;
  const { gfm } = require('@joplin/turndown-plugin-gfm') as typeof import('@joplin/turndown-plugin-gfm');
  const service = new Turndown({
    headingStyle: 'atx',
    bulletListMarker: '-',
    strongDelimiter: '**',
    emDelimiter: '_',
    codeBlockStyle: 'fenced',
    fence: '```',
    hr: '---',
    // A backslash before the newline is CommonMark's visible hard break.
    br: '\\',
  });
  service.use(gfm);
  const escapeMarkdown = service.escape.bind(service);
  // Text that looks like a tag or an entity stays text: "&lt;script&gt;" on the page must not come back as <script>.
  const escapeText = (text: string) => escapeMarkdown(text).replace(/&(?=#?[a-z0-9]+;)/giu, '&amp;').replace(/<(?=[a-z/!?])/giu, '&lt;');
  service.escape = escapeText;
  service.remove(['script', 'style', 'iframe', 'noscript', 'form', 'object', 'embed', 'template']);

  service.addRule('listItem', {
    filter: 'li',
    replacement(content, node) {
      const parent = node.parentNode as { nodeName: string; children: ArrayLike<unknown>; getAttribute(name: string): string | null } | null;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? '1');
        prefix = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const body = content.replace(/^\n+/u, '').replace(/\n+$/u, '\n').replace(/\n/gu, `\n${' '.repeat(prefix.length)}`);
      return prefix + body + (node.nextSibling && !body.endsWith('\n') ? '\n' : '');
    },
  });
  service.addRule('link', {
    filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
    replacement(content, node) {
      if (content.trim() === '') return '';
      const href = escapeDestination(node.getAttribute('href') ?? '');
      return `[${content}](${href})`;
    },
  });
  service.addRule('image', {
    filter: 'img',
    replacement(_content, node) {
      const src = escapeDestination(node.getAttribute('src') ?? '');
      const alt = escapeText((node.getAttribute('alt') ?? '').replace(/\s+/gu, ' ').trim());
      return src ? `![${alt}](${src})` : '';
    },
  });
  service.addRule('figcaption', {
    filter: 'figcaption',
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });

  return {
    toMarkdown(body: CleanElement): string {
      // Turndown's types want a DOM node; the view has every part of one that Turndown reads.
      return tidyMarkdown(service.turndown(toTurndownDom(body) as unknown as Parameters<TurndownService['turndown']>[0]));
    },
  };
}

/** The process-wide converter, built on first use; its configuration never changes afterwards. */
let shared: MarkdownConverter | undefined;

/** A converter shared by every extraction that is not handed one (building one costs more than a page). */
export function sharedMarkdownConverter(): MarkdownConverter {
  shared ??= createMarkdownConverter();
  return shared;
}

/** A link or image URL percent-encoded where Markdown would end or misread it: parentheses, angle brackets, spaces. */
function escapeDestination(url: string): string {
  return url.replace(/[()<> ]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Trailing blanks off every line, whitespace-only lines emptied, 3+ newlines collapsed, trimmed. */
function tidyMarkdown(markdown: string): string {
  return markdown
    .replace(/\r\n?/gu, '\n')
    .replace(/[ \t\u00A0]+$/gmu, '')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}
