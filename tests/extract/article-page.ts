/** A small Joomla 3 article page, with its chrome, around a body: for tests of one rule at a time. */

/** What the page holds; everything but the body has a plausible default. */
export interface ArticlePageParts {
  readonly body: string;
  readonly title?: string;
  /** Items of the `dl.article-info` block (`<dd>`s). */
  readonly info?: string;
  /** Extra `<head>` content (JSON-LD, meta, canonical, base). */
  readonly head?: string;
  /** `<title>`; defaults to the title and the site name. */
  readonly pageTitle?: string;
  /** Sidebar content; defaults to a "Dernières actualités" module listing other dated articles. */
  readonly aside?: string;
}

/** A paragraph long enough for any body to count as an article. */
export const FILLER = '<p>Le conseil municipal de Beauvais s’est réuni jeudi soir pour examiner les projets de la rentrée.</p>';

const DEFAULT_ASIDE = `<div class="moduletable"><h3>Dernières actualités</h3><ul class="latestnews">
  <li><a href="/actualites/3760-autre.html">Un autre article</a> <span class="date">Publié le 11 décembre 2017</span> <time datetime="2017-12-11T09:00:00+01:00">11/12/2017</time></li>
</ul></div>`;

/** The HTML of an article page. */
export function renderArticlePage(parts: ArticlePageParts): string {
  const title = parts.title ?? 'Un titre d’article';
  return `<!DOCTYPE html>
<html lang="fr-fr"><head><meta charset="utf-8" />
<title>${parts.pageTitle ?? `${title} - BEAUVAIS - Capitale de l'Oise`}</title>
${parts.head ?? ''}</head>
<body class="site com_content view-article">
<header><a class="brand" href="/">BEAUVAIS - Capitale de l'Oise</a><img src="/images/entete-mairie.jpg" alt="Entete Mairie" /></header>
<nav class="navigation"><ul class="nav menu"><li class="current active"><a href="/actualites.html">Actualités</a></li><li><a href="/votre-mairie.html">Votre mairie</a></li></ul></nav>
<ul class="breadcrumb"><li>Vous êtes ici : </li><li><a href="/">Accueil</a></li><li><a href="/actualites.html">Actualités</a></li><li>${title}</li></ul>
<main>
<div class="item-page" itemscope itemtype="https://schema.org/Article">
<div class="page-header"><h2 itemprop="headline">${title}</h2></div>
<dl class="article-info"><dt>Détails</dt>${parts.info ?? ''}</dl>
<div itemprop="articleBody">${parts.body}</div>
<div class="partage">Partager cet article <a href="https://www.facebook.com/sharer.php">Facebook</a></div>
</div>
</main>
<div id="aside">${parts.aside ?? DEFAULT_ASIDE}</div>
<footer><p>© 2024 | Mairie de Beauvais - BP 60330 - 1, rue Desgroux - 60021 Beauvais Cedex | Tél : 03 44 79 40 00</p></footer>
</body></html>`;
}

/** The URL most tests fetch pages from. */
export const ARTICLE_URL = 'https://www.beauvais.fr/actualites/vie-municipale/3751-un-titre.html';
