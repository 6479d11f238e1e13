/**
 * The scores of the quality benchmark. trafilatura's: whitespace-normalised substring matching of the
 * "with" and "without" snippets (tests/eval_common.py: count_item), a refusal counting every "with" as
 * missed and every "without" as avoided. Readability's pages: token F1 of the body text against
 * `expected.html`, the title, and the publication date's Paris day.
 */

/** @param {string} text */
export const norm = (text) => text.replace(/\s+/gu, ' ').trim();

/**
 * @typedef {{ tp: number, fp: number, fn: number, tn: number }} Confusion
 */

/** @returns {Confusion} */
export const emptyConfusion = () => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

/**
 * Adds one page's counts to `sum` and returns them.
 * @param {Confusion} sum @param {{ with: string[], without: string[] }} item @param {string | null} text
 */
export function countSnippets(sum, item, text) {
  const normalised = text === null ? null : norm(text);
  const tp = normalised === null ? 0 : item.with.filter((w) => normalised.includes(norm(w))).length;
  const fp = normalised === null ? 0 : item.without.filter((w) => normalised.includes(norm(w))).length;
  const counts = { tp, fp, fn: item.with.length - tp, tn: item.without.length - fp };
  sum.tp += counts.tp;
  sum.fp += counts.fp;
  sum.fn += counts.fn;
  sum.tn += counts.tn;
  return counts;
}

/** @param {Confusion} c */
export function scores(c) {
  const precision = c.tp / Math.max(c.tp + c.fp, 1);
  const recall = c.tp / Math.max(c.tp + c.fn, 1);
  const accuracy = (c.tp + c.tn) / Math.max(c.tp + c.tn + c.fp + c.fn, 1);
  const f = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, accuracy, f };
}

/** Lower-case word tokens (letters and digits of any script). @param {string} text */
export const tokens = (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Token-multiset F1 of a text against the expected one (0 when either is empty). @param {string} got @param {string} expected */
export function tokenF1(got, expected) {
  const want = new Map();
  for (const t of tokens(expected)) want.set(t, (want.get(t) ?? 0) + 1);
  const gotTokens = tokens(got);
  let common = 0;
  for (const t of gotTokens) {
    const left = want.get(t) ?? 0;
    if (left > 0) {
      common++;
      want.set(t, left - 1);
    }
  }
  const expectedCount = tokens(expected).length;
  if (common === 0 || gotTokens.length === 0 || expectedCount === 0) return 0;
  const p = common / gotTokens.length;
  const r = common / expectedCount;
  return (2 * p * r) / (p + r);
}

/** The Paris calendar day of an ISO date or date-time ("2017-12-08"), or null. @param {string | null | undefined} value */
export function parisDay(value) {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/u.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** Refusal reasons grouped by their wording without numbers ("listing page (N article teasers)"). @param {string} reason */
export const reasonKey = (reason) => reason.replace(/\d+/gu, 'N').replace(/\s*\(".*"\)$/u, '');

/** "97 no article text found, 3 body too short" from a reason → count map. @param {Map<string, number>} reasons */
export const renderReasons = (reasons) =>
  [...reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n} ${reason}`).join('; ') || 'none';
