/**
 * The same site under two other templates, for the extractor's tests on markup it was not written
 * for. "agency": what a web agency builds for a city (HTML5 `<main>`, the title, a "Publié le …" line
 * and the section label in classes of its own, no structured data, a share block, three "À lire
 * aussi" cards under the article, listings as grids of cards). "script-only": a page whose article
 * is rendered in the browser from a JSON blob, so its HTML holds no text at all: what a crawl must
 * report, not archive as nothing. Pure functions of the data they are given.
 */
import { escapeHtml, MENU } from './render-chrome.js';
import { renderArticleBody } from './render-pages.js';

/**
 * @typedef {import('./generate-site.js').ArticleModel} ArticleModel
 * @typedef {{ article: ArticleModel, intro: string }} Teaser
 */

/** @param {string} title */
function head(title) {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | Ville de Beauvais</title>
<link rel="stylesheet" href="/assets/css/main.3f9a1c.css">
<script defer src="/assets/js/app.3f9a1c.js"></script>
</head>
<body class="page">
<a class="lien-evitement" href="#contenu">Aller au contenu</a>
<header class="site-header"><a class="site-header__logo" href="/"><img src="/assets/img/logo-ville-de-beauvais.svg" alt="Ville de Beauvais"></a>
<nav class="menu-principal" aria-label="Menu principal"><ul>
<li><a href="/actualites.html">Actualités</a></li>
${MENU.map((s) => `<li><a href="/${s.alias}.html">${escapeHtml(s.title)}</a></li>`).join('\n')}
</ul></nav></header>
`;
}

const FOOT = `<footer class="site-footer"><p>© 2024 | Mairie de Beauvais - BP 60330 - 1, rue Desgroux - 60021 Beauvais Cedex | Tél : 03 44 79 40 00</p>
<ul><li><a href="/votre-mairie/mentions-legales.html">Mentions légales</a></li><li><a href="/plan-du-site.html">Plan du site</a></li></ul></footer>
</body>
</html>
`;

/** A card: picture, title link, date line, intro, "Lire la suite". @param {Teaser} t @param {string} heading */
function card(t, heading) {
  const a = t.article;
  return `<article class="carte"><a class="carte__image" href="${a.path}" tabindex="-1"><img src="/images/actus/${a.id}-vignette.jpg" alt=""></a>
<${heading} class="carte__titre"><a href="${a.path}">${escapeHtml(a.title)}</a></${heading}>
<p class="carte__date">Publié le ${a.publishedFrench}</p>
<p class="carte__chapo">${escapeHtml(t.intro.slice(0, 160))}…</p>
<a class="carte__lien" href="${a.path}">Lire la suite</a></article>`;
}

/**
 * An article page: header (section label, title, date line), body, share block, three related cards.
 * @param {{ article: ArticleModel, related: readonly Teaser[] }} input
 */
export function renderAgencyArticlePage(input) {
  const a = input.article;
  const date = a.dated ? `<p class="actu__date">Publié le ${a.publishedFrench}</p>\n` : '';
  return `${head(a.title)}<main id="contenu" class="site-main">
<article class="actu">
<header class="actu__header">
<p class="actu__rubrique"><a href="/actualites/${a.category.alias}.html">${escapeHtml(a.category.title)}</a></p>
<h1 class="actu__titre">${escapeHtml(a.title)}</h1>
${date}</header>
<div class="actu__texte">
${renderArticleBody(a.blocks)}
</div>
<div class="partage"><p>Partager cet article</p><ul><li><a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.beauvais.fr${encodeURIComponent(a.path)}">Facebook</a></li><li><a href="mailto:?body=https%3A%2F%2Fwww.beauvais.fr${encodeURIComponent(a.path)}">Courriel</a></li></ul></div>
</article>
<section class="a-lire-aussi" aria-labelledby="lire-aussi"><h2 id="lire-aussi">À lire aussi</h2>
<div class="grille">
${input.related.map((t) => card(t, 'h3')).join('\n')}
</div></section>
</main>
${FOOT}`;
}

/**
 * A listing as a grid of cards, with its pagination.
 * @param {{ title: string, teasers: readonly Teaser[], next: string | null }} input
 */
export function renderAgencyListingPage(input) {
  return `${head(input.title)}<main id="contenu" class="site-main">
<h1 class="page-titre">${escapeHtml(input.title)}</h1>
<div class="grille">
${input.teasers.map((t) => card(t, 'h2')).join('\n')}
</div>
${input.next ? `<nav class="pagination" aria-label="Pagination"><a rel="next" href="${input.next}">Page suivante</a></nav>` : ''}
</main>
${FOOT}`;
}

/**
 * An article rendered in the browser: the HTML holds an empty mount point and the data as JSON.
 * @param {{ article: ArticleModel }} input
 */
export function renderScriptOnlyArticlePage(input) {
  const a = input.article;
  const data = JSON.stringify({ title: a.title, date: a.publishedIso, blocks: a.blocks }).replace(/</g, '\\u003c');
  return `${head(a.title)}<main id="contenu" class="site-main"><div id="app" data-page="actualite"></div></main>
<script>window.__ARTICLE__ = ${data};</script>
${FOOT}`;
}
