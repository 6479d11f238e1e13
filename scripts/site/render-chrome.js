/**
 * The chrome around every page of the generated site, as a Joomla 3 template of a French city hall
 * prints it: head with scripts, cookie banner, logo and banner images ("Entete Mairie"…), a mega
 * menu, breadcrumbs ("Vous êtes ici :"), sidebar modules, share block and footer. None of it belongs
 * in an article body; all of it is what an extractor must leave out.
 */

/** The menu: sections and their static pages (served at `/<section>/<page>.html`). */
export const MENU = Object.freeze([
  { alias: 'votre-mairie', title: 'Votre mairie', pages: ['Horaires', 'Mentions légales', 'Le maire', 'Les élus', 'Conseil municipal', 'Budget', 'Marchés publics', 'Recrutement', 'Démarches en ligne', 'État civil', 'Élections'] },
  { alias: 'vivre-a-beauvais', title: 'Vivre à Beauvais', pages: ['Transports', 'Stationnement', 'Déchets', 'Propreté', 'Sécurité', 'Logement', 'Santé', 'Seniors', 'Handicap', 'Cimetières'] },
  { alias: 'economie', title: 'Économie', pages: ['Commerces', 'Marchés', 'Entreprendre', 'Emploi', 'Zones d’activités', 'Aéroport'] },
  { alias: 'culture', title: 'Culture', pages: ['Médiathèques', 'Théâtre', 'Musées', 'Patrimoine', 'Cathédrale Saint-Pierre', 'Quadrilatère', 'Conservatoire'] },
  { alias: 'sport', title: 'Sport', pages: ['Équipements', 'Aquaspace', 'Élispace', 'Clubs', 'Plan d’eau du Canada'] },
  { alias: 'education', title: 'Éducation', pages: ['Écoles', 'Inscriptions scolaires', 'Restauration scolaire', 'Périscolaire', 'Petite enfance'] },
].map((section) => Object.freeze({ ...section, pages: Object.freeze(section.pages.map((title) => Object.freeze({ title, alias: slug(title) }))) })));

/** @param {string} title */
function slug(title) {
  return title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Escapes text for HTML (and XML) content and attribute values.
 * @param {string} text
 */
export function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
}

/**
 * `<head>` and the opening of `<body>`, with the scripts and styles a Joomla 3 template loads.
 * @param {{ title: string, description: string, bodyClass: string }} page
 */
export function renderHead(page) {
  return `<!DOCTYPE html>
<html lang="fr-fr" dir="ltr">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<meta name="keywords" content="Beauvais, mairie, ville, Oise, actualités, agenda, démarches" />
<meta name="description" content="${escapeHtml(page.description)}" />
<meta name="generator" content="Joomla! - Open Source Content Management" />
<title>${escapeHtml(page.title)} - BEAUVAIS - Capitale de l'Oise</title>
<link href="/templates/beauvais/favicon.ico" rel="shortcut icon" type="image/vnd.microsoft.icon" />
<link href="/templates/beauvais/css/template.css?v=3.9.28" rel="stylesheet" />
<link href="/media/mod_cookies/css/cookies.css" rel="stylesheet" />
<script src="/media/jui/js/jquery.min.js?v=3.9.28"></script>
<script src="/media/jui/js/jquery-noconflict.js?v=3.9.28"></script>
<script src="/media/system/js/caption.js?v=3.9.28"></script>
<script type="application/json" class="joomla-script-options new">{"csrf.token":"4f1c2b9e0d7a6c5b3e8f1a2d4c6b8e0f","system.paths":{"root":"","base":""},"system.keepalive":{"interval":840000,"uri":"\\/index.php?option=com_ajax&format=json"}}</script>
<script>jQuery(window).on('load', function() { new JCaption('img.caption'); });
jQuery(function($){ initTooltips(); $("body").on("subform-row-add", initTooltips); function initTooltips (event, container) { container = container || document; $(container).find(".hasTooltip").tooltip({"html": true,"container": "body"}); } });</script>
<!--[if lt IE 9]><script src="/media/jui/js/html5.js?v=3.9.28"></script><![endif]-->
</head>
<body class="site ${page.bodyClass} no-layout no-task">
`;
}

/**
 * Cookie banner, logo, banner images, search box and the mega menu (the same on every page, so
 * rendered once: see HEADER).
 */
export function renderHeader() {
  return HEADER;
}

/** The header's HTML. */
function buildHeader() {
  const nav = MENU.map(
    (section) => `<li class="item-${section.alias} deeper parent"><a href="/${section.alias}.html">${escapeHtml(section.title)}</a><ul class="nav-child unstyled small">
${section.pages.map((p) => `<li class="item-${p.alias}"><a href="/${section.alias}/${p.alias}.html" title="${escapeHtml(p.title)} - ${escapeHtml(section.title)}">${escapeHtml(p.title)}</a></li>`).join('\n')}
</ul></li>`,
  ).join('\n');
  return `<div id="cookie-banner" class="cookies-banner" role="dialog" aria-live="polite"><p>En poursuivant votre navigation sur ce site, vous acceptez l’utilisation de cookies pour réaliser des statistiques de visites et vous proposer des contenus adaptés. <a href="/votre-mairie/mentions-legales.html">En savoir plus</a></p><button type="button" class="btn">J’accepte</button> <button type="button" class="btn">Je refuse</button></div>
<div class="body"><div class="container">
<header class="header" role="banner">
<div class="header-inner clearfix">
<a class="brand pull-left" href="/"><img src="/images/logo-beauvais.png" alt="BEAUVAIS - Capitale de l'Oise" /></a>
<div class="header-search pull-right"><div class="moduletable banner-entete"><ul class="banner-images">
<li><a href="/votre-mairie.html"><img src="/images/entete/mairie.jpg" alt="Entete Mairie" width="320" height="120" /></a></li>
<li><a href="/vivre-a-beauvais.html"><img src="/images/entete/vivre4.jpg" alt="Entete Vivre4" width="320" height="120" /></a></li>
<li><a href="/economie.html"><img src="/images/entete/economie5.jpg" alt="Entete Economie5" width="320" height="120" /></a></li>
</ul></div>
<div class="search"><form action="/recherche.html" method="post" class="form-inline" role="search"><label for="mod-search-searchword" class="element-invisible">Rechercher</label> <input name="searchword" id="mod-search-searchword" maxlength="200" class="inputbox search-query input-medium" type="search" placeholder="Rechercher..." /><input type="hidden" name="task" value="search" /><input type="hidden" name="option" value="com_search" /></form></div>
</div></div></header>
<nav class="navigation" role="navigation"><div class="navbar pull-left"><a class="btn btn-navbar collapsed" data-toggle="collapse" data-target=".nav-collapse"><span class="element-invisible">Menu</span></a></div>
<div class="nav-collapse"><ul class="nav menu nav-pills mod-list">
<li class="item-101 default"><a href="/">Accueil</a></li>
<li class="item-actualites"><a href="/actualites.html">Actualités</a></li>
${nav}
<li class="item-agenda"><a href="/agenda.html">Agenda</a></li>
</ul></div></nav>
<div id="off-canvas" class="off-canvas hidden-desktop" aria-hidden="true"><button type="button" class="close">Fermer</button><ul class="nav menu">
<li><a href="/">Accueil</a></li><li><a href="/actualites.html">Actualités</a></li>
${nav}
</ul></div>
`;
}

/**
 * The breadcrumbs module: "Vous êtes ici :" then links, the last one plain text.
 * @param {ReadonlyArray<{ title: string, href?: string }>} crumbs
 */
export function renderBreadcrumbs(crumbs) {
  const items = crumbs.map((c, i) =>
    c.href && i < crumbs.length - 1
      ? `<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="${c.href}" class="pathway"><span itemprop="name">${escapeHtml(c.title)}</span></a><span class="divider"> / </span><meta itemprop="position" content="${i + 1}"></li>`
      : `<li class="active"><span>${escapeHtml(c.title)}</span></li>`,
  );
  return `<div class="moduletable breadcrumbs-module"><ul itemscope itemtype="https://schema.org/BreadcrumbList" class="breadcrumb">
<li>Vous êtes ici : &#160;</li>
${items.join('\n')}
</ul></div>
`;
}

/**
 * A sidebar module listing links with dates ("Dernières actualités", "Dans la même rubrique").
 * @param {string} heading
 * @param {ReadonlyArray<{ title: string, href: string, date: string }>} links
 */
export function renderLinkModule(heading, links) {
  return `<div class="moduletable"><h3>${escapeHtml(heading)}</h3><ul class="latestnews mod-list">
${links.map((l) => `<li itemscope itemtype="https://schema.org/Article"><a href="${l.href}" itemprop="url"><span itemprop="name">${escapeHtml(l.title)}</span></a> <span class="date">${escapeHtml(l.date)}</span></li>`).join('\n')}
</ul></div>
`;
}

/**
 * One agenda entry (the "Agenda" module, also what pads a page to its target size). Only the first
 * entries link to the agenda: a few hundred links per page is what real pages carry, not more.
 * @param {{ day: string, title: string, place: string }} item
 * @param {boolean} linked
 */
export function renderAgendaItem(item, linked) {
  const title = linked ? `<a href="/agenda.html">${escapeHtml(item.title)}</a>` : `<span class="agenda-titre">${escapeHtml(item.title)}</span>`;
  return `<li class="agenda-item"><span class="agenda-date">${escapeHtml(item.day)}</span> ${title} <span class="agenda-lieu">${escapeHtml(item.place)}</span> <span class="agenda-info">Entrée libre, renseignements au 03 44 79 40 00.</span></li>\n`;
}

/** The share block printed under an article. @param {string} path */
export function renderShare(path) {
  const target = encodeURIComponent(`https://www.beauvais.fr${path}`);
  return `<div class="share-block"><p class="share-title">Partager cet article</p><ul class="share-links">
<li><a href="https://www.facebook.com/sharer/sharer.php?u=${target}" rel="nofollow noopener" target="_blank">Facebook</a></li>
<li><a href="https://twitter.com/intent/tweet?url=${target}" rel="nofollow noopener" target="_blank">Twitter</a></li>
<li><a href="mailto:?subject=Beauvais&amp;body=${target}">Envoyer par courriel</a></li>
</ul></div>
`;
}

/** The footer: a site plan (every menu link again) and the address line of the real site. */
export function renderFooter() {
  return FOOTER;
}

/** The footer's HTML. */
function buildFooter() {
  const plan = MENU.map((s) => `<div class="span2"><h4><a href="/${s.alias}.html">${escapeHtml(s.title)}</a></h4><ul>${s.pages.map((p) => `<li><a href="/${s.alias}/${p.alias}.html">${escapeHtml(p.title)}</a></li>`).join('')}</ul></div>`).join('\n');
  return `<footer class="footer" role="contentinfo"><div class="container"><div class="row-fluid plan-du-site">
${plan}
</div>
<ul class="footer-links"><li><a href="/votre-mairie/mentions-legales.html">Mentions légales</a></li><li><a href="/plan-du-site.html">Plan du site</a></li><li><a href="/administrator/">Administration</a></li><li><a href="/actualites.feed?type=rss">Flux RSS</a></li></ul>
<p class="copyright">© 2024 | Mairie de Beauvais - BP 60330 - 1, rue Desgroux - 60021 Beauvais Cedex | Tél : 03 44 79 40 00</p>
<p class="pull-right"><a href="#top" id="back-top">Haut de page</a></p>
</div></footer>
</div></div>
<script>(function(i,s,o,g,r,a,m){i['GoogleAnalyticsObject']=r;i[r]=i[r]||function(){(i[r].q=i[r].q||[]).push(arguments)},i[r].l=1*new Date();a=s.createElement(o),m=s.getElementsByTagName(o)[0];a.async=1;a.src=g;m.parentNode.insertBefore(a,m)})(window,document,'script','https://www.google-analytics.com/analytics.js','ga');ga('create','UA-0000000-1','auto');ga('send','pageview');</script>
</body>
</html>
`;
}

// Immutable strings, built once at load: the chrome is the same on every page of every site.
const HEADER = buildHeader();
const FOOTER = buildFooter();
