/**
 * Whole pages of the generated site: an article (Joomla 3 `com_content` article view), a category
 * blog listing with its pagination, and a static menu page. Pure functions of the data they are given.
 */
import {
  escapeHtml, renderAgendaItem, renderBreadcrumbs, renderFooter, renderHead, renderHeader, renderLinkModule, renderShare,
} from './render-chrome.js';

/**
 * @typedef {{ title: string, href: string, date: string }} Link
 * @typedef {{ day: string, title: string, place: string }} AgendaItem
 * @typedef {import('./generate-site.js').Block} Block
 * @typedef {import('./generate-site.js').ArticleModel} ArticleModel
 */

/** @param {string} text */
const bytes = (text) => Buffer.byteLength(text, 'utf8');

/**
 * The `div[itemprop=articleBody]` content: paragraphs, subheadings, images and the initiatives list
 * either as `<ul>` or as "- item ;" lines split by `<br />` (the seed page's look).
 * @param {readonly Block[]} blocks
 */
export function renderArticleBody(blocks) {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'p':
          return `<p>${escapeHtml(b.text)}</p>`;
        case 'h3':
          return `<h3>${escapeHtml(b.text)}</h3>`;
        case 'img':
          return `<p><img src="${b.src}" alt="${escapeHtml(b.alt)}" width="600" height="400" class="caption" title="${escapeHtml(b.alt)}" /></p>`;
        case 'info':
          return `<p><strong>Renseignements :</strong> ${escapeHtml(b.text)} – <a href="/votre-mairie/horaires.html">horaires de l’hôtel de ville</a></p>`;
        case 'initiatives': {
          const last = b.items.length - 1;
          const items = b.items.map((item, i) => `${escapeHtml(item)}${i === last ? '.' : ' ;'}`);
          return b.style === 'ul'
            ? `<p>${escapeHtml(b.heading)} :</p>\n<ul>\n${items.map((it) => `<li>${it}</li>`).join('\n')}\n</ul>`
            : `<p>${escapeHtml(b.heading)} :</p>\n<p>${items.map((it) => `- ${it}`).join('<br />\n')}</p>`;
        }
        default:
          return '';
      }
    })
    .join('\n');
}

/**
 * The sidebar, then as many agenda entries as it takes to reach `targetBytes` for the whole page.
 * @param {{ used: number, targetBytes: number, modules: string, agenda: (n: number) => AgendaItem }} pad
 */
function renderSidebar(pad) {
  const head = `<aside id="aside" class="span3" role="complementary">\n${pad.modules}<div class="moduletable agenda"><h3>Agenda</h3><ul class="agenda-list">\n`;
  const tail = `</ul><p class="agenda-all"><a href="/agenda.html">Tout l’agenda</a></p></div>\n</aside>\n`;
  let html = head;
  let size = pad.used + bytes(head) + bytes(tail);
  for (let n = 0; n < 5 || size < pad.targetBytes; n++) {
    const item = renderAgendaItem(pad.agenda(n), n < 5);
    html += item;
    size += bytes(item);
  }
  return html + tail;
}

/**
 * An article page with its full chrome, padded (with agenda entries) to at least `targetBytes`.
 * @param {{ article: ArticleModel, latest: readonly Link[], sameCategory: readonly Link[], prev: Link | null, next: Link | null, agenda: (n: number) => AgendaItem, targetBytes: number }} input
 */
export function renderArticlePage(input) {
  const a = input.article;
  const intro = a.blocks.find((b) => b.type === 'p');
  const top =
    renderHead({ title: a.title, description: intro && 'text' in intro ? intro.text.slice(0, 150) : a.title, bodyClass: `com_content view-article itemid-${200 + a.categoryIndex}` }) +
    renderHeader() +
    renderBreadcrumbs([{ title: 'Accueil', href: '/' }, { title: 'Actualités', href: '/actualites.html' }, { title: a.category.title, href: `/actualites/${a.category.alias}.html` }, { title: a.title }]);
  const published = a.dated
    ? `<dd class="published"><span class="icon-calendar" aria-hidden="true"></span><time datetime="${a.publishedIso}" itemprop="datePublished">Publication : ${a.publishedFrench}</time></dd>\n`
    : '';
  const pager = [
    input.prev ? `<li class="previous"><a class="hasTooltip" title="${escapeHtml(input.prev.title)}" href="${input.prev.href}" rel="prev"><span class="icon-chevron-left" aria-hidden="true"></span> Précédent</a></li>` : '',
    input.next ? `<li class="next"><a class="hasTooltip" title="${escapeHtml(input.next.title)}" href="${input.next.href}" rel="next">Suivant <span class="icon-chevron-right" aria-hidden="true"></span></a></li>` : '',
  ].join('');
  const main = `<div class="row-fluid"><main id="content" role="main" class="span9">
<div id="system-message-container"></div>
<div class="item-page" itemscope itemtype="https://schema.org/Article">
<meta itemprop="inLanguage" content="fr-FR" />
<div class="page-header"><h2 itemprop="headline">${escapeHtml(a.title)}</h2></div>
<dl class="article-info muted">
<dt class="article-info-term">Détails</dt>
<dd class="category-name"><span class="icon-folder-open" aria-hidden="true"></span>Catégorie : <a href="/actualites/${a.category.alias}.html" itemprop="genre">${escapeHtml(a.category.title)}</a></dd>
${published}</dl>
<div itemprop="articleBody">
${renderArticleBody(a.blocks)}
</div>
${renderShare(a.path)}<ul class="pager pagenav">${pager}</ul>
</div>
</main>
`;
  const footer = `</div>\n${renderFooter()}`;
  const modules = renderLinkModule('Dernières actualités', input.latest) + renderLinkModule('Dans la même rubrique', input.sameCategory);
  const used = bytes(top) + bytes(main) + bytes(footer);
  return top + main + renderSidebar({ used, targetBytes: input.targetBytes, modules, agenda: input.agenda }) + footer;
}

/**
 * Joomla's pagination block: Début, Précédent, a window of page numbers, Suivant, Fin.
 * @param {{ basePath: string, start: number, perPage: number, total: number }} p
 */
export function renderPagination(p) {
  const pages = Math.max(1, Math.ceil(p.total / p.perPage));
  const current = Math.floor(p.start / p.perPage);
  const href = (/** @type {number} */ page) => (page === 0 ? p.basePath : `${p.basePath}?start=${page * p.perPage}`);
  const first = Math.max(0, Math.min(current - 4, pages - 10));
  const items = [];
  items.push(current > 0 ? `<li><a title="Début" href="${href(0)}" class="pagenav">Début</a></li>` : '<li class="disabled"><a>Début</a></li>');
  items.push(current > 0 ? `<li><a title="Précédent" href="${href(current - 1)}" class="pagenav">Précédent</a></li>` : '<li class="disabled"><a>Précédent</a></li>');
  for (let page = first; page < Math.min(pages, first + 10); page++) {
    items.push(page === current ? `<li class="active"><a>${page + 1}</a></li>` : `<li><a title="${page + 1}" href="${href(page)}" class="pagenav">${page + 1}</a></li>`);
  }
  items.push(current < pages - 1 ? `<li><a title="Suivant" href="${href(current + 1)}" class="pagenav">Suivant</a></li>` : '<li class="disabled"><a>Suivant</a></li>');
  items.push(current < pages - 1 ? `<li><a title="Fin" href="${href(pages - 1)}" class="pagenav">Fin</a></li>` : '<li class="disabled"><a>Fin</a></li>');
  return `<div class="pagination"><p class="counter pull-right">Page ${current + 1} sur ${pages}</p><ul class="pagination-list">${items.join('')}</ul></div>\n`;
}

/**
 * A category blog listing (or the home page): article teasers, pagination, sidebar, chrome.
 * @param {{ title: string, bodyClass: string, crumbs: ReadonlyArray<{ title: string, href?: string }>, teasers: ReadonlyArray<{ article: ArticleModel, intro: string }>, pagination: { basePath: string, start: number, perPage: number, total: number } | null, latest: readonly Link[], agenda: (n: number) => AgendaItem, feed: boolean }} input
 */
export function renderListingPage(input) {
  const teasers = input.teasers.map(({ article: a, intro }) => `<div class="items-row row-fluid clearfix"><div class="span12"><div class="item column-1" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">
<div class="page-header"><h2 itemprop="name"><a href="${a.path}" itemprop="url">${escapeHtml(a.title)}</a></h2></div>
<dl class="article-info muted"><dt class="article-info-term">Détails</dt><dd class="category-name">Catégorie : <a href="/actualites/${a.category.alias}.html" itemprop="genre">${escapeHtml(a.category.title)}</a></dd>${a.dated ? `<dd class="published"><time datetime="${a.publishedIso}" itemprop="datePublished">Publication : ${a.publishedFrench}</time></dd>` : ''}</dl>
<p>${escapeHtml(intro)}</p>
<p class="readmore"><a class="btn" href="${a.path}" itemprop="url" aria-label="Lire la suite : ${escapeHtml(a.title)}">Lire la suite…</a></p>
</div></div></div>`);
  const head = renderHead({ title: input.title, description: `${input.title} de la Ville de Beauvais`, bodyClass: input.bodyClass });
  const feedLink = input.feed ? '<link href="/actualites.feed?type=rss" rel="alternate" type="application/rss+xml" title="RSS 2.0" />\n' : '';
  return (
    head.replace('</head>', `${feedLink}</head>`) +
    renderHeader() +
    renderBreadcrumbs(input.crumbs) +
    `<div class="row-fluid"><main id="content" role="main" class="span9"><div class="blog" itemscope itemtype="https://schema.org/Blog">
<div class="page-header"><h1>${escapeHtml(input.title)}</h1></div>
${teasers.join('\n')}
${input.pagination ? renderPagination(input.pagination) : '<p><a href="/actualites.html">Toutes les actualités</a></p>'}</div></main>
` +
    renderSidebar({ used: 0, targetBytes: 0, modules: renderLinkModule('Dernières actualités', input.latest), agenda: input.agenda }) +
    `</div>\n${renderFooter()}`
  );
}

/**
 * A static menu page ("Horaires", "Le maire"…): a Joomla article without date or category.
 * @param {{ title: string, crumbs: ReadonlyArray<{ title: string, href?: string }>, paragraphs: readonly string[], latest: readonly Link[], agenda: (n: number) => AgendaItem }} input
 */
export function renderStaticPage(input) {
  return (
    renderHead({ title: input.title, description: input.title, bodyClass: 'com_content view-article' }) +
    renderHeader() +
    renderBreadcrumbs(input.crumbs) +
    `<div class="row-fluid"><main id="content" role="main" class="span9"><div class="item-page" itemscope itemtype="https://schema.org/Article">
<div class="page-header"><h2 itemprop="headline">${escapeHtml(input.title)}</h2></div>
<div itemprop="articleBody">
${input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</div></div></main>
` +
    renderSidebar({ used: 0, targetBytes: 0, modules: renderLinkModule('Dernières actualités', input.latest), agenda: input.agenda }) +
    `</div>\n${renderFooter()}`
  );
}
