/**
 * Inside the text block of a page no site rule knows: boilerplate pruned by name and by links, the
 * lead printed with the title kept, headings left heading nothing dropped; Joomla's bodies untouched.
 */
import { describe, expect, it } from 'vitest';
import { isLinkFarm, isNamedBoilerplate, isRelatedLink } from '../../src/extract/boilerplate.js';
import { extractArticle, type Article } from '../../src/extract/index.js';
import { loadPage } from '../../src/extract/load-page.js';
import { ARTICLE_URL, FILLER, renderArticlePage } from './article-page.js';

const URL_OF_ARTICLE = 'https://www.example.org/actualites/2017/12/08/les-ateliers-de-l-ete';

const PARAGRAPHS = [
  'Cet été, la ville propose aux enfants des ateliers de découverte dans les quartiers, du lundi au vendredi, de 9 heures à midi.',
  'Les animateurs des centres de loisirs encadrent les ateliers, avec le concours des associations sportives et culturelles de la ville.',
  'Les inscriptions sont ouvertes jusqu’au 30 juin auprès des mairies de quartier, sur présentation d’un justificatif de domicile.',
  'Les ateliers sont gratuits pour les enfants de 6 à 12 ans ; les places sont attribuées dans l’ordre des inscriptions reçues.',
].map((p) => `<p>${p}</p>`).join('\n');

/** A blog-like page of a theme of its own, with `extra` inside its text block and `header` beside the title. */
const themePage = (extra: string, header = '') => `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Les ateliers de l’été</title></head>
<body><div class="site"><nav><a href="/">Accueil</a></nav>
<article class="post"><header class="post-header"><h1>Les ateliers de l’été</h1>${header}</header>
<div class="entry-content">${PARAGRAPHS}${extra}</div></article>
<div class="sidebar"><h3>Archives</h3><ul><li><a href="/2017/11">Novembre</a></li></ul></div></div>
<footer><p>© Ville</p></footer></body></html>`;

function articleOf(html: string, url = URL_OF_ARTICLE): Article {
  const extraction = extractArticle(html, url);
  if (extraction.kind !== 'article') throw new Error(`not an article: ${extraction.reason}`);
  return extraction.article;
}

/** The first element of a fragment, parsed as a page. */
function elementOf(fragment: string) {
  const page = loadPage(`<html><body>${fragment}<p>after</p></body></html>`, ARTICLE_URL);
  const body = page.elements.all.find((el) => el.name === 'body');
  const first = body?.children.find((node) => node.type === 'tag');
  if (!first || first.type !== 'tag') throw new Error('no element');
  return first;
}

describe('boilerplate inside a text block found on unknown markup', () => {
  it.each([
    ['a share bar', '<div class="post-share-buttons"><span>Partager</span> <a href="https://facebook.com/x">Facebook</a></div>', 'Facebook'],
    ['an author box', '<div class="author-box"><p>Marie Dupont écrit pour le service communication depuis 2012 et aime les longues balades.</p></div>', 'Marie Dupont'],
    ['a row of tags', '<div class="entry-tags">Étiquettes : <a href="/tag/ete">été</a>, <a href="/tag/enfants">enfants</a></div>', 'Étiquettes'],
    ['a block of related posts', '<section class="related-posts"><h3>Sur le même thème</h3><p>Un article voisin, à lire ensuite, et qui a son propre texte assez long.</p></section>', 'article voisin'],
    ['a comment section', '<div id="comments"><p>Jean : super initiative, mes enfants y sont allés l’an dernier et ont adoré.</p></div>', 'super initiative'],
    ['a copyright line', '<p class="copyright">© 2017 Ville, tous droits réservés, reproduction interdite sans autorisation écrite.</p>', 'tous droits réservés'],
    ['a labelled link to another article', '<p>À lire aussi : <a href="/actualites/3702-la-piscine-rouvre.html">La piscine rouvre ses portes</a></p>', 'La piscine rouvre'],
    ['a row of short links', '<p><a href="/a">Préc.</a> | <a href="/b">Suiv.</a></p>', 'Suiv.'],
    ['a table of contents', '<div id="toc_container"><p class="toc_title">Sommaire</p><ul><li>Les horaires des ateliers</li><li>Les inscriptions en mairie</li></ul></div>', 'Sommaire'],
    ['an affiliate notice', '<div class="affiliate-disclosure"><strong>Liens partenaires</strong><p>Nous touchons une commission sur les achats faits par les liens de cette page, sans frais pour vous.</p></div>', 'commission'],
  ])('leaves out %s and keeps the text', (_name, extra, unwanted) => {
    const article = articleOf(themePage(extra));
    expect(article.text).not.toContain(unwanted);
    expect(article.text).toContain('Les animateurs des centres de loisirs');
    expect(article.text).toContain('dans l’ordre des inscriptions reçues');
  });

  it('keeps a picture in a link and a paragraph whose link is only part of its text', () => {
    const article = articleOf(themePage('<p><a href="/img/grand.jpg"><img src="/img/atelier.jpg" alt="Un atelier"></a></p><p>Le programme complet est <a href="/programme.pdf">en ligne</a> depuis lundi, avec les horaires de chaque quartier.</p>'));
    expect(article.markdown).toContain('![Un atelier](https://www.example.org/img/atelier.jpg)');
    expect(article.text).toContain('Le programme complet est en ligne depuis lundi');
  });

  it('keeps the whole block when pruning would leave almost nothing of it', () => {
    const html = themePage('').replace('<div class="entry-content">', '<div class="entry-content"><div class="post-meta-wrapper">').replace('</div></article>', '</div></div></article>');
    expect(articleOf(html).text).toContain('Les animateurs des centres de loisirs');
  });

  it('drops the heading of a pruned block left at the end, heading nothing', () => {
    const article = articleOf(themePage('<h3>Vous aimerez aussi</h3><div class="widget-posts"><a href="/x">Un autre article</a></div>'));
    expect(article.markdown).not.toContain('Vous aimerez aussi');
    expect(article.markdown.trim().endsWith('dans l’ordre des inscriptions reçues.')).toBe(true);
  });

  it('keeps the lead printed with the title, above the text', () => {
    const lead = 'Tout l’été, des ateliers gratuits attendent les enfants de 6 à 12 ans dans chaque quartier de la ville.';
    const article = articleOf(themePage('', `<p class="chapo">${lead}</p><p class="date">Publié le 8 décembre 2017</p>`));
    expect(article.markdown.startsWith(lead)).toBe(true);
    expect(article.text).not.toContain('Publié le 8 décembre');
    expect(article.text.match(/Tout l’été/gu)).toHaveLength(1);
  });

  it('finds the lead under the title when the logo and the cards are h1s too, and a deck in the title\'s hgroup', () => {
    const deck = 'Des ateliers gratuits pour les enfants de 6 à 12 ans dans chaque quartier de la ville';
    const html = themePage('', `<p class="standfirst">${deck}.</p>`)
      .replace('<nav>', '<h1 class="logo"><a href="/">Ville</a></h1><nav>')
      .replace('<div class="sidebar">', '<div class="cards"><h1>Un autre article</h1><p>Son résumé.</p></div><div class="sidebar">');
    expect(articleOf(html).markdown.startsWith(deck)).toBe(true);
    const grouped = themePage('').replace('<h1>Les ateliers de l’été</h1>', `<hgroup><h1>Les ateliers de l’été</h1><h2>${deck}</h2></hgroup>`);
    expect(articleOf(grouped).markdown.startsWith(deck)).toBe(true);
  });

  it('keeps the lead that opens with the page\'s description, in a block of the title\'s header no name marks as one', () => {
    const lead = 'Tout l’été, des ateliers gratuits attendent les enfants de 6 à 12 ans dans chaque quartier de la ville, avec les associations.';
    const page = (head: string) => `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">${head}<title>Les ateliers de l’été</title></head>
<body><header class="page-header"><h1>Les ateliers de l’été</h1><div class="hero-text">${lead}</div></header>
<div class="layout"><article class="post"><div class="entry-content">${PARAGRAPHS}</div></article>
<div class="sidebar"><h3>Archives</h3><ul><li><a href="/2017/11">Novembre</a></li></ul></div></div></body></html>`;
    const described = articleOf(page(`<meta name="description" content="${lead.slice(0, 90)}…">`));
    expect(described.markdown.startsWith(lead)).toBe(true);
    expect(described.text.match(/Tout l’été/gu)).toHaveLength(1);
    // Without the description nothing tells that block from any other of the header.
    expect(articleOf(page('')).text).not.toContain('Tout l’été');
  });

  it('does not take a hidden paragraph, or the date line of the header, for a lead', () => {
    const hidden = articleOf(themePage('', '<p class="intro" style="display:none">Un texte caché de la page, que nul lecteur ne voit et qui ne doit pas être archivé.</p>'));
    expect(hidden.text).not.toContain('Un texte caché');
    const dated = articleOf(themePage('', '<p>Publié le 8 décembre 2017 par la direction de la communication de la Ville, mis à jour le 9 décembre 2017.</p>'));
    expect(dated.text).not.toContain('Publié le');
    expect(dated.publishedAt?.slice(0, 10)).toBe('2017-12-08');
  });

  it('leaves out the readings printed over ruby text', () => {
    const article = articleOf(themePage('<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもの<ruby>教育<rt>きょういく</rt></ruby>について、市の新しい方針が決まり、説明会が開かれました。</p>'));
    expect(article.text).toContain('子どもの教育について');
  });

  it('leaves a Joomla body as its site rules find it', () => {
    const article = articleOf(renderArticlePage({ body: `${FILLER}<p class="meta-note">Une note dont la classe contient le mot meta, mais qui fait partie du texte.</p>` }), ARTICLE_URL);
    expect(article.text).toContain('Une note dont la classe contient le mot meta');
  });
});

describe('the tests behind the pruning', () => {
  it('names boilerplate by class or id, never a link, a picture or a heading', () => {
    expect(isNamedBoilerplate(elementOf('<div class="entry-meta">x</div>'))).toBe(true);
    expect(isNamedBoilerplate(elementOf('<section id="related-articles">x</section>'))).toBe(true);
    expect(isNamedBoilerplate(elementOf('<div class="toggle hidden">x</div>'))).toBe(true);
    expect(isNamedBoilerplate(elementOf('<div class="entry-content">x</div>'))).toBe(false);
    expect(isNamedBoilerplate(elementOf('<div class="teaser"><a href="/autre-article">Un autre article</a></div>'))).toBe(true);
    expect(isNamedBoilerplate(elementOf('<section class="article-teaser"><p>Le chapô de l’article, sans lien.</p></section>'))).toBe(false);
    expect(isNamedBoilerplate(elementOf('<a class="share-link" href="/x">x</a>'))).toBe(false);
    expect(isNamedBoilerplate(elementOf('<h2 class="author">x</h2>'))).toBe(false);
  });

  it('tells a row of links from a paragraph with a link in it', () => {
    expect(isLinkFarm(elementOf('<ul><li><a href="/a">Un</a></li><li><a href="/b">Deux</a></li></ul>'))).toBe(true);
    expect(isLinkFarm(elementOf('<p>Voir <a href="/a">la page</a> de la mairie pour le détail des horaires et des tarifs des ateliers.</p>'))).toBe(false);
  });

  it('tells a labelled link from a sentence that opens with the same words', () => {
    expect(isRelatedLink(elementOf('<p>Lire aussi : <a href="/a">Le marché de Noël s’installe place Jeanne-Hachette</a></p>'))).toBe(true);
    expect(isRelatedLink(elementOf('<p>Read more: <a href="/a">The Christmas market opens</a></p>'))).toBe(true);
    expect(isRelatedLink(elementOf('<p>Voir aussi : le maire a rappelé que les inscriptions ferment le 30 juin, sans exception possible.</p>'))).toBe(false);
  });
});
