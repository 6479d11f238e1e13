import { afterEach, describe, expect, it } from 'vitest';
import { HttpStatusError, OffSiteRedirectError, RedirectLoopError } from '../../src/errors.js';
import type { FetchResult } from '../../src/http/types.js';
import { START_MS } from './helpers/fake-clock.js';
import { createMockSite, HTML, SITE, USER_AGENT, type MockSite } from './helpers/mock-site.js';

let mock: MockSite;
afterEach(async () => {
  await mock.agent.close();
});

function expectFailed(result: FetchResult) {
  if (result.kind !== 'failed') throw new Error(`expected a failure, got ${result.kind}`);
  return result;
}

describe('createFetcher: one page', () => {
  it('returns the body, lower-cased headers and the time of arrival of a 200', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/actualites/42-a.html' }).reply(200, '<h1>Beauvais</h1>', { headers: { 'Content-Type': 'text/html', ETag: '"v1"' } });
    const result = await mock.fetcher.fetch(`${SITE}/actualites/42-a.html`);
    expect(result).toMatchObject({ kind: 'ok', status: 200, url: `${SITE}/actualites/42-a.html`, finalUrl: `${SITE}/actualites/42-a.html`, redirects: [] });
    if (result.kind !== 'ok') return;
    expect(result.body.toString()).toBe('<h1>Beauvais</h1>');
    expect(result.headers).toMatchObject({ 'content-type': 'text/html', etag: '"v1"' });
    expect(result.fetchedAt).toBe(new Date(START_MS).toISOString());
  });

  it('announces itself with the User-Agent, and asks for compressed French HTML', async () => {
    mock = createMockSite();
    let sent: Record<string, string> = {};
    mock.site.intercept({ path: '/' }).reply((request) => {
      sent = request.headers as Record<string, string>;
      return { statusCode: 200, data: '<p>ok</p>', responseOptions: { headers: HTML } };
    });
    await mock.fetcher.fetch(`${SITE}/`);
    expect(sent['user-agent']).toBe(USER_AGENT);
    expect(sent['accept-encoding']).toBe('gzip, deflate, br');
    expect(sent.accept).toMatch(/^text\/html/);
  });

  it('sends the validators and reports a 304 as not modified', async () => {
    mock = createMockSite();
    const lastModified = 'Fri, 08 Dec 2017 10:00:00 GMT';
    mock.site
      .intercept({ path: '/actualites/42-a.html', headers: { 'if-none-match': '"v1"', 'if-modified-since': lastModified } })
      .reply(304, '', { headers: { etag: '"v1"' } });
    const result = await mock.fetcher.fetch(`${SITE}/actualites/42-a.html`, { validators: { etag: '"v1"', lastModified } });
    expect(result).toMatchObject({ kind: 'not-modified', status: 304, headers: { etag: '"v1"' } });
  });

  it('sends no conditional header without validators', async () => {
    mock = createMockSite();
    let sent: Record<string, string> = {};
    mock.site.intercept({ path: '/' }).reply((request) => {
      sent = request.headers as Record<string, string>;
      return { statusCode: 200, data: '', responseOptions: { headers: HTML } };
    });
    await mock.fetcher.fetch(`${SITE}/`);
    expect(sent).not.toHaveProperty('if-none-match');
    expect(sent).not.toHaveProperty('if-modified-since');
  });

  it('fails a 404 at once, without retrying', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/gone.html' }).reply(404, 'Not found').times(4);
    const failed = expectFailed(await mock.fetcher.fetch(`${SITE}/gone.html`));
    expect(failed.error).toBeInstanceOf(HttpStatusError);
    expect(failed.error.status).toBe(404);
    expect(failed.attempts).toBe(1);
    expect(mock.clock.sleeps).toEqual([]);
  });

  it('hands every exchange to onExchange, with the headers as received', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/old.html' }).reply(301, '', { headers: { location: '/new.html' } });
    mock.site.intercept({ path: '/new.html' }).reply(200, 'new', { headers: HTML });
    await mock.fetcher.fetch(`${SITE}/old.html`);
    expect(mock.exchanges.map((e) => [e.url, e.status, e.statusText])).toEqual([
      [`${SITE}/old.html`, 301, 'Moved Permanently'],
      [`${SITE}/new.html`, 200, 'OK'],
    ]);
    expect(mock.exchanges[1]).toMatchObject({ method: 'GET', responseHeaders: HTML, requestHeaders: { 'user-agent': USER_AGENT } });
    expect(mock.exchanges[1]!.body.toString()).toBe('new');
  });
});

describe('createFetcher: redirects', () => {
  it('follows a chain inside the site, the www-less twin included', async () => {
    mock = createMockSite();
    const bare = mock.agent.get('https://beauvais.fr');
    mock.site.intercept({ path: '/index.php?option=com_content&view=article&id=42' }).reply(301, '', { headers: { location: '/actualites/42-a.html' } });
    mock.site.intercept({ path: '/actualites/42-a.html' }).reply(302, '', { headers: { location: 'https://beauvais.fr/actualites/42-b.html' } });
    bare.intercept({ path: '/actualites/42-b.html' }).reply(200, 'article', { headers: HTML });
    const result = await mock.fetcher.fetch(`${SITE}/index.php?option=com_content&view=article&id=42`);
    expect(result).toMatchObject({
      kind: 'ok',
      finalUrl: 'https://beauvais.fr/actualites/42-b.html',
      redirects: [`${SITE}/index.php?option=com_content&view=article&id=42`, `${SITE}/actualites/42-a.html`],
    });
    mock.agent.assertNoPendingInterceptors();
  });

  it('never requests a redirect target outside the site', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/lien.html' }).reply(302, '', { headers: { location: 'https://tracker.example/collect?u=1' } });
    mock.agent.get('https://tracker.example').intercept({ path: '/collect?u=1' }).reply(200, 'tracked', { headers: HTML });
    const failed = expectFailed(await mock.fetcher.fetch(`${SITE}/lien.html`));
    expect(failed.error).toBeInstanceOf(OffSiteRedirectError);
    expect((failed.error as OffSiteRedirectError).location).toBe('https://tracker.example/collect?u=1');
    // The only interceptor left unused is the other host's: it was never requested.
    expect(mock.agent.pendingInterceptors().map((i) => i.origin)).toEqual(['https://tracker.example']);
    expect(() => mock.agent.assertNoPendingInterceptors()).toThrow(/tracker\.example/);
  });

  it('stops a redirect loop', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/a.html' }).reply(301, '', { headers: { location: '/b.html' } });
    mock.site.intercept({ path: '/b.html' }).reply(301, '', { headers: { location: '/a.html' } });
    const failed = expectFailed(await mock.fetcher.fetch(`${SITE}/a.html`));
    expect(failed.error).toBeInstanceOf(RedirectLoopError);
    expect(failed.attempts).toBe(2);
    mock.agent.assertNoPendingInterceptors();
  });

  it('gives up after maxRedirects hops without requesting the next one', async () => {
    mock = createMockSite({ maxRedirects: 3 });
    for (let i = 0; i < 5; i++) mock.site.intercept({ path: `/r${i}.html` }).reply(302, '', { headers: { location: `/r${i + 1}.html` } });
    const failed = expectFailed(await mock.fetcher.fetch(`${SITE}/r0.html`));
    expect(failed.error).toBeInstanceOf(RedirectLoopError);
    // r0..r3 answered (3 redirects followed); the 4th redirect, to r4, is refused.
    expect(mock.agent.pendingInterceptors().map((i) => i.path)).toEqual(['/r4.html']);
  });

  it('fails a redirect without Location as the status it is', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/x.html' }).reply(302, '');
    const failed = expectFailed(await mock.fetcher.fetch(`${SITE}/x.html`));
    expect(failed.error).toBeInstanceOf(HttpStatusError);
    expect(failed.error.status).toBe(302);
  });
});
