import { describe, expect, it } from 'vitest';
import { extractArticle, type Initiative } from '../../src/extract/index.js';
import { ARTICLE_URL, FILLER, renderArticlePage } from './article-page.js';

/** The initiatives and Markdown of an article whose body is `body` (after a filler paragraph). */
function extract(body: string): { initiatives: readonly Initiative[]; markdown: string } {
  const extraction = extractArticle(renderArticlePage({ body: FILLER + body }), ARTICLE_URL);
  if (extraction.kind !== 'article') throw new Error(extraction.reason);
  return extraction.article;
}

describe('initiatives: every list of the body with what introduces it', () => {
  it.each<[string, Initiative[]]>([
    ['<p>Parmi les dernières initiatives :</p><ul><li>le portail citoyen ;</li><li>l’office de tourisme.</li></ul>', [{ heading: 'Parmi les dernières initiatives', items: ['le portail citoyen', 'l’office de tourisme'] }]],
    ['<p>Au programme :<br>- un concert ;<br>- un feu d’artifice.</p>', [{ heading: 'Au programme', items: ['un concert', 'un feu d’artifice'] }]],
    ['<p>Les nouveautés :<br />– la collecte le lundi ;<br />– le tri simplifié.</p>', [{ heading: 'Les nouveautés', items: ['la collecte le lundi', 'le tri simplifié'] }]],
    ['<p>À noter :<br>• entrée libre,<br>• parking gratuit, et<br>• navettes.</p>', [{ heading: 'À noter', items: ['entrée libre', 'parking gratuit', 'navettes'] }]],
    ['<p>Les lauréats :</p><p>- l’école Jean-Moulin ;</p><p>- le collège Jules-Michelet.</p>', [{ heading: 'Les lauréats', items: ['l’école Jean-Moulin', 'le collège Jules-Michelet'] }]],
    ['<p><strong>Au programme :</strong><br>- une visite ;<br>- un atelier.</p>', [{ heading: 'Au programme', items: ['une visite', 'un atelier'] }]],
    ['<h3>Infos pratiques</h3><ol><li>Réserver en ligne.</li><li>Venir à l’heure.</li></ol>', [{ heading: 'Infos pratiques', items: ['Réserver en ligne', 'Venir à l’heure'] }]],
    ['<ul><li>Dates : du 1er au 3 juin ;</li><li>Lieu : l’Élispace.</li></ul>', [{ heading: 'Le conseil municipal de Beauvais s’est réuni jeudi soir pour examiner les projets de la rentrée.', items: ['Dates : du 1er au 3 juin', 'Lieu : l’Élispace'] }]],
    ['<p>Le festival revient. Cette année, trois scènes sont prévues :</p><ul><li>place Jeanne-Hachette</li></ul>', [{ heading: 'Cette année, trois scènes sont prévues', items: ['place Jeanne-Hachette'] }]],
    ['<p>Les scènes :</p><ul><li>Place Jeanne-Hachette :<ul><li>rock (20h) ;</li><li>jazz (22h).</li></ul></li><li>Parvis : chorales.</li></ul>', [{ heading: 'Les scènes', items: ['Place Jeanne-Hachette : rock (20h) ; jazz (22h)', 'Parvis : chorales'] }]],
    ['<p>Deux listes :</p><ul><li>une</li></ul><ul><li>deux</li></ul>', [{ heading: 'Deux listes', items: ['une'] }, { heading: '', items: ['deux'] }]],
    ['<p>Aucune liste ici, seulement du texte - avec un tiret au milieu.</p>', []],
    ['<p>- un seul tiret ne fait pas une liste.</p>', []],
  ])('%s', (body, expected) => {
    expect(extract(body).initiatives).toEqual(expected);
  });

  it('a list that opens the body has an empty heading', () => {
    const extraction = extractArticle(renderArticlePage({ body: `<ul><li>Dates : du 1er au 3 juin ;</li><li>Lieu : l’Élispace.</li></ul>${FILLER}` }), ARTICLE_URL);
    expect(extraction.kind === 'article' && extraction.article.initiatives).toEqual([{ heading: '', items: ['Dates : du 1er au 3 juin', 'Lieu : l’Élispace'] }]);
  });

  it('legacy dash lines become a real Markdown list that keeps the page’s punctuation', () => {
    expect(extract('<p>Au programme :<br>- un concert ;<br>- un feu d’artifice.</p>').markdown).toContain('Au programme :\n\n- un concert ;\n- un feu d’artifice.');
  });
});
