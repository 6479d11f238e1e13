import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLargeError, NetworkError, NotHtmlError } from '../../src/errors.js';
import type { FetchResult } from '../../src/http/types.js';
import { createMockSite, HTML, SITE, type MockSite } from './helpers/mock-site.js';

let mock: MockSite;
afterEach(async () => {
  await mock.agent.close();
});

const PAGE = '<html><body><h1>Beauvais labellisée 5 arobases pour la 5ème année consécutive</h1></body></html>';

function errorOf(result: FetchResult) {
  if (result.kind !== 'failed') throw new Error(`expected a failure, got ${result.kind}`);
  return result.error;
}

describe('createFetcher: content codings', () => {
  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('decodes a %s body', async (coding, compress) => {
    mock = createMockSite();
    mock.site.intercept({ path: '/a.html' }).reply(200, compress(Buffer.from(PAGE)), { headers: { ...HTML, 'content-encoding': coding } });
    const result = await mock.fetcher.fetch(`${SITE}/a.html`);
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') expect(result.body.toString('utf8')).toBe(PAGE);
  });

  it('undoes stacked codings from last applied to first', async () => {
    mock = createMockSite();
    const body = brotliCompressSync(gzipSync(Buffer.from(PAGE)));
    mock.site.intercept({ path: '/a.html' }).reply(200, body, { headers: { ...HTML, 'content-encoding': 'gzip, br' } });
    const result = await mock.fetcher.fetch(`${SITE}/a.html`);
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') expect(result.body.toString('utf8')).toBe(PAGE);
  });

  it('keeps the encoded headers for the WARC record and hands over the decoded body', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/a.html' }).reply(200, gzipSync(Buffer.from(PAGE)), { headers: { ...HTML, 'content-encoding': 'gzip' } });
    await mock.fetcher.fetch(`${SITE}/a.html`);
    expect(mock.exchanges[0]!.responseHeaders['content-encoding']).toBe('gzip');
    expect(mock.exchanges[0]!.body.toString('utf8')).toBe(PAGE);
  });

  it('fails a corrupt gzip body with a NetworkError', async () => {
    mock = createMockSite({ retries: 0 });
    const corrupt = gzipSync(Buffer.from(PAGE));
    corrupt.fill(0x41, 12, 40);
    mock.site.intercept({ path: '/a.html' }).reply(200, corrupt, { headers: { ...HTML, 'content-encoding': 'gzip' } });
    expect(errorOf(await mock.fetcher.fetch(`${SITE}/a.html`))).toBeInstanceOf(NetworkError);
  });

  it('fails a truncated gzip body with a NetworkError', async () => {
    mock = createMockSite({ retries: 0 });
    const whole = gzipSync(Buffer.from(PAGE.repeat(20)));
    mock.site.intercept({ path: '/a.html' }).reply(200, whole.subarray(0, whole.length - 30), { headers: { ...HTML, 'content-encoding': 'gzip' } });
    expect(errorOf(await mock.fetcher.fetch(`${SITE}/a.html`))).toBeInstanceOf(NetworkError);
  });

  it('fails a body shorter than its Content-Length with a NetworkError', async () => {
    mock = createMockSite({ retries: 0 });
    mock.site.intercept({ path: '/a.html' }).reply(200, PAGE, { headers: { ...HTML, 'content-length': String(PAGE.length + 500) } });
    const error = errorOf(await mock.fetcher.fetch(`${SITE}/a.html`));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/Content-Length/);
  });
});

describe('createFetcher: size and type limits', () => {
  it('refuses a body larger than maxBodyBytes', async () => {
    mock = createMockSite({ maxBodyBytes: 1024 });
    mock.site.intercept({ path: '/big.html' }).reply(200, 'x'.repeat(5_000), { headers: HTML });
    const result = await mock.fetcher.fetch(`${SITE}/big.html`);
    expect(errorOf(result)).toBeInstanceOf(BodyTooLargeError);
    // Not retryable: the same page will be as large next time.
    expect(result).toMatchObject({ attempts: 1 });
  });

  it('refuses a body announced larger than maxBodyBytes', async () => {
    mock = createMockSite({ maxBodyBytes: 1024 });
    mock.site.intercept({ path: '/big.html' }).reply(200, 'x'.repeat(5_000), { headers: { ...HTML, 'content-length': '5000' } });
    expect(errorOf(await mock.fetcher.fetch(`${SITE}/big.html`))).toBeInstanceOf(BodyTooLargeError);
  });

  it('refuses a gzip bomb by its decoded size', async () => {
    mock = createMockSite({ maxBodyBytes: 64 * 1024 });
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    mock.site.intercept({ path: '/bomb.html' }).reply(200, bomb, { headers: { ...HTML, 'content-encoding': 'gzip' } });
    expect(errorOf(await mock.fetcher.fetch(`${SITE}/bomb.html`))).toBeInstanceOf(BodyTooLargeError);
  });

  it('rejects a PDF where a page was expected', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/docs/bulletin.pdf' }).reply(200, '%PDF-1.7', { headers: { 'content-type': 'application/pdf' } });
    const result = await mock.fetcher.fetch(`${SITE}/docs/bulletin.pdf`);
    expect(errorOf(result)).toBeInstanceOf(NotHtmlError);
    expect(result).toMatchObject({ attempts: 1 });
    expect(mock.exchanges).toEqual([]);
  });

  it('accepts a feed when asked for XML, and anything when asked for any', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/actualites.feed?type=rss' }).reply(200, '<rss/>', { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
    mock.site.intercept({ path: '/logo.png' }).reply(200, 'PNG', { headers: { 'content-type': 'image/png' } });
    expect(await mock.fetcher.fetch(`${SITE}/actualites.feed?type=rss`, { accept: 'xml' })).toMatchObject({ kind: 'ok' });
    expect(await mock.fetcher.fetch(`${SITE}/logo.png`, { accept: 'any' })).toMatchObject({ kind: 'ok' });
  });
});
