/**
 * The full-text search index, split so a browser loads only what a query needs. Terms are folded
 * (lower case, accents and ligatures removed: "école" and "ecole" are one term) and grouped in shards
 * by their first two characters; a query loads the shard of each of its words, then the few chunks of
 * article titles its best results are in. Every file is a script that hands its data to
 * `BeauvaisSearch`, because browsers refuse fetch and XHR from file:// but run <script> tags.
 */

/** Marks left by NFD decomposition (accents), removed by folding. */
export const COMBINING_MARKS = /\p{M}/gu;
/** What separates words: anything but letters and digits. */
export const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;
/** Ligatures NFD leaves alone. */
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };
const LIGATURE = /[œæß]/g;
/** Shard names that need no encoding. */
export const PLAIN_SHARD = /^[a-z0-9]{2}$/;

/** French words too common to help a search; they are not indexed, and a query ignores them. */
export const STOP_WORDS: readonly string[] = [
  'au', 'aux', 'avec', 'ce', 'ces', 'dans', 'de', 'des', 'du', 'elle', 'en', 'et', 'il', 'ils', 'la', 'le', 'les', 'leur',
  'leurs', 'lui', 'ma', 'mais', 'me', 'mes', 'ne', 'nous', 'on', 'ou', 'par', 'pas', 'pour', 'qu', 'que', 'qui', 'sa', 'se',
  'ses', 'son', 'sur', 'ta', 'te', 'tes', 'un', 'une', 'vos', 'vous', 'est', 'sont', 'cette', 'cet',
];
const STOP = new Set(STOP_WORDS);

/** Titles per chunk of result data. */
export const DOCS_PER_CHUNK = 500;
/** A word in a title weighs this many words of the body. */
const TITLE_WEIGHT = 10;
const MAX_WEIGHT = 65_535;

/** Text in the index's form: lower case, no accents, no ligatures. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(LIGATURE, (c) => LIGATURES[c] ?? c);
}

/** The indexed words of a text: folded, at least two characters, stop words left out. */
export function toSearchTerms(text: string): string[] {
  return foldText(text).split(WORD_SEPARATORS).filter((t) => t.length >= 2 && !STOP.has(t));
}

/** The shard a term is in: its first two characters, encoded when they are not plain ASCII. */
export function toShardName(term: string): string {
  const key = [...term].slice(0, 2).join('');
  return PLAIN_SHARD.test(key) ? key : `u${[...key].map((c) => c.codePointAt(0)?.toString(16)).join('-')}`;
}

/** One searchable article: its page, what a result shows, and the weight of each of its words. */
export interface SearchDocument {
  readonly page: string;
  readonly title: string;
  readonly date: string;
  readonly section: string | null;
  readonly weights: Readonly<Record<string, number>>;
}

/** Each indexed word of an article and its weight: its count in the body, a title word counting TITLE_WEIGHT. */
export function toTermWeights(title: string, body: string): Record<string, number> {
  // A Map, not an object: "constructor" or "__proto__" are words like any other.
  const weights = new Map<string, number>();
  for (const t of toSearchTerms(title)) weights.set(t, (weights.get(t) ?? 0) + TITLE_WEIGHT);
  for (const t of toSearchTerms(body)) weights.set(t, (weights.get(t) ?? 0) + 1);
  return Object.fromEntries([...weights].map(([t, w]) => [t, Math.min(w, MAX_WEIGHT)]));
}

/** The index's files (site path → script text), given the documents in result order (newest first). */
export function renderSearchIndex(docs: readonly SearchDocument[]): Map<string, string> {
  const terms = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    for (const [t, w] of Object.entries(doc.weights)) {
      const postings = terms.get(t);
      if (postings) postings.push(i, w);
      else terms.set(t, [i, w]);
    }
  });
  const shards = new Map<string, string[]>();
  for (const term of [...terms.keys()].sort()) {
    const name = toShardName(term);
    const list = shards.get(name) ?? [];
    list.push(term);
    if (list.length === 1) shards.set(name, list);
  }
  const files = new Map<string, string>();
  for (const [name, list] of shards) {
    const data = Object.fromEntries(list.map((t) => [t, terms.get(t)]));
    files.set(`search/t-${name}.js`, `BeauvaisSearch.terms(${JSON.stringify(name)},${JSON.stringify(data)});\n`);
  }
  for (let start = 0, n = 0; start < docs.length; start += DOCS_PER_CHUNK, n += 1) {
    const rows = docs.slice(start, start + DOCS_PER_CHUNK).map((d) => [d.page, d.title, d.date, d.section ?? '']);
    files.set(`search/docs-${n}.js`, `BeauvaisSearch.docs(${n},${JSON.stringify(rows)});\n`);
  }
  const meta = { docs: docs.length, perChunk: DOCS_PER_CHUNK, shards: [...shards.keys()] };
  files.set('search/meta.js', `BeauvaisSearch.meta(${JSON.stringify(meta)});\n`);
  return files;
}
