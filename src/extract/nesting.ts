/**
 * A guard against absurdly deep markup, applied to the HTML text before it is parsed. htmlparser2
 * keeps its open-element stack with `Array#unshift` and domutils walks trees the same way, so every
 * parse and every selector query costs O(depth²): a page of 100,000 nested elements takes minutes.
 * No real page nests more than a few dozen elements, so tags nested deeper than the cap are dropped
 * (their text is kept). The scan is linear and runs only on pages with thousands of tags.
 */

/** Deepest nesting kept. */
const MAX_DEPTH = 400;
/** Below this many `<`, a page cannot be deep enough to matter. */
const TAG_ALARM = 5_000;
/**
 * The start of a comment, or a start or end tag. A tag never spans a "<", which keeps every
 * attempt short: the scan stays linear even on garbage.
 */
const TAG = /<!--|<(\/?)([a-zA-Z][^\s/<>]*)[^<>]*>/gu;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is text, not markup: skipped to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** An open element that a new start tag of one of these names closes (HTML's implied end tags). */
const CLOSED_BY: Readonly<Record<string, readonly string[]>> = {
  p: ['p'], li: ['li'], dt: ['dt', 'dd'], dd: ['dt', 'dd'], tr: ['tr', 'td', 'th'], td: ['td', 'th'], th: ['td', 'th'], option: ['option'],
};
/** How far down the stack an end tag looks for its element (mis-nested markup is only ever shallow). */
const END_TAG_REACH = 64;

/** The HTML with tags nested deeper than the cap removed; unchanged for ordinary pages. */
export function limitNesting(html: string): string {
  if (!hasManyTags(html)) return html;
  const out: string[] = [];
  const stack: { name: string; dropped: boolean }[] = [];
  // Global regexes carry their `lastIndex`: made per call, like `tag`, so that no state outlives it.
  const tag = new RegExp(TAG.source, 'gu');
  const rawTextEnd = new Map([...RAW_TEXT].map((name) => [name, new RegExp(`</${name}[\\s/>]`, 'giu')]));
  let copied = 0;
  const drop = (start: number, end: number) => {
    out.push(html.slice(copied, start));
    copied = end;
  };
  for (let match = tag.exec(html); match !== null; match = tag.exec(html)) {
    const [text, slash, rawName] = match;
    if (rawName === undefined) {
      // A comment runs to "-->"; an unclosed one runs to the end of the document.
      const close = html.indexOf('-->', match.index + 4);
      if (close === -1) break;
      tag.lastIndex = close + 3;
      continue;
    }
    const name = rawName.toLowerCase();
    const end = match.index + text.length;
    if (slash) {
      const found = findOpen(stack, name);
      if (found < 0) continue;
      const { dropped } = stack[found] as { dropped: boolean };
      stack.length = found;
      if (dropped) drop(match.index, end);
      continue;
    }
    const closes = CLOSED_BY[name];
    const top = stack[stack.length - 1];
    if (closes && top && closes.includes(top.name)) stack.pop();
    if (VOID.has(name)) continue;
    // A script or style never deepens the tree, and dropping its tags would turn its code into text.
    const dropped = stack.length >= MAX_DEPTH && !RAW_TEXT.has(name);
    stack.push({ name, dropped });
    if (dropped) drop(match.index, end);
    const close = rawTextEnd.get(name);
    if (close) {
      close.lastIndex = end;
      const found = close.exec(html);
      tag.lastIndex = found ? found.index : html.length;
    }
  }
  out.push(html.slice(copied));
  return out.join('');
}

/** Index of the innermost open element of that name, looking only near the top of the stack. */
function findOpen(stack: readonly { name: string }[], name: string): number {
  for (let i = stack.length - 1; i >= 0 && i >= stack.length - END_TAG_REACH; i--) if (stack[i]?.name === name) return i;
  return -1;
}

function hasManyTags(html: string): boolean {
  let count = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) if (++count > TAG_ALARM) return true;
  return false;
}
