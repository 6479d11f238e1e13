import { describe, expect, it } from 'vitest';
import { isFutureDate, parseDateValue, parseFrenchDate } from '../../src/extract/dates.js';
import { extractArticle } from '../../src/extract/index.js';
import { ARTICLE_URL, FILLER, renderArticlePage, type ArticlePageParts } from './article-page.js';

describe('parseFrenchDate reads French text dates (day first, Paris time)', () => {
  it.each([
    ['Publié le 8 décembre 2017', '2017-12-08'],
    ['Publication : 1er mars 2016', '2016-03-01'],
    ['Publié le 1ᵉʳ mai 2019', '2019-05-01'],
    ['1ER AOÛT 2018', '2018-08-01'],
    ['Mis à jour le 3 juillet 2019 à 14h05', '2019-07-03T14:05:00+02:00'],
    ['Vendredi, 08 Décembre 2017 10:30', '2017-12-08T10:30:00+01:00'],
    ['le 2 févr. 2020', '2020-02-02'],
    ['le 15 aout 2021', '2021-08-15'],
    ['08/12/2017', '2017-12-08'],
    ['8.12.2017', '2017-12-08'],
    ['12/08/2017', '2017-08-12'],
    ['Publication : 08/12/2017 00:30', '2017-12-08T00:30:00+01:00'],
    ['Rendez-vous le 5 mai 2019 à 5 heures', '2019-05-05'],
    ['31 février 2017', null],
    ['13/13/2017', null],
    ['le 12 mars, sans année', null],
    ['aucune date ici', null],
    ['8 décembre 1970', null],
  ])('%s → %s', (text, expected) => {
    expect(parseFrenchDate(text)?.iso ?? null).toBe(expected);
  });
});

describe('parseDateValue writes structured dates in Europe/Paris, with their offset', () => {
  it.each([
    ['2017-12-07T23:30:00Z', '2017-12-08T00:30:00+01:00'],
    ['2018-07-14T22:30:00Z', '2018-07-15T00:30:00+02:00'],
    ['2018-03-25T00:30:00Z', '2018-03-25T01:30:00+01:00'],
    ['2018-03-25T01:30:00Z', '2018-03-25T03:30:00+02:00'],
    ['2018-10-28T00:30:00Z', '2018-10-28T02:30:00+02:00'],
    ['2018-10-28T01:30:00Z', '2018-10-28T02:30:00+01:00'],
    ['2017-12-08T10:24:13+01:00', '2017-12-08T10:24:13+01:00'],
    ['2017-12-08T09:24:13+00:00', '2017-12-08T10:24:13+01:00'],
    ['2017-12-08T10:24:13.000+0100', '2017-12-08T10:24:13+01:00'],
    ['2017-12-08T04:24:13-05:00', '2017-12-08T10:24:13+01:00'],
    ['2017-12-08', '2017-12-08'],
    ['2017-12-08 10:30:00', '2017-12-08T10:30:00+01:00'],
    ['2019-07-03T14:05', '2019-07-03T14:05:00+02:00'],
    ['0000-00-00 00:00:00', null],
    ['1970-01-01T00:00:00Z', null],
    ['2017-02-30', null],
    ['2017-12-08T25:00:00Z', null],
    ['8 décembre 2017', null],
    ['', null],
  ])('%s → %s', (value, expected) => {
    expect(parseDateValue(value)?.iso ?? null).toBe(expected);
  });
});

describe('isFutureDate', () => {
  const now = new Date('2026-11-26T10:00:00Z');
  it.each([
    ['2026-11-26T10:00:00Z', false],
    ['2026-11-26T10:00:01Z', true],
    ['2026-11-26', false],
    ['2026-11-27', true],
    // 26 November, 23:30 UTC is already the 27th in Paris: still not after `now` as an instant.
    ['2026-11-25T23:30:00Z', false],
  ])('%s → %s', (value, expected) => {
    const parsed = parseDateValue(value);
    expect(parsed).not.toBeNull();
    expect(isFutureDate(parsed!, now)).toBe(expected);
  });
});

/** The dates extracted from a test page. */
function datesOf(parts: Partial<ArticlePageParts>, now = new Date('2026-11-26T10:00:00Z')) {
  const extraction = extractArticle(renderArticlePage({ body: FILLER, ...parts }), ARTICLE_URL, {}, { now });
  if (extraction.kind !== 'article') throw new Error(extraction.reason);
  const { publishedAt, updatedAt, dateSource } = extraction.article;
  return { publishedAt, updatedAt, dateSource };
}

const jsonLd = (data: object) => `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', ...data })}</script>`;

describe('article dates follow the precedence chain', () => {
  it('JSON-LD wins over a visible date that disagrees', () => {
    expect(
      datesOf({
        head: jsonLd({ datePublished: '2023-06-02T10:00:00+02:00' }),
        info: '<dd class="published"><time datetime="2023-06-05T08:00:00+02:00">Publication : 5 juin 2023</time></dd>',
      }),
    ).toEqual({ publishedAt: '2023-06-02T10:00:00+02:00', updatedAt: null, dateSource: 'json-ld' });
  });

  it('a UTC instant just before midnight is dated the next day in Paris', () => {
    expect(datesOf({ head: jsonLd({ datePublished: '2017-12-07T23:30:00Z' }) }).publishedAt).toBe('2017-12-08T00:30:00+01:00');
  });

  it('meta tags come after JSON-LD and before the DOM', () => {
    expect(
      datesOf({
        head: '<meta property="article:published_time" content="2020-01-15T08:00:00Z" /><meta property="article:modified_time" content="2020-01-16T08:00:00Z" />',
        info: '<dd class="published"><time datetime="2020-01-14T08:00:00Z">14 janvier 2020</time></dd>',
      }),
    ).toEqual({ publishedAt: '2020-01-15T09:00:00+01:00', updatedAt: '2020-01-16T09:00:00+01:00', dateSource: 'meta' });
  });

  it('a future date is never used: the next source is', () => {
    expect(
      datesOf({
        head: jsonLd({ datePublished: '2027-03-01T10:00:00+01:00', dateModified: '2030-01-01' }),
        info: '<dd class="published"><time datetime="2026-03-01T10:00:00+01:00">1er mars 2026</time></dd>',
      }),
    ).toEqual({ publishedAt: '2026-03-01T10:00:00+01:00', updatedAt: null, dateSource: 'time[datetime]' });
  });

  it('Joomla info-block times give publication and modification dates', () => {
    expect(
      datesOf({
        info: '<dd class="modified"><time datetime="2018-06-18T14:05:00+02:00">Mise à jour : 18 juin 2018</time></dd><dd class="published"><time datetime="2018-06-15T09:00:00+02:00">Publication : 15 juin 2018</time></dd>',
      }),
    ).toEqual({ publishedAt: '2018-06-15T09:00:00+02:00', updatedAt: '2018-06-18T14:05:00+02:00', dateSource: 'time[datetime]' });
  });

  it('microdata dates are read when there is no time element', () => {
    expect(datesOf({ info: '<dd class="published"><meta itemprop="datePublished" content="2019-09-02T08:30:00+02:00" />Publication : 2 septembre 2019</dd>' })).toEqual({
      publishedAt: '2019-09-02T08:30:00+02:00',
      updatedAt: null,
      dateSource: 'microdata',
    });
  });

  it('French text in the info block is read, labels deciding which date it is', () => {
    expect(datesOf({ info: '<dd class="published">Publié le 1er mars 2016</dd><dd class="modified">Modifié le 08/03/2016 à 9h15</dd>' })).toEqual({
      publishedAt: '2016-03-01',
      updatedAt: '2016-03-08T09:15:00+01:00',
      dateSource: 'text',
    });
  });

  it('a labelled line of the article is read', () => {
    expect(datesOf({ body: `<p><em>Publié le 3 avril 2019</em></p>${FILLER}` })).toEqual({ publishedAt: '2019-04-03', updatedAt: null, dateSource: 'text' });
  });

  it('a date inside a sentence of the text is not the article’s date', () => {
    expect(datesOf({ body: `${FILLER}<p>La fête aura lieu le 12 juin 2018 dans le parc, publié le programme complet en mairie.</p>` })).toEqual({
      publishedAt: null,
      updatedAt: null,
      dateSource: null,
    });
  });

  it('the dates of sidebar modules listing other articles are never taken', () => {
    const aside = `<div class="moduletable"><h3>Dernières actualités</h3><ul><li><a href="/a.html">Autre</a> Publié le 11 décembre 2017 <time datetime="2017-12-11T09:00:00+01:00"></time></li></ul></div>
      <div class="moduletable"><h3>Agenda</h3><p>16/12/2017 : concert</p></div>`;
    expect(datesOf({ aside, head: '' })).toEqual({ publishedAt: null, updatedAt: null, dateSource: null });
  });

  it('a related-articles block inside the article does not lend its dates', () => {
    const body = `${FILLER}<h3>Dans la même rubrique</h3><ul><li><a href="/a.html">Autre article</a> (Publié le 1er juillet 2019)</li><li><a href="/b.html">Encore un</a></li></ul>`;
    expect(datesOf({ body })).toEqual({ publishedAt: null, updatedAt: null, dateSource: null });
  });
});
