import { describe, expect, it } from 'vitest';
import { countOrigins, siteOfUrls } from '../../src/discover/site-of.js';

describe('siteOfUrls', () => {
  it.each([
    [['http://127.0.0.1:8080/a.html', 'http://127.0.0.1:8080/b.html'], 'http://127.0.0.1:8080'],
    [['https://www.beauvais.fr/a', 'https://beauvais.fr/b', 'http://www.beauvais.fr/c', 'https://www.beauvais.fr/d'], 'https://www.beauvais.fr'],
    [['https://staging.example.org/x', 'mailto:a@b.c', 'not a url'], 'https://staging.example.org'],
  ])('%j share the site %s', (urls, site) => {
    expect(siteOfUrls(urls)?.origin).toBe(site);
  });

  it.each([
    [[]],
    [['https://www.beauvais.fr/a', 'https://fonts.example.com/f.woff']],
    [['http://127.0.0.1:8080/a', 'http://127.0.0.1:8081/a']],
  ])('%j share no one site', (urls) => {
    expect(siteOfUrls(urls)).toBeUndefined();
  });
});

describe('countOrigins', () => {
  it('counts origins, most frequent first', () => {
    expect(countOrigins(['http://a.test/1', 'http://b.test/1', 'http://b.test/2', 'ftp://c.test/'])).toEqual([
      { origin: 'http://b.test', count: 2 },
      { origin: 'http://a.test', count: 1 },
    ]);
  });
});
