/** The index pages: home, dates, one page per year, per month and per section. Pure string builders. */
import { renderCount, renderFrenchDate, renderMonth } from './french.js';
import { escapeHtml, linkTo, renderPage } from './html.js';
import type { SiteSummary } from './model.js';
import { renderTimeline } from './timeline.js';

/** Articles on the home page. */
const LATEST = 20;

/** The site's index: what each listing page needs, computed once per build. */
export interface SiteIndex {
  /** Newest first. */
  readonly articles: readonly SiteSummary[];
  /** "YYYY-MM" → articles of that month, newest first. */
  readonly byMonth: ReadonlyMap<string, readonly SiteSummary[]>;
  /** Section page → its name and articles, newest first; sections by name, in French alphabetical order. */
  readonly bySection: ReadonlyMap<string, { readonly name: string; readonly articles: readonly SiteSummary[] }>;
  /** Year → its months with their counts, newest year first, months in calendar order. */
  readonly byYear: ReadonlyMap<string, readonly (readonly [month: string, count: number])[]>;
}

/** Groups articles (already newest first) by month, by section (in French alphabetical order) and by year. */
export function toSiteIndex(articles: readonly SiteSummary[]): SiteIndex {
  const byMonth = new Map<string, SiteSummary[]>();
  const bySection = new Map<string, { name: string; articles: SiteSummary[] }>();
  for (const a of articles) {
    const month = byMonth.get(a.month);
    if (month) month.push(a);
    else byMonth.set(a.month, [a]);
    if (a.sectionPage && a.section) {
      const group = bySection.get(a.sectionPage) ?? { name: a.section, articles: [] };
      group.articles.push(a);
      bySection.set(a.sectionPage, group);
    }
  }
  return { articles, byMonth, bySection: sortSections(bySection), byYear: groupYears(byMonth) };
}

/** A month's page path ("2017/12/index.html"). */
export function toMonthPage(month: string): string {
  return `${month.slice(0, 4)}/${month.slice(5, 7)}/index.html`;
}

/** A year's page path ("2017/index.html"). */
export function toYearPage(year: string): string {
  return `${year}/index.html`;
}

/** A list of articles, linked from `from`. */
function renderArticleList(from: string, articles: readonly SiteSummary[], withSection = true): string {
  if (articles.length === 0) return '<p>Aucun article.</p>';
  const items = articles.map((a) => {
    const section = withSection && a.section && a.sectionPage ? ` · <a href="${linkTo(from, a.sectionPage)}">${escapeHtml(a.section)}</a>` : '';
    return `<li><a class="article-link" href="${linkTo(from, a.page)}">${escapeHtml(a.title)}</a> <span class="meta"><time datetime="${a.date}">${renderFrenchDate(a.date)}</time>${section}</span></li>`;
  });
  return `<ul class="articles">\n${items.join('\n')}\n</ul>`;
}

/** index.html: the timeline, the latest articles, the years and the sections. */
export function renderHomePage(index: SiteIndex): string {
  const path = 'index.html';
  const counts = new Map([...index.byMonth].map(([m, list]) => [m, list.length]));
  const main = `<h1>Les actualités de Beauvais, archivées</h1>
<p>${renderCount(index.articles.length, 'article archivé', 'articles archivés')}, datés par leur publication.</p>
<section aria-labelledby="chronologie"><h2 id="chronologie">Chronologie</h2>
${renderTimeline(counts, (month) => linkTo(path, toMonthPage(month)), [...index.byYear.keys()].reverse())}
</section>
<section aria-labelledby="derniers"><h2 id="derniers">Derniers articles</h2>
${renderArticleList(path, index.articles.slice(0, LATEST))}
</section>`;
  return renderPage({ path, title: 'Accueil', main, aside: renderSideLists(path, index) });
}

/** annees.html: every year and month, with their counts. */
export function renderDatesPage(index: SiteIndex): string {
  const path = 'annees.html';
  const blocks = [...index.byYear].map(([year, months]) => {
    const items = months.map(([m, n]) => `<li><a href="${linkTo(path, toMonthPage(m))}">${renderMonth(m)}</a> (${n})</li>`);
    return `<section aria-labelledby="y${year}"><h2 id="y${year}"><a href="${linkTo(path, toYearPage(year))}">${year}</a></h2>\n<ul class="months">${items.join('')}</ul></section>`;
  });
  return renderPage({ path, title: 'Par date', main: `<h1>Les articles par date</h1>\n${blocks.join('\n') || '<p>Aucun article.</p>'}` });
}

/** <year>/index.html: the year's articles, month by month. */
export function renderYearPage(index: SiteIndex, year: string): string {
  const path = toYearPage(year);
  const months = index.byYear.get(year) ?? [];
  const blocks = months.map(([m]) => `<section aria-labelledby="m${m}"><h2 id="m${m}"><a href="${linkTo(path, toMonthPage(m))}">${renderMonth(m)}</a></h2>\n${renderArticleList(path, index.byMonth.get(m) ?? [])}</section>`);
  const main = `<h1>Articles de ${year}</h1>\n<p>${renderCount(yearTotal(months), 'article', 'articles')}.</p>\n${blocks.join('\n')}`;
  return renderPage({ path, title: year, main, aside: renderSideLists(path, index) });
}

/** <year>/<month>/index.html: exactly that month's articles. */
export function renderMonthPage(index: SiteIndex, month: string): string {
  const path = toMonthPage(month);
  const articles = index.byMonth.get(month) ?? [];
  const main = `<h1>Articles de ${renderMonth(month)}</h1>\n<p>${renderCount(articles.length, 'article', 'articles')}. <a href="${linkTo(path, toYearPage(month.slice(0, 4)))}">Toute l’année ${month.slice(0, 4)}</a></p>\n${renderArticleList(path, articles)}`;
  return renderPage({ path, title: renderMonth(month), main, aside: renderSideLists(path, index) });
}

/** rubriques/index.html: every section with its count. */
export function renderSectionsPage(index: SiteIndex): string {
  const path = 'rubriques/index.html';
  const main = `<h1>Rubriques</h1>\n${renderSectionList(path, index)}`;
  return renderPage({ path, title: 'Rubriques', main });
}

/** rubriques/<slug>.html: a section's articles. */
export function renderSectionPage(index: SiteIndex, page: string): string {
  const group = index.bySection.get(page);
  const name = group?.name ?? '';
  const main = `<h1>Rubrique « ${escapeHtml(name)} »</h1>\n<p>${renderCount(group?.articles.length ?? 0, 'article', 'articles')}.</p>\n${renderArticleList(page, group?.articles ?? [], false)}`;
  return renderPage({ path: page, title: name, main, aside: renderSideLists(page, index) });
}

/** The side lists: years and sections. */
function renderSideLists(from: string, index: SiteIndex): string {
  const years = [...index.byYear].map(([year, months]) => {
    return `<li><a href="${linkTo(from, toYearPage(year))}">${year}</a> (${yearTotal(months)})</li>`;
  });
  return `<nav aria-labelledby="nav-annees"><h2 id="nav-annees">Années</h2><ul>${years.join('')}</ul></nav>
<nav aria-labelledby="nav-rubriques"><h2 id="nav-rubriques">Rubriques</h2>${renderSectionList(from, index)}</nav>`;
}

function renderSectionList(from: string, index: SiteIndex): string {
  const sections = [...index.bySection];
  if (sections.length === 0) return '<p>Aucune rubrique.</p>';
  return `<ul>${sections.map(([page, g]) => `<li><a href="${linkTo(from, page)}">${escapeHtml(g.name)}</a> (${g.articles.length})</li>`).join('')}</ul>`;
}

/** The sections in the order every page lists them, sorted once per build. */
function sortSections<T extends { readonly name: string }>(bySection: ReadonlyMap<string, T>): Map<string, T> {
  return new Map([...bySection].sort(([, a], [, b]) => a.name.localeCompare(b.name, 'fr')));
}

/** Year → its months with counts, newest year first, months in calendar order. */
function groupYears(byMonth: ReadonlyMap<string, readonly SiteSummary[]>): Map<string, [string, number][]> {
  const years = new Map<string, [string, number][]>();
  for (const month of [...byMonth.keys()].sort()) {
    const year = month.slice(0, 4);
    const months = years.get(year) ?? [];
    months.push([month, byMonth.get(month)?.length ?? 0]);
    years.set(year, months);
  }
  return new Map([...years].reverse());
}

/** The number of articles of a year, from its months' counts. */
function yearTotal(months: readonly (readonly [string, number])[]): number {
  return months.reduce((sum, [, count]) => sum + count, 0);
}
