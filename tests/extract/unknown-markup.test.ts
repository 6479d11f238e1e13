/**
 * Markup no site rule knows: the article is found by where it sits and what it holds, not by one
 * class word; a dominant text block is an article whatever teasers surround it; a page of comparable
 * teasers is a listing.
 */
import { describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/site/generate-site.js';
import { extractArticle, type Article } from '../../src/extract/index.js';
import { ARTICLE_URL, FILLER, renderArticlePage } from './article-page.js';

function articleOf(html: string, url = ARTICLE_URL): Article {
  const extraction = extractArticle(html, url);
  if (extraction.kind !== 'article') throw new Error(`not an article: ${extraction.reason}`);
  return extraction.article;
}

const TEXT = [
  'La Ville de Beauvais ouvre les inscriptions pour les ateliers de l’été, au parc Marcel-Dassault et dans les quartiers.',
  'Les familles peuvent retirer leur dossier au guichet unique de l’hôtel de ville, du lundi au vendredi, ou le télécharger en ligne.',
  'Les ateliers sont gratuits pour les enfants de 6 à 12 ans ; les places sont attribuées dans l’ordre des inscriptions reçues.',
].map((p) => `<p>${p}</p>`).join('\n');

/** A card of another article, as "À lire aussi" blocks and listings show them. */
const card = (n: number) => `<article class="card"><h3><a href="/actualites/${3700 + n}-un-autre-article-de-la-ville.html">Un autre article numéro ${n}</a></h3>
<p>Publié le ${n} mars 2018</p><p>Le résumé de cet autre article, en deux lignes à peine, pour donner envie de le lire.</p><a href="/actualites/${3700 + n}-un-autre-article-de-la-ville.html">Lire la suite</a></article>`;

const agencyPage = (cards: string) => `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Les ateliers de l’été | Ville de Beauvais</title></head>
<body><header class="site-header"><a href="/">Ville de Beauvais</a><nav><a href="/actualites.html">Actualités</a></nav></header>
<main><article class="news"><header class="news__head"><p class="news__rubrique"><a href="/actualites/jeunesse.html">Jeunesse</a></p>
<h1>Les ateliers de l’été</h1><p class="news__meta">Publié le 8 décembre 2017</p></header>
<div class="news__body">${TEXT}</div><div class="share">Partager cet article <a href="https://www.facebook.com/sharer.php">Facebook</a></div></article>
${cards}</main><footer><p>© 2024 | Mairie de Beauvais</p></footer></body></html>`;

describe('chrome is judged by where a block sits and what it holds', () => {
  it('keeps Joomla 3’s lightbox link around a picture of the body (class "modal")', () => {
    const article = articleOf(renderArticlePage({ body: `${FILLER}<p><a class="modal" href="/images/chantier-grand.jpg"><img src="/images/chantier.jpg" alt="Le chantier du Quadrilatère" /></a></p>` }));
    expect(article.markdown).toContain('[![Le chantier du Quadrilatère](https://www.beauvais.fr/images/chantier.jpg)](https://www.beauvais.fr/images/chantier-grand.jpg)');
  });

  it('still leaves out a modal dialog and a popup of the page', () => {
    const article = articleOf(renderArticlePage({ body: `${FILLER}<div class="modal fade" role="dialog"><p>Abonnez-vous à notre lettre d’information</p></div><div id="popup-cookies"><p>Ce site utilise des cookies.</p></div>` }));
    expect(article.markdown).not.toMatch(/Abonnez-vous|cookies/u);
  });

  it('reads a page whose wrappers carry chrome words beside content words ("content-sidebar-wrap")', () => {
    const html = `<html><head><title>Les ateliers de l’été</title></head><body><div class="site-inner"><div class="content-sidebar-wrap"><main class="content"><article class="post entry">
<h1 class="entry-title">Les ateliers de l’été</h1><div class="entry-content">${TEXT}</div></article></main>
<aside class="sidebar"><ul><li><a href="/a.html">Autre</a></li></ul></aside></div></div></body></html>`;
    const article = articleOf(html, 'https://example.org/2017/12/les-ateliers-de-l-ete/');
    expect(article.text).toContain('guichet unique');
    expect(article.text).not.toContain('Autre');
  });
});

describe('a dominant text block is an article, comparable teasers a listing', () => {
  it('archives an article of a template of its own, with three "À lire aussi" cards under it: title, date line, section label', () => {
    const article = articleOf(agencyPage(`<section class="a-lire-aussi"><h2>À lire aussi</h2><div class="cards">${[1, 2, 3].map(card).join('\n')}</div></section>`));
    expect({ title: article.title, publishedAt: article.publishedAt, section: article.section }).toEqual({
      title: 'Les ateliers de l’été',
      publishedAt: '2017-12-08',
      section: 'Jeunesse',
    });
    expect(article.text).toContain('guichet unique');
    expect(article.markdown).not.toMatch(/À lire aussi|Un autre article|Lire la suite|Partager|Mairie de Beauvais/u);
  });

  it('archives an article whose theme prints each section in an <article> of its own, its text in a <header>', () => {
    const section = (n: number) => `<article class="paragraph paragraph--text"><header class="paragraph__text"><h2>Étape ${n} des travaux</h2>
<p>Pendant l’étape ${n}, les équipes de la Ville remplacent les canalisations sous la chaussée, rue par rue, et rétablissent la circulation chaque soir pour les riverains et les commerces du quartier.</p>
<p>Les bus de la ligne ${n} sont déviés pendant cette étape ; les arrêts provisoires sont signalés sur place, et les horaires restent ceux de l’hiver jusqu’à la fin du chantier.</p>
<p>Une réunion publique présente l’étape ${n} aux habitants avant son ouverture, à la mairie de quartier.</p>
<p><a href="/images/chantier-${n}.jpg"><img src="/images/chantier-${n}-petit.jpg" alt="Le chantier, étape ${n}"></a></p></header></article>`;
    const html = agencyPage('').replace(`<div class="news__body">${TEXT}</div>`, `<div class="news__body">${[1, 2, 3, 4].map(section).join('\n')}</div>`);
    const article = articleOf(html);
    for (const n of [1, 2, 3, 4]) {
      expect(article.markdown).toContain(`## Étape ${n} des travaux`);
      expect(article.text).toContain(`Les bus de la ligne ${n} sont déviés`);
    }
    // The article's own header (its title and date line) stays out of the text.
    expect(article.text).not.toContain('Publié le');
  });

  it('archives a post whose theme prints its category as a "category-list" of one link, a class Joomla gives its listings', () => {
    const article = articleOf(agencyPage('<div class="postinfo"><div class="category-list"><a href="/actualites/jeunesse.html">Jeunesse</a></div></div>'));
    expect(article.text).toContain('guichet unique');
  });

  it('refuses a page of cards and nothing else, and says it is a listing', () => {
    const extraction = extractArticle(`<!DOCTYPE html><html><head><title>Actualités</title></head><body><main><h1>Actualités</h1>${[1, 2, 3, 4, 5].map(card).join('\n')}</main></body></html>`, 'https://www.beauvais.fr/actualites.html');
    expect(extraction.kind === 'not-article' && extraction.reason).toMatch(/^listing page \(5 article teasers/u);
  });

  it('refuses a category page showing a single card (a listing of one)', () => {
    const extraction = extractArticle(`<!DOCTYPE html><html><head><title>Jeunesse</title></head><body><main><h1>Jeunesse</h1>${card(1)}</main></body></html>`, 'https://www.beauvais.fr/actualites/jeunesse.html');
    expect(extraction.kind === 'not-article' && extraction.reason).toBe('listing page (1 article teaser)');
  });

  it('explains which reading found the text', () => {
    const joomla = extractArticle(renderArticlePage({ body: FILLER }), ARTICLE_URL);
    expect(joomla.kind === 'article' && joomla.via).toBe('joomla rules: div[itemprop=articleBody]');
    const agency = extractArticle(agencyPage(''), ARTICLE_URL);
    expect(agency.kind === 'article' && agency.via).toBe("Readability's reading, preferred to the theme's container article.news");
  });

  it('reads a page nested thousands of levels deep without asking Readability, whose walks would take minutes there', () => {
    const depth = 5000;
    const html = `<!DOCTYPE html><html><head><title>Les ateliers de l’été</title></head><body><h1>Les ateliers de l’été</h1>${'<div>'.repeat(depth)}${TEXT}${'</div>'.repeat(depth)}</body></html>`;
    const extraction = extractArticle(html, 'https://www.example.org/actualites/2017/12/08/les-ateliers-de-l-ete');
    expect(extraction.kind === 'article' && extraction.via).toMatch(/page nested over 100 levels deep, not given to Readability/u);
    expect(extraction.kind === 'article' && extraction.article.text).toContain('Les familles peuvent retirer leur dossier au guichet unique');
  });

  it('archives every article of the generated site under an agency template, and refuses its listings', () => {
    const site = generateSite({ articles: 24, template: 'agency' });
    for (const article of site.articles()) {
      const answer = site.route(article.path);
      const extraction = extractArticle(answer?.body ?? '', `https://www.beauvais.fr${article.path}`, answer?.headers);
      expect(extraction.kind === 'article' && [extraction.article.title, extraction.article.publishedAt?.slice(0, 10), extraction.article.section]).toEqual([article.title, article.publishedDate, article.category.title]);
    }
    for (const listing of ['/', '/actualites.html', '/actualites.html?start=20']) {
      const answer = site.route(listing);
      expect(extractArticle(answer?.body ?? '', `https://www.beauvais.fr${listing}`, answer?.headers).kind).toBe('not-article');
    }
  });
});
