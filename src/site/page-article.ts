/** An article's page: its metadata, its body from the archived Markdown, its links, WARC record and media. */
import type { DateSource } from '../extract/types.js';
import { renderFrenchDateTime, renderFrenchInstant } from './french.js';
import { escapeHtml, linkTo, relativePath, renderExternalLink, renderPage } from './html.js';
import type { MarkdownContext } from './markdown.js';
import type { SiteArticle } from './model.js';
import { toMonthPage } from './page-lists.js';

const DATE_SOURCE_LABEL: Readonly<Record<DateSource, string>> = {
  'json-ld': 'données structurées de la page (JSON-LD)',
  meta: 'balise meta de la page',
  'time[datetime]': 'élément time de la page',
  microdata: 'microdonnées de la page',
  text: 'texte de la page',
  'first-seen': 'jour où l’article a été vu pour la première fois (la page ne donnait pas de date)',
};

/** An ISO date or date-time, in the Paris local time the archive writes. */
const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;

/** Renders the body's Markdown with the context of one page. */
export type RenderMarkdown = (markdown: string, ctx: MarkdownContext) => string;

/** The article's page. */
export function renderArticlePage(article: SiteArticle, renderMarkdown: RenderMarkdown): string {
  const { entry, page } = article;
  const localImages = new Map(article.media.map((m) => [m.url, relativePath(page, m.path)]));
  const dateLine = `<time datetime="${escapeHtml(entry.publishedAt ?? article.date)}">${renderFrenchDateTime(article.date, article.firstSeen ? null : entry.publishedAt)}</time>`;
  const firstSeen = article.firstSeen ? ' <span class="first-seen">(date de première capture : la page ne donnait pas de date)</span>' : '';
  const section = entry.section && article.sectionPage ? `<a href="${linkTo(page, article.sectionPage)}">${escapeHtml(entry.section)}</a>` : 'aucune';
  const history = article.historyPage
    ? `<p class="history-link"><a href="${linkTo(page, article.historyPage)}">Historique : ${entry.history.length + 1} versions de cet article</a></p>`
    : '';
  const main = `<article>
<header class="article-header">
<h1>${escapeHtml(entry.title)}</h1>
<p class="meta">Publié le ${dateLine}${firstSeen}${renderUpdated(entry.updatedAt)} · Rubrique : ${section}</p>
${history}
</header>
<div class="article-body">
${renderMarkdown(entry.markdown, { localImages })}
</div>
</article>`;
  const aside = [renderInitiatives(entry.initiatives), renderMedia(article), renderSources(article)].filter(Boolean).join('\n');
  return renderPage({ path: page, title: entry.title, main, aside: `${aside}\n<nav aria-label="Autour de cet article"><p><a href="${linkTo(page, toMonthPage(article.month))}">Les autres articles du mois</a></p></nav>` });
}

/** " · mis à jour le 9 décembre 2017 à 8 h 00" when the page gave an update date. */
function renderUpdated(updatedAt: string | null): string {
  if (!updatedAt || !DATE_PREFIX.test(updatedAt)) return '';
  return ` · mis à jour le <time datetime="${escapeHtml(updatedAt)}">${renderFrenchDateTime(updatedAt.slice(0, 10), updatedAt)}</time>`;
}

function renderInitiatives(initiatives: SiteArticle['entry']['initiatives']): string {
  if (initiatives.length === 0) return '';
  const blocks = initiatives.map((i) => `<h3>${escapeHtml(i.heading)}</h3><ul>${i.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
  return `<section class="initiatives" aria-labelledby="initiatives"><h2 id="initiatives">Initiatives</h2>\n${blocks.join('\n')}</section>`;
}

function renderMedia(article: SiteArticle): string {
  if (article.media.length === 0) return '';
  const items = article.media.map((m) => {
    const size = ` · ${Math.max(1, Math.round(m.bytes / 1024))} Ko`;
    const name = m.path.slice(m.path.lastIndexOf('/') + 1);
    return `<li><a href="${linkTo(article.page, m.path)}">${escapeHtml(name)}</a> <span class="meta">${escapeHtml(m.type)}${size}</span><br><span class="meta">original : ${escapeHtml(m.url)}</span></li>`;
  });
  return `<section aria-labelledby="medias"><h2 id="medias">Médias conservés</h2><ul class="media-list">${items.join('')}</ul></section>`;
}

function renderSources(article: SiteArticle): string {
  const { entry } = article;
  const link = (url: string): string => renderExternalLink(url);
  const aliases = entry.aliases.length > 0 ? `<dt>Autres adresses</dt>${entry.aliases.map((a) => `<dd>${link(a)}</dd>`).join('')}` : '';
  const warc = entry.warc ? `<dt>Capture WARC</dt><dd><code>${escapeHtml(entry.warc.file)}</code><br><code>${escapeHtml(entry.warc.recordId)}</code></dd>` : '';
  const source = entry.dateSource ? `<dt>Origine de la date</dt><dd>${escapeHtml(DATE_SOURCE_LABEL[entry.dateSource])}</dd>` : '';
  return `<section aria-labelledby="sources"><h2 id="sources">Sources</h2><dl class="sources">
<dt>Adresse d’origine</dt><dd>${link(entry.url)}</dd>${aliases}${source}
<dt>Récupéré le</dt><dd><time datetime="${escapeHtml(entry.fetchedAt)}">${escapeHtml(renderFrenchInstant(entry.fetchedAt))}</time></dd>
<dt>Fichier de l’archive</dt><dd><code>${escapeHtml(article.source)}</code></dd>${warc}
</dl></section>`;
}
