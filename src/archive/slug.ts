/**
 * Safe file-name pieces: the slug of a title and the path form of an article id. Pure functions.
 * Whatever a page's title holds (`../`, NUL, newlines, 2,000 characters, only emoji), the result is
 * `[a-z0-9-]`, bounded, never empty and never `.` or `..`, so a path built from it stays in `<out>`.
 */
import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

/** The slug of a title that leaves nothing usable (punctuation, emoji, scripts with no Latin form). */
export const FALLBACK_SLUG = 'article';

/** French words for the symbols titles use, so "50 % des 3 000 €" keeps its meaning. */
const FRENCH_REPLACEMENTS: ReadonlyArray<[string, string]> = [
  ['&', ' et '],
  ['€', ' euros '],
  ['%', ' pour cent '],
];

/** What a slug may contain, once slugify has folded accents ("é"→"e", "œ"→"oe"). */
const NOT_SLUG_CHARACTER = /[^a-z0-9-]+/g;
const EDGE_DASHES = /^-+|-+$/g;
const REPEATED_DASHES = /-{2,}/g;

/** An id that can be used in a path as it is (Joomla ids are digits). */
const SAFE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The slug of a title: lower case, `[a-z0-9-]`, at most `maxLength` characters cut at a word boundary. */
export function toSlug(title: string, maxLength = 80): string {
  const limit = Math.max(1, Math.floor(maxLength));
  const slug = slugify(title, {
    locale: 'fr',
    // "iPhone" must not become "i-phone": titles are prose, not identifiers.
    decamelize: false,
    customReplacements: FRENCH_REPLACEMENTS,
  })
    // slugify already restricts its output; this guards against a future version that does not.
    .replace(NOT_SLUG_CHARACTER, '-')
    .replace(REPEATED_DASHES, '-')
    .replace(EDGE_DASHES, '');
  const cut = cutAtWordBoundary(slug, limit);
  return cut === '' ? FALLBACK_SLUG.slice(0, limit) : cut;
}

/** The path form of an article id: the id itself when it is already safe, else a slug plus a short hash. */
export function toIdSegment(id: string): string {
  if (SAFE_ID.test(id)) return id;
  // A hash keeps two ids that slug alike ("A/1" and "a-1") apart, and the result deterministic.
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 12);
  const readable = toSlug(id, 40);
  return readable === FALLBACK_SLUG ? `id-${hash}` : `${readable}-${hash}`;
}

/** `slug` cut to `limit` characters at the last dash that fits; a single over-long word is cut hard. */
function cutAtWordBoundary(slug: string, limit: number): string {
  if (slug.length <= limit) return slug;
  // A dash right after the limit means the cut falls exactly at a word boundary.
  const window = slug.slice(0, limit + 1);
  const lastDash = window.lastIndexOf('-');
  const cut = lastDash > 0 ? slug.slice(0, lastDash) : slug.slice(0, limit);
  return cut.replace(EDGE_DASHES, '');
}
