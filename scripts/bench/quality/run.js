/**
 * Runs each peer over each corpus and gathers the figures the report prints. Pages are timed one by
 * one (ms per page is the median-free mean over the corpus: quality, not speed, is measured here).
 */
import { performance } from 'node:perf_hooks';
import { countSnippets, emptyConfusion, parisDay, reasonKey, scores, tokenF1 } from './metrics.js';

/** @typedef {import('./peers.js').Peer} Peer @typedef {import('./peers.js').Outcome} Outcome */

/** @param {Peer} peer @param {import('./peers.js').QualityPage} page */
function timed(peer, page) {
  const start = performance.now();
  const outcome = peer.run(page);
  return { outcome, ms: performance.now() - start };
}

/** @param {Map<string, number>} reasons @param {Outcome} outcome */
function countRefusal(reasons, outcome) {
  if (outcome.kind !== 'refused') return;
  const key = reasonKey(outcome.reason);
  reasons.set(key, (reasons.get(key) ?? 0) + 1);
}

/**
 * trafilatura's corpus: snippet precision, recall, accuracy, F.
 * @param {Peer} peer @param {ReturnType<typeof import('./corpora.js').trafilaturaCorpus>} corpus
 */
export function runSnippets(peer, corpus) {
  const sum = emptyConfusion();
  const reasons = new Map();
  const pages = [];
  let ms = 0;
  for (const { page, item } of corpus) {
    const run = timed(peer, page);
    ms += run.ms;
    countRefusal(reasons, run.outcome);
    const counts = countSnippets(sum, item, run.outcome.kind === 'article' ? run.outcome.text : null);
    pages.push({ name: page.name, url: page.url, ...counts, refused: run.outcome.kind === 'refused' ? run.outcome.reason : null });
  }
  const refused = [...reasons.values()].reduce((a, b) => a + b, 0);
  return { ...scores(sum), confusion: sum, refused, reasons, msPerPage: ms / corpus.length, pages };
}

/**
 * Readability's test pages: body token F1, title, Paris day of the publication date.
 * @param {Peer} peer @param {ReturnType<typeof import('./corpora.js').readabilityCorpus>} corpus
 */
export function runReference(peer, corpus) {
  const reasons = new Map();
  const pages = [];
  let ms = 0;
  let f1 = 0;
  let titles = 0;
  let dated = 0;
  let datesRight = 0;
  for (const { page, expected } of corpus) {
    const run = timed(peer, page);
    ms += run.ms;
    countRefusal(reasons, run.outcome);
    const article = run.outcome.kind === 'article' ? run.outcome : null;
    const pageF1 = article ? tokenF1(article.text, expected.text) : 0;
    const titleRight = article !== null && article.title.replace(/\s+/gu, ' ').trim().toLowerCase() === expected.title.replace(/\s+/gu, ' ').trim().toLowerCase();
    const wantDay = parisDay(expected.publishedTime);
    const gotDay = article ? parisDay(article.publishedAt) : null;
    f1 += pageF1;
    if (titleRight) titles++;
    if (wantDay) {
      dated++;
      if (gotDay === wantDay) datesRight++;
    }
    pages.push({ name: page.name, f1: pageF1, title: article?.title ?? null, expectedTitle: expected.title, day: gotDay, expectedDay: wantDay, refused: run.outcome.kind === 'refused' ? run.outcome.reason : null });
  }
  const refused = [...reasons.values()].reduce((a, b) => a + b, 0);
  return { f1: f1 / corpus.length, titles, dated, datesRight, refused, reasons, msPerPage: ms / corpus.length, count: corpus.length, pages };
}

/**
 * Our fixture pages: articles kept and non-articles refused, and their with/without strings.
 * @param {Peer} peer @param {ReturnType<typeof import('./corpora.js').fixtureCorpus>} corpus
 */
export function runFixtures(peer, corpus) {
  const sum = emptyConfusion();
  let agreed = 0;
  let ms = 0;
  const wrong = [];
  for (const { page, isArticle, item } of corpus) {
    const run = timed(peer, page);
    ms += run.ms;
    const kept = run.outcome.kind === 'article';
    if (kept === isArticle) agreed++;
    else wrong.push(page.name);
    if (isArticle) countSnippets(sum, item, run.outcome.kind === 'article' ? run.outcome.text : null);
  }
  return { ...scores(sum), agreed, count: corpus.length, wrong, msPerPage: ms / corpus.length };
}
