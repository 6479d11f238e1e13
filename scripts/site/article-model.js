/**
 * The model of one generated article, built on request from (seed, index, version): what the page
 * shows and what an extractor should find in it. Nothing here is cached: 20,000 articles cost only
 * their precomputed category and date.
 */
import { createRandom } from './prng.js';
import { makeInitiatives, makeParagraph, makeSentence, makeTitle, slugify } from './french-text.js';
import { toFrenchDate, toParisDate, toParisIso } from './paris-time.js';

/** News categories: alias (the URL segment) and title. */
export const CATEGORIES = Object.freeze([
  { alias: 'prochainement-a-beauvais', title: 'Prochainement à Beauvais' },
  { alias: 'vie-municipale', title: 'Vie municipale' },
  { alias: 'culture', title: 'Culture' },
  { alias: 'sport', title: 'Sport' },
  { alias: 'solidarite', title: 'Solidarité' },
  { alias: 'environnement', title: 'Environnement' },
  { alias: 'education-jeunesse', title: 'Éducation et jeunesse' },
  { alias: 'economie-emploi', title: 'Économie et emploi' },
].map((c) => Object.freeze(c)));

const DAY = 86_400_000;
const LIST_HEADINGS = ['Parmi les dernières initiatives', 'Au programme', 'Les principales mesures'];

/**
 * @typedef {object} ModelContext
 * @property {string} seed
 * @property {number} firstId
 * @property {Uint8Array} categoryOf
 * @property {Float64Array} publishedAt
 * @property {ReadonlyMap<string, number>} versions
 * @property {number} undatedShare
 */

/**
 * The URL path of article `index` (title and category only: cheaper than the whole model).
 * @param {ModelContext} ctx
 * @param {number} index
 */
export function articleHead(ctx, index) {
  const id = String(ctx.firstId + index);
  const categoryIndex = ctx.categoryOf[index] ?? 0;
  const category = /** @type {{ alias: string, title: string }} */ (CATEGORIES[categoryIndex]);
  const title = makeTitle(createRandom(ctx.seed, 'title', index));
  const alias = slugify(title);
  const publishedAt = ctx.publishedAt[index] ?? 0;
  return { id, index, title, alias, category, categoryIndex, path: `/actualites/${category.alias}/${id}-${alias}.html`, publishedAt };
}

/**
 * The whole model of article `index` at its current version.
 * @param {ModelContext} ctx
 * @param {number} index
 * @returns {import('./generate-site.js').ArticleModel}
 */
export function buildArticle(ctx, index) {
  const head = articleHead(ctx, index);
  const version = ctx.versions.get(head.id) ?? 0;
  const rnd = createRandom(ctx.seed, 'body', index, version);
  /** @type {import('./generate-site.js').Block[]} */
  const blocks = [];
  if (version > 0) blocks.push({ type: 'p', text: `Mise à jour (version ${version}) : ${makeSentence(rnd)}` });
  const paragraphs = rnd.int(3, 9);
  for (let p = 0; p < paragraphs; p++) {
    if (p === 1 && rnd.chance(0.3)) blocks.push({ type: 'img', src: `/images/actualites/${head.id}-photo.jpg`, alt: head.title });
    if (p === 3 && rnd.chance(0.3)) blocks.push({ type: 'h3', text: makeTitle(rnd) });
    blocks.push({ type: 'p', text: makeParagraph(rnd) });
  }
  /** @type {{ heading: string, items: string[] } | null} */
  let initiatives = null;
  if (rnd.chance(0.5)) {
    initiatives = { heading: rnd.pick(LIST_HEADINGS), items: makeInitiatives(rnd) };
    blocks.push({ type: 'initiatives', style: rnd.chance(0.5) ? 'ul' : 'dashes', ...initiatives });
  }
  if (rnd.chance(0.3)) blocks.push({ type: 'info', text: 'Hôtel de ville, 1 rue Desgroux, 03 44 79 40 00' });
  const last = ctx.publishedAt[ctx.publishedAt.length - 1] ?? head.publishedAt;
  const dated = !createRandom(ctx.seed, 'dated', index).chance(ctx.undatedShare);
  const intro = blocks.find((b) => b.type === 'p');
  return {
    ...head,
    version,
    dated,
    publishedIso: toParisIso(head.publishedAt),
    publishedDate: toParisDate(head.publishedAt),
    publishedFrench: toFrenchDate(head.publishedAt),
    // A change is dated after every publication, so Last-Modified always moves forward.
    modifiedAt: version === 0 ? head.publishedAt : last + version * DAY,
    blocks,
    initiatives,
    intro: intro && intro.type === 'p' ? intro.text : head.title,
  };
}

/**
 * Precomputes category and publication instant of every article: strictly increasing, 30 min to
 * 8 h apart from 2 January 2012, so article `i` keeps its date whatever the site's size, and some
 * fall between 00:00 and 01:00 Paris time (the day before in UTC).
 * @param {string} seed
 * @param {number} count
 */
export function planArticles(seed, count) {
  const categoryOf = new Uint8Array(count);
  const publishedAt = new Float64Array(count);
  let t = Date.UTC(2012, 0, 2, 8, 0, 0);
  for (let i = 0; i < count; i++) {
    const rnd = createRandom(seed, 'plan', i);
    categoryOf[i] = rnd.int(0, CATEGORIES.length - 1);
    t += Math.round((0.5 + rnd.next() * 7.5) * 60) * 60_000;
    publishedAt[i] = t;
  }
  return { categoryOf, publishedAt };
}
