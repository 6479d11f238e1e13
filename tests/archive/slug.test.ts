import { describe, expect, it } from 'vitest';
import { FALLBACK_SLUG, toIdSegment, toSlug } from '../../src/archive/slug.js';

const SAFE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('toSlug', () => {
  it.each([
    ['Beauvais labellisée 5 arobases pour la 5ème année consécutive', 'beauvais-labellisee-5-arobases-pour-la-5eme-annee-consecutive'],
    ['Cœur de ville : l’œuvre d’Élise', 'coeur-de-ville-l-oeuvre-d-elise'],
    ['ÉCOLE Île-de-France à Noël', 'ecole-ile-de-france-a-noel'],
    ['Ça va ? Oui !', 'ca-va-oui'],
    ['Théâtre & cinéma', 'theatre-et-cinema'],
    ['50 % des 3 000 €', '50-pour-cent-des-3-000-euros'],
    ['iPhone offert', 'iphone-offert'],
  ])('%j → %j', (title, slug) => {
    expect(toSlug(title)).toBe(slug);
  });

  it.each([
    ['🎉🎉🎉'],
    ['!!! ??? ...'],
    ['.'],
    ['..'],
    [''],
    ['   '],
    ['שלום עולם'],
    ['日本語'],
  ])('%j (nothing usable) → the fallback slug', (title) => {
    expect(toSlug(title)).toBe(FALLBACK_SLUG);
  });

  it.each([
    ['../../etc/passwd'],
    ['/absolute/path'],
    ['a\0b'],
    ['line one\nline two\r\nthree'],
    ['C:\\Windows\\system32'],
    ['مرحبا بالعالم'],
    ['%2e%2e%2f'],
    ['x'.repeat(2000)],
    ['mot '.repeat(500)],
  ])('%j (hostile) → a safe, bounded slug', (title) => {
    const slug = toSlug(title);
    expect(slug).toMatch(SAFE);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).not.toContain('..');
  });

  it('cuts a long title at a word boundary', () => {
    const title = 'Le conseil municipal de Beauvais adopte le budget primitif pour l’année deux mille dix-huit';
    const slug = toSlug(title, 40);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(toSlug(title)).toMatch(new RegExp(`^${slug}-`));
    expect(slug).not.toMatch(/-$/);
  });

  it('cuts exactly at a dash when the limit falls on one', () => {
    expect(toSlug('abc def ghi', 7)).toBe('abc-def');
  });

  it('cuts a single over-long word hard', () => {
    expect(toSlug('a'.repeat(200), 50)).toBe('a'.repeat(50));
  });
});

describe('toIdSegment', () => {
  it.each([['3750'], ['u-1a2b3c'], ['abc_def']])('%j is kept as it is', (id) => {
    expect(toIdSegment(id)).toBe(id);
  });

  it.each([['../../x'], ['A/1'], ['a b'], ['\0'], ['x'.repeat(300)], ['Ünïcode']])('%j becomes a safe segment', (id) => {
    const segment = toIdSegment(id);
    expect(segment).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    expect(segment.length).toBeLessThanOrEqual(60);
  });

  it('keeps ids that slug alike apart', () => {
    expect(toIdSegment('A/1')).not.toBe(toIdSegment('a-1'));
    expect(toIdSegment('A/1')).toBe(toIdSegment('A/1'));
  });
});
