import { describe, expect, it } from 'vitest';
import { extractArticle, type Article } from '../../src/extract/index.js';
import { ARTICLE_URL, FILLER, renderArticlePage, type ArticlePageParts } from './article-page.js';

/** The article of a test page, failing the test when there is none. */
function articleOf(parts: Partial<ArticlePageParts>, url = ARTICLE_URL): Article {
  const extraction = extractArticle(renderArticlePage({ body: FILLER, ...parts }), url);
  if (extraction.kind !== 'article') throw new Error(`not an article: ${extraction.reason}`);
  return extraction.article;
}

describe('pages that are not articles are refused with a reason', () => {
  it.each<[string, string | Uint8Array, Record<string, string>, RegExp]>([
    ['a PDF served as a PDF', '%PDF-1.4 ...', { 'content-type': 'application/pdf' }, /not an HTML page \(application\/pdf\)/u],
    ['an image', 'GIF89a', { 'content-type': 'image/gif' }, /not an HTML page/u],
    ['binary bytes served as HTML', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x01, 0x02]), { 'content-type': 'text/html' }, /binary/u],
    ['an empty body', '', {}, /empty/u],
    ['an empty document', '<html><head><title></title></head><body> </body></html>', {}, /empty/u],
    ['a 404 template served with 200', '<html><head><title>404 - Page introuvable</title></head><body><h1>La page demandée est introuvable.</h1></body></html>', {}, /error page/u],
    ['a "page does not exist" article', renderArticlePage({ title: 'Oups', body: '<p>La page demandée n’existe pas ou a été déplacée.</p><p>Retour à l’accueil du site de la ville.</p>' }), {}, /error page/u],
    ['a text under 40 characters', renderArticlePage({ body: '<p>Trop court.</p>' }), {}, /too short/u],
    ['an article without any title', renderArticlePage({ body: FILLER, title: '', pageTitle: "BEAUVAIS - Capitale de l'Oise" }), {}, /no title/u],
    [
      'a list of teasers without Joomla markup',
      `<html><head><title>Actualités</title></head><body>${'<article><h2><a href="/a.html">Titre</a></h2><p>Un résumé assez long pour compter comme un paragraphe de texte.</p><a href="/a.html">Lire la suite</a></article>'.repeat(5)}</body></html>`,
      {},
      /listing/u,
    ],
    ['a Joomla category blog', `<html><head><title>Vie municipale</title></head><body><div class="blog"><div class="items-leading"><div class="item"><h2>Un</h2><p>${FILLER}</p></div></div></div></body></html>`, {}, /listing/u],
  ])('%s', (_name, body, headers, reason) => {
    const extraction = extractArticle(body, ARTICLE_URL, headers);
    expect(extraction.kind).toBe('not-article');
    expect(extraction.kind === 'not-article' && extraction.reason).toMatch(reason);
  });
});

describe('title', () => {
  it.each<[string, Partial<ArticlePageParts>, string]>([
    ['Joomla’s headline', { title: '  Un   titre\u0007 sur\nplusieurs lignes ' }, 'Un titre sur plusieurs lignes'],
    ['JSON-LD headline first', { head: '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Le titre structuré"}</script>' }, 'Le titre structuré'],
    ['never the site name', { head: '<script type="application/ld+json">{"@type":"Article","headline":"BEAUVAIS - Capitale de l’Oise"}</script>', title: 'Le vrai titre' }, 'Le vrai titre'],
    ['hostile characters kept as they are', { title: 'Budget : « non » au "gel" --- #1 ../../etc' }, 'Budget : « non » au "gel" --- #1 ../../etc'],
  ])('%s', (_name, parts, title) => {
    expect(articleOf(parts).title).toBe(title);
  });

  it.each(['La taxe qui n’existe plus', 'Accès interdit au parc pendant les travaux', 'Les 404 logements de la ZAC livrés'])('"%s" is an article title, not an error page', (title) => {
    expect(articleOf({ title }).title).toBe(title);
  });

  it('skips the menu "page heading" h1 that repeats the active menu entry', () => {
    const html = renderArticlePage({ body: FILLER }).replace(
      '<div class="page-header"><h2 itemprop="headline">Un titre d’article</h2></div>',
      '<div class="page-header"><h1> Actualités </h1></div><div class="page-header"><h2>Le titre de l’article</h2></div>',
    );
    const extraction = extractArticle(html, ARTICLE_URL);
    expect(extraction.kind === 'article' && extraction.article.title).toBe('Le titre de l’article');
  });

  it.each([
    ['Le titre - BEAUVAIS - Capitale de l\'Oise', 'Le titre'],
    ['BEAUVAIS - Capitale de lOise - Le titre', 'Le titre'],
    ['Le titre : la suite | BEAUVAIS - Capitale de l’Oise', 'Le titre : la suite'],
  ])('<title>%s</title> gives "%s" when nothing better exists', (pageTitle, title) => {
    const html = `<html><head><title>${pageTitle}</title></head><body><div id="contenu">${FILLER}${FILLER}</div></body></html>`;
    const extraction = extractArticle(html, ARTICLE_URL);
    expect(extraction.kind === 'article' && extraction.article.title).toBe(title);
  });
});

describe('url and id', () => {
  it.each<[string, string, string, string, string]>([
    ['the Joomla id of the page URL', ARTICLE_URL, '', ARTICLE_URL, '3751'],
    ['tracking parameters dropped', `${ARTICLE_URL}?utm_source=x&fbclid=y`, '', ARTICLE_URL, '3751'],
    ['an in-scope canonical', 'https://www.beauvais.fr/index.php?option=com_content&view=article&id=3751&Itemid=4', `<link rel="canonical" href="${ARTICLE_URL}" />`, ARTICLE_URL, '3751'],
    ['a canonical to another host ignored', ARTICLE_URL, '<link rel="canonical" href="https://www.oise.fr/actualites/3999-autre.html" />', ARTICLE_URL, '3751'],
    ['og:url when there is no canonical', 'https://www.beauvais.fr/component/content/article/3751.html?tmpl=component&print=1', `<meta property="og:url" content="${ARTICLE_URL}" />`, ARTICLE_URL, '3751'],
    ['a stable id when the URL has none', 'https://www.beauvais.fr/une-page-speciale.html', '', 'https://www.beauvais.fr/une-page-speciale.html', 'u-'],
  ])('%s', (_name, url, head, canonical, id) => {
    const article = articleOf({ head }, url);
    expect(article.url).toBe(canonical);
    expect(article.id.startsWith(id)).toBe(true);
    if (id === 'u-') expect(article.id).toMatch(/^u-[0-9a-f]{12}$/u);
    expect(articleOf({ head }, url).id).toBe(article.id);
  });
});

describe('section', () => {
  it.each<[string, Partial<ArticlePageParts>, string | null]>([
    ['Joomla’s category', { info: '<dd class="category-name">Catégorie : <a href="/c.html">Vie municipale</a></dd>' }, 'Vie municipale'],
    ['JSON-LD articleSection', { head: '<script type="application/ld+json">{"@type":"Article","articleSection":["Culture","Patrimoine"]}</script>' }, 'Culture › Patrimoine'],
    ['article:section', { head: '<meta property="article:section" content="Sport" />' }, 'Sport'],
    ['the breadcrumb without "Vous êtes ici", "Accueil" and the title', {}, 'Actualités'],
  ])('%s', (_name, parts, section) => {
    expect(articleOf(parts).section).toBe(section);
  });
});

describe('body', () => {
  const body = `${FILLER}
    <p>Un <a href="/votre-mairie/horaires.html">lien relatif</a>, un <a href="javascript:alert(1)">faux lien</a>, un <a href="/vide.html"> </a>lien vide et une <a href="#haut">ancre</a>.</p>
    <p><img src="/images/entete/entete-vivre4.jpg" alt="Entete Vivre4" /><img src="photo.jpg" alt="Une photo" /></p>
    <div class="social-share"><a href="https://twitter.com/share">Twitter</a></div>
    <p>Partager cet article</p>
    <script>document.write('<p>injecté</p>')</script><noscript>Activez JavaScript</noscript>
    <p>&nbsp;</p>`;
  const article = articleOf({ body });

  it('makes links absolute and drops javascript:, empty and in-page links, keeping their text', () => {
    expect(article.markdown).toContain('[lien relatif](https://www.beauvais.fr/votre-mairie/horaires.html)');
    expect(article.markdown).toContain('un faux lien, un lien vide et une ancre.');
    expect(article.markdown).not.toMatch(/javascript:|\[\s*\]|#haut/u);
  });

  it('keeps images with their alt text but not the header banners', () => {
    expect(article.markdown).toContain('![Une photo](https://www.beauvais.fr/actualites/vie-municipale/photo.jpg)');
    expect(article.markdown).not.toContain('Entete');
  });

  it('leaves out share blocks, scripts and the page chrome', () => {
    for (const chrome of ['Twitter', 'Partager', 'injecté', 'JavaScript', 'Vous êtes ici', 'Dernières actualités', '© 2024', 'Votre mairie', 'Détails']) {
      expect(article.markdown).not.toContain(chrome);
    }
  });

  it('keeps a real section titled like a module ("Agenda") when it is text, not links', () => {
    const markdown = articleOf({ body: `${FILLER}<h3>Agenda</h3><p>Samedi 12 mars : concert.</p><div><h4>Dernières actualités</h4><p>Le chantier avance.</p></div>` }).markdown;
    expect(markdown).toContain('### Agenda\n\nSamedi 12 mars : concert.');
    expect(markdown).toContain('#### Dernières actualités\n\nLe chantier avance.');
  });

  it('has no leftover HTML and no blank runs', () => {
    expect(article.markdown).not.toMatch(/<[a-z/!]/iu);
    expect(article.markdown).not.toMatch(/\n{3}/u);
    expect(article.markdown).toBe(article.markdown.trim());
  });

  it('writes preformatted text as a fenced code block', () => {
    expect(articleOf({ body: `${FILLER}<pre><code>horaires_ete = 10h-20h\n*fermé* le 14</code></pre>` }).markdown).toContain('```\nhoraires_ete = 10h-20h\n*fermé* le 14\n```');
  });

  it('turns layout tables into their content and keeps data tables as GFM tables', () => {
    const tables = articleOf({
      body: `${FILLER}<table><tr><td><h3>Un intertitre</h3><p>Du texte en colonne.</p></td><td><ul><li>un</li></ul></td></tr></table>
        <table><tr><th>Jour</th><th>Heure</th></tr><tr><td>Lundi</td><td><p>9h</p><p>14h</p></td></tr></table>`,
    }).markdown;
    expect(tables).toContain('### Un intertitre\n\nDu texte en colonne.\n\n- un');
    expect(tables).toContain('| Jour | Heure |\n| --- | --- |\n| Lundi | 9h 14h |');
  });
});
