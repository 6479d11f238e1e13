/**
 * An article's history page: every archived version, oldest first, and for each one a word-level
 * diff (jsdiff) against the next, so a reader sees which words a correction changed.
 */
import { diffWordsWithSpace } from 'diff';
import type { ArchiveEntry } from '../archive/types.js';
import { toPlainText } from '../extract/plain-text.js';
import { renderFrenchInstant } from './french.js';
import { escapeHtml, linkTo, renderPage } from './html.js';
import type { SiteArticle } from './model.js';

/** Unchanged words kept on each side of a change; longer unchanged runs are cut to "…". */
const CONTEXT_WORDS = 30;
const WORDS = /\S+\s*/g;

/** One archived version: its entry and, for an earlier one, the history file it came from. */
export interface ArticleVersion {
  readonly entry: ArchiveEntry;
  readonly file: string;
  /** Its plain text, when the caller has it already (the current version's, read for the search index). */
  readonly text?: string;
}

/** The history page of `article`, given its versions oldest first (the current one last). */
export function renderHistoryPage(article: SiteArticle, versions: readonly ArticleVersion[]): string {
  const page = article.historyPage ?? article.page;
  // Each version's date and text, once: every middle version is both a diff's old and next side.
  const fetched = versions.map((v) => escapeHtml(renderFrenchInstant(v.entry.fetchedAt)));
  const texts = versions.map((v) => v.text ?? toPlainText(v.entry.markdown));
  const list = versions.map((v, i) => `<li><a href="#v${i + 1}">Version ${i + 1}</a>, récupérée le <time datetime="${escapeHtml(v.entry.fetchedAt)}">${fetched[i]}</time>${i === versions.length - 1 ? ' (actuelle)' : ''}</li>`);
  const diffs = versions.slice(0, -1).map((v, i) => {
    const next = versions[i + 1] as ArticleVersion;
    const title = v.entry.title === next.entry.title ? '' : `<p class="diff-title">Titre : ${renderWordDiff(v.entry.title, next.entry.title)}</p>`;
    return `<section class="version" aria-labelledby="v${i + 1}">
<h2 id="v${i + 1}">Version ${i + 1} → version ${i + 2}</h2>
<p class="meta">Fichier <code>${escapeHtml(v.file)}</code>, récupéré le ${fetched[i]} ; remplacé par la version récupérée le ${fetched[i + 1]}.</p>
${title}<div class="diff">${renderWordDiff(texts[i] as string, texts[i + 1] as string)}</div>
</section>`;
  });
  const last = versions[versions.length - 1];
  const current = last ? `<section aria-labelledby="v${versions.length}"><h2 id="v${versions.length}">Version ${versions.length} (actuelle)</h2><p><a href="${linkTo(page, article.page)}">Lire la version actuelle</a></p></section>` : '';
  const main = `<h1>Historique : ${escapeHtml(article.entry.title)}</h1>
<p>Les mots retirés sont <del>barrés</del>, les mots ajoutés <ins>soulignés</ins>.</p>
<nav aria-label="Versions"><ol>${list.join('')}</ol></nav>
${diffs.join('\n')}
${current}`;
  return renderPage({ path: page, title: `Historique : ${article.entry.title}`, main });
}

/** The words of `before` and `after`, removed ones in `<del>`, added ones in `<ins>`, long unchanged runs cut. */
export function renderWordDiff(before: string, after: string): string {
  return diffWordsWithSpace(before, after)
    .map((part) => {
      const text = escapeHtml(part.value);
      if (part.added) return `<ins>${text}</ins>`;
      if (part.removed) return `<del>${text}</del>`;
      return escapeHtml(shortenUnchanged(part.value));
    })
    .join('');
}

/** An unchanged run with only its first and last CONTEXT_WORDS words. */
function shortenUnchanged(text: string): string {
  const words = text.match(WORDS) ?? [];
  if (words.length <= CONTEXT_WORDS * 2 + 5) return text;
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  return `${lead}${words.slice(0, CONTEXT_WORDS).join('')}[…] ${words.slice(-CONTEXT_WORDS).join('')}`;
}
