/**
 * The full-text search index, split so a browser loads only what a query needs. Terms are folded
 * (lower case, accents and ligatures removed: "école" and "ecole" are one term) and grouped in shards
 * by their first two characters; a query loads the shard of each of its words, then the few chunks of
 * article titles its best results are in. An article's number is its rank among the archive files
 * (sorted paths, so mostly by date): new articles come last, and a rebuild after a crawl patches the
 * few shards their words are in instead of rebuilding the index. Every file is a script that hands its data to
 * `BeauvaisSearch`, because browsers refuse fetch and XHR from file:// but run <script> tags.
 */

/** Marks left by NFD decomposition (accents), removed by folding. */
export const COMBINING_MARKS = /\p{M}/gu;
/** What separates words: anything but letters and digits. */
export const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;
/** Ligatures NFD leaves alone. */
export const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };
export const LIGATURE = /[œæß]/g;
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
const DOCS_PER_CHUNK = 500;
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

/** What a search result shows of an article. */
export interface SearchRow {
  readonly page: string;
  readonly title: string;
  /** As shown: "8 décembre 2017". */
  readonly date: string;
  readonly section: string | null;
}

/** An article's number in the index (its rank among the archive files) and the weight of each of its words. */
export interface IndexedDocument {
  readonly id: number;
  readonly weights: Readonly<Record<string, number>>;
}

/** A shard's terms: term → postings, `[id, weight, id, weight, …]` by increasing id. */
export type Shard = Map<string, number[]>;

/** Each indexed word of an article and its weight: its count in the body, a title word counting TITLE_WEIGHT. */
export function toTermWeights(title: string, body: string): Record<string, number> {
  // A Map, not an object: "constructor" or "__proto__" are words like any other.
  const weights = new Map<string, number>();
  for (const t of toSearchTerms(title)) weights.set(t, (weights.get(t) ?? 0) + TITLE_WEIGHT);
  for (const t of toSearchTerms(body)) weights.set(t, (weights.get(t) ?? 0) + 1);
  return Object.fromEntries([...weights].map(([t, w]) => [t, Math.min(w, MAX_WEIGHT)]));
}

/**
 * The shards an article's words fall in, each with a hash of its words and weights there
 * ("ab:1x9z2k,ac:…", kept between builds): a rebuild patches only the shards whose hash changed.
 */
export function toShardList(weights: Readonly<Record<string, number>>): string {
  const byShard = new Map<string, string[]>();
  for (const [term, weight] of Object.entries(weights)) {
    const name = toShardName(term);
    const list = byShard.get(name);
    if (list) list.push(`${term}=${weight}`);
    else byShard.set(name, [`${term}=${weight}`]);
  }
  return [...byShard.keys()].sort().map((name) => `${name}:${shortHash((byShard.get(name) as string[]).sort().join(' '))}`).join(',');
}

/** Shard name → hash, from a `toShardList` string. */
export function parseShardList(list: string): Map<string, string> {
  return new Map(list ? list.split(',').map((item) => item.split(':') as [string, string]) : []);
}

/** FNV-1a, 32 bits, in base 36: enough to tell a changed shard of one article from an unchanged one. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** Every shard of the index, built from the documents. */
export function buildShards(docs: readonly IndexedDocument[]): Map<string, Shard> {
  const shards = new Map<string, Shard>();
  for (const doc of docs) addPostings(shards, doc);
  return sortShards(shards);
}

/** Adds a document's postings to the shards (in any order: `sortShards` puts them in id order). */
export function addPostings(shards: Map<string, Shard>, doc: IndexedDocument): void {
  for (const [term, weight] of Object.entries(doc.weights)) {
    const name = toShardName(term);
    let shard = shards.get(name);
    if (!shard) shards.set(name, (shard = new Map()));
    const postings = shard.get(term);
    if (postings) postings.push(doc.id, weight);
    else shard.set(term, [doc.id, weight]);
  }
}

/** The shards with every postings list in increasing id order (documents are read a few at a time, not in order). */
export function sortShards(shards: Map<string, Shard>): Map<string, Shard> {
  for (const shard of shards.values()) {
    for (const [term, postings] of shard) if (!isSorted(postings)) shard.set(term, sortPostings(postings));
  }
  return shards;
}

/**
 * A shard of the last build brought up to date: the postings of `removed` ids dropped, those of
 * `added` (the same shard built from the documents read again, in id order) merged in, empty terms dropped.
 */
export function patchShard(shard: Shard, removed: ReadonlySet<number>, added: Shard | undefined): Shard {
  const patched: Shard = new Map();
  for (const [term, postings] of shard) {
    const kept: number[] = [];
    for (let i = 0; i < postings.length; i += 2) if (!removed.has(postings[i] as number)) kept.push(postings[i] as number, postings[i + 1] as number);
    if (kept.length > 0) patched.set(term, kept);
  }
  for (const [term, postings] of added ?? []) patched.set(term, mergePostings(patched.get(term) ?? [], postings));
  return patched;
}

/** A shard's file: a script handing its terms, sorted, to the page. */
export function renderShardFile(name: string, shard: Shard): string {
  const data = Object.fromEntries([...shard.keys()].sort().map((t) => [t, shard.get(t)]));
  return `BeauvaisSearch.terms(${JSON.stringify(name)},${JSON.stringify(data)});\n`;
}

/** The terms of a shard file written by `renderShardFile`. */
export function parseShardFile(text: string): Shard {
  const json = text.slice(text.indexOf(',') + 1, text.lastIndexOf(')'));
  return new Map(Object.entries(JSON.parse(json) as Record<string, number[]>));
}

/** The site path of a shard's file. */
export function toShardPath(name: string): string {
  return `search/t-${name}.js`;
}

/** The result rows, by id, in chunks of DOCS_PER_CHUNK (null: an archive file that could not be read). */
export function renderDocChunks(rows: readonly (SearchRow | null)[]): Map<string, string> {
  const files = new Map<string, string>();
  for (let start = 0, n = 0; start < rows.length; start += DOCS_PER_CHUNK, n += 1) {
    const chunk = rows.slice(start, start + DOCS_PER_CHUNK).map((d) => (d ? [d.page, d.title, d.date, d.section ?? ''] : 0));
    files.set(`search/docs-${n}.js`, `BeauvaisSearch.docs(${n},${JSON.stringify(chunk)});\n`);
  }
  return files;
}

/** search/meta.js: how many documents, and which shards exist (the page never asks for a missing one). */
export function renderSearchMeta(count: number, shards: readonly string[]): string {
  return `BeauvaisSearch.meta(${JSON.stringify({ docs: count, perChunk: DOCS_PER_CHUNK, shards: [...shards].sort() })});\n`;
}

function isSorted(postings: readonly number[]): boolean {
  for (let i = 2; i < postings.length; i += 2) if ((postings[i] as number) < (postings[i - 2] as number)) return false;
  return true;
}

function sortPostings(postings: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < postings.length; i += 2) pairs.push([postings[i] as number, postings[i + 1] as number]);
  return pairs.sort((a, b) => a[0] - b[0]).flat();
}

/** Two postings lists, each in increasing id order, merged into one. */
function mergePostings(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as number) < (b[j] as number))) {
      merged.push(a[i] as number, a[i + 1] as number);
      i += 2;
    } else {
      merged.push(b[j] as number, b[j + 1] as number);
      j += 2;
    }
  }
  return merged;
}
